using System.Globalization;

namespace Wijkbasis.Bench.W5;

internal sealed record W5Options(string Provider, string? Server, int Rows, int People, int Sessions, string? Out)
{
    public static W5Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--name value', got '{args[i]}'");
            }
            values[args[i][2..]] = args[i + 1];
        }
        var provider = values.GetValueOrDefault("provider") ?? throw new ArgumentException("--provider is required");
        if (provider is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--provider '{provider}' is not 'sqlite' or 'postgres'");
        }
        var server = values.GetValueOrDefault("server") ?? NonEmpty("W5_PG") ?? NonEmpty("WIJKBASIS_TEST_PG");
        if (provider == "postgres" && server is null)
        {
            throw new ArgumentException("postgres needs --server, W5_PG or WIJKBASIS_TEST_PG");
        }
        int Number(string key, int fallback) => values.TryGetValue(key, out var text)
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"--{key} is not a number")
            : fallback;
        var options = new W5Options(provider, server, Number("rows", 100_000), Number("people", 2_000), Number("sessions", 520), values.GetValueOrDefault("out"));
        if (options.Rows < 20 || options.People < 10 || options.Sessions < 2)
        {
            throw new ArgumentException("--rows must be at least 20, --people 10 and --sessions 2");
        }
        if ((long)options.People * options.Sessions < options.Rows)
        {
            throw new ArgumentException("--people times --sessions must be at least --rows (a check-in is one per person per session)");
        }
        return options;
    }

    private static string? NonEmpty(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

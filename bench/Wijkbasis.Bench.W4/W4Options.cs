using System.Globalization;

namespace Wijkbasis.Bench.W4;

internal sealed record W4Options(string Provider, string? Server, int Buddies, int OpenCases, int ClosedCases, int Iterations,
    int Warmup, string? Out)
{
    public static W4Options Parse(string[] args)
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
        var server = values.GetValueOrDefault("server") ?? NonEmpty("W4_PG") ?? NonEmpty("WIJKBASIS_TEST_PG");
        if (provider == "postgres" && server is null)
        {
            throw new ArgumentException("postgres needs --server, W4_PG or WIJKBASIS_TEST_PG");
        }
        int Number(string key, int fallback) => values.TryGetValue(key, out var text)
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"--{key} is not a number")
            : fallback;
        var options = new W4Options(provider, server, Number("buddies", 20_000), Number("open-cases", 3_000),
            Number("closed-cases", 3_000), Number("iterations", 200), Number("warmup", 20), values.GetValueOrDefault("out"));
        if (options.Buddies < 10 || options.Iterations < 1)
        {
            throw new ArgumentException("--buddies must be at least 10 and --iterations at least 1");
        }
        return options;
    }

    private static string? NonEmpty(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

namespace Wijkbasis.Bench;

/// <summary>A problem the bench explains in one line instead of a stack trace.</summary>
public sealed class BenchException(string message) : Exception(message);

internal static class Cli
{
    public static int Usage()
    {
        Console.Error.WriteLine("""
            Wijkbasis.Bench: the W1 check-in storm helpers (bench/run drives them).

              baseline --provider postgres|sqlite --connection CS --urls http://127.0.0.1:PORT [--slug huiskamer]
                  A bare Kestrel server: POST /checkin (form SessionId, PersonId) inserts one row into "CheckIns"
                  with raw Npgsql / Microsoft.Data.Sqlite. 204 on insert, 409 when the pair is already there.
              samework --provider postgres|sqlite --connection CS --key-file APP/key-encryption.key --urls http://127.0.0.1:PORT
                  The same-work baseline: the app's check-in (POST /{enterprise}/sessies/{id}?handler=CheckIn with the app's
                  login cookie and antiforgery token) written by hand with the raw driver; see bench/README.md.
              prepare --url APP --provider P --connection CS --out DIR --phase NAME=app|samework|baseline:PAIRS ...
                  [--slug huiskamer] [--email E] [--password PW]
                  Logs in to the running app, creates enough one-off activities for today through the app's own
                  forms, and writes DIR/NAME.lua (for wrk) and DIR/NAME.json per phase.
              relogin --url APP --data DIR/NAME.json ... [--slug huiskamer] [--email E] [--password PW]
                  Logs in again and writes a fresh login cookie and token into these phases (the cookie is re-validated
                  after a minute, so each target gets one made just before its runs).
              probe --url URL --data DIR/NAME.json [--count N]
                  Sends N check-ins one after the other, as wrk does, to the app or the baseline of that phase
                  (to trace the SQL of a single check-in).
              count --provider P --connection CS --data DIR/NAME.json
                  Prints how many "CheckIns" rows the sessions of a phase hold.
              report --dir RESULTS --out FILE.md
                  Turns the result files of bench/run into the table with the ratios.
            """);
        return 2;
    }
}

/// <summary>"--key value" pairs; a key may repeat (--phase).</summary>
public sealed class Options
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var key = args[i];
            if (!key.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new BenchException($"expected '--name value', got '{key}'");
            }
            if (!options.values.TryGetValue(key[2..], out var list))
            {
                options.values[key[2..]] = list = [];
            }
            list.Add(args[++i]);
        }
        return options;
    }

    public string Required(string key) =>
        values.TryGetValue(key, out var list) ? list[^1] : throw new BenchException($"--{key} is required");

    public string Optional(string key, string fallback) => values.TryGetValue(key, out var list) ? list[^1] : fallback;

    public IReadOnlyList<string> All(string key) => values.TryGetValue(key, out var list) ? list : [];

    public int Number(string key, int fallback) =>
        values.TryGetValue(key, out var list)
            ? int.TryParse(list[^1], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new BenchException($"--{key} is not a number")
            : fallback;
}

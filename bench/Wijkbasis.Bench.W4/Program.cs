namespace Wijkbasis.Bench.W4;

/// <summary>W4 buddy suggestions: one run per database (bench/run-w4 calls it for SQLite and, when a server is given,
/// PostgreSQL). Creates a fresh database, migrates it through the app, seeds 20,000 buddies, times the suggestion and
/// its baselines, prints a markdown table, and removes the database again. See bench/README.md. (Not top-level
/// statements: those would make a second type named Program next to the app's.)</summary>
internal static class W4Program
{
    public static async Task<int> Main(string[] args)
    {
        W4Options options;
        try
        {
            options = W4Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"""
                w4: {e.Message}

                Wijkbasis.Bench.W4 --provider sqlite|postgres [--server CS] [--buddies 20000] [--open-cases 3000]
                    [--closed-cases 3000] [--iterations 200] [--warmup 20] [--out FILE.md]

                  --server   PostgreSQL without a database (Host=...;Port=...;Username=...); default: $W4_PG, else
                             $WIJKBASIS_TEST_PG. A database w4_<random> is created on it and dropped at the end.
                  --out      appends the table to FILE.md as well as printing it.
                """);
            return 2;
        }

        // WebApplicationFactory finds the app's content root (src/Wijkbasis) through MvcTestingAppManifest.json in the
        // current directory, as under a test runner: run from the output folder.
        options = options with { Out = options.Out is null ? null : Path.GetFullPath(options.Out) };
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        // Ctrl+C stops the run at the next step, and the database is still removed.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await using var database = await BenchDatabase.CreateAsync(options);
        try
        {
            var table = await W4Run.RunAsync(options, database, stop.Token);
            Console.WriteLine(table);
            if (options.Out is { } file)
            {
                await File.AppendAllTextAsync(file, table + Environment.NewLine);
            }
            return 0;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("w4:", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("w4: stopped; removing the database");
            return 130;
        }
    }
}

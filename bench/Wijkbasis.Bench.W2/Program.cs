using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.MunicipalView;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Bench.W2;

/// <summary>W2 the municipal year cube (see bench/README.md): on a database bench/run-w2 loaded with the city profile,
/// times the app's <see cref="MunicipalCubeLoader"/> (past its five-minute cache) and the hand-written SQL of
/// <see cref="Baseline"/>, cold and warm, checks that both give the same figures, and prints the table. (Not top-level
/// statements: those would make a second type named Program next to the app's.)</summary>
internal static class W2Program
{
    public static async Task<int> Main(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        if (!values.TryGetValue("connection", out var connection))
        {
            await Console.Error.WriteLineAsync("""
                Wijkbasis.Bench.W2 --connection CS [--cold-command FILE] [--runs 5] [--year YYYY] [--out FILE.md]
                    [--audit-key-file F --key-encryption-key-file F --field-key-file F]
                  --connection    the loaded city's database, as the app's role (bench/run-w2 loads it)
                  --cold-command  run before each cold measurement: restart PostgreSQL, drop the page cache
                  --*-key-file    the key files the app loaded the city with (the figures read no encrypted field, but
                                  the app checks its keys at start)
                """);
            return 2;
        }
        var runs = int.Parse(values.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture);
        var coldCommand = values.GetValueOrDefault("cold-command");
        var outFile = values.TryGetValue("out", out var o) ? Path.GetFullPath(o) : null;
        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        // Idle pooled connections are closed after a second, so none survives a restart of the server into a cold run. No
        // command timeout (the app's default is 30 s): on a busy machine one cold statement can take longer, and the
        // bench is there to say how long.
        var appConnection = new NpgsqlConnectionStringBuilder(connection) { ConnectionIdleLifetime = 1, ConnectionPruningInterval = 1, CommandTimeout = 0 }.ConnectionString;
        await using var app = new W2App(appConnection, values);
        var services = app.Services;
        await using var dataSource = NpgsqlDataSource.Create(connection);

        Guid municipality;
        List<Guid> tenants;
        int year;
        DateOnly today;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            municipality = await db.Enterprises.GroupBy(e => e.MunicipalityId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            tenants = await db.Enterprises.Where(e => e.MunicipalityId == municipality).Select(e => e.Id).ToListAsync();
            today = scope.ServiceProvider.GetRequiredService<TimeProvider>().AmsterdamToday();
            year = values.TryGetValue("year", out var y) ? int.Parse(y, CultureInfo.InvariantCulture) : today.Year;
        }
        var all = IndicatorRegistry.All;
        var covered = all.Where(i => Baseline.Covers.Contains(i.Id)).ToList();
        Console.WriteLine($"w2: municipality {municipality}, {tenants.Count} enterprises, year {year}; baseline covers {covered.Count} of {all.Count} indicators");

        // The app: the cube as the analyst's page builds it on a cache miss, in a DI scope of its own (as a request).
        async Task<(double Ms, double BuildMs, Dictionary<Indicator, IReadOnlyList<FigureRow>[]> Rows)> App(IReadOnlyList<Indicator> indicators, int forYear)
        {
            using var scope = services.CreateScope();
            var loader = scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>();
            var clock = Stopwatch.StartNew();
            var (geography, rows) = await loader.ComputeAsync(municipality, forYear, indicators, CancellationToken.None);
            var computed = clock.Elapsed.TotalMilliseconds;
            if (indicators.Count == all.Count)
            {
                MunicipalCube.Build(forYear, geography, rows);
            }
            return (clock.Elapsed.TotalMilliseconds, clock.Elapsed.TotalMilliseconds - computed, rows);
        }
        async Task<(double Ms, Dictionary<string, List<FigureRow>[]> Rows)> Base(int forYear)
        {
            var clock = Stopwatch.StartNew();
            var rows = await new Baseline(dataSource, tenants, forYear, today).ComputeAsync(CancellationToken.None);
            return (clock.Elapsed.TotalMilliseconds, rows);
        }
        string Cold()
        {
            if (coldCommand is null)
            {
                return "no cold command given";
            }
            var start = new ProcessStartInfo("/bin/bash", [coldCommand]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"w2: the cold command failed: {output}");
            }
            NpgsqlConnection.ClearAllPools();
            dataSource.Clear();
            Thread.Sleep(3000); // the app's pool prunes its idle connections (see above)
            return output.Trim();
        }

        async Task<(double Cold, List<double> Warm)> ServedAsync()
        {
            // What the analyst's pages do (docs/decisions/0019): publish the cube once, then serve the stored one. Cold: the
            // database restarted and a new instance of the app, whose first look reads the stored cube.
            using (var scope = services.CreateScope())
            {
                var loader = scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>();
                var cube = await loader.BuildAsync(municipality, year, CancellationToken.None);
                cube.ForgetHidden();
                await loader.StoreAsync(municipality, cube, scope.ServiceProvider.GetRequiredService<TimeProvider>().UtcNow(), CancellationToken.None);
            }
            Cold();
            double servedCold;
            var servedWarm = new List<double>();
            await using (var restarted = new W2App(appConnection, values))
            {
                async Task<double> Serve()
                {
                    using var scope = restarted.Services.CreateScope();
                    var clock = Stopwatch.StartNew();
                    var load = await scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>().LoadAsync(municipality, year, CancellationToken.None);
                    if (load.Cube is null || load.Computing)
                    {
                        throw new InvalidOperationException("w2: the published cube was not served as stored");
                    }
                    return clock.Elapsed.TotalMilliseconds;
                }
                servedCold = await Serve();
                for (var run = 1; run <= runs; run++)
                {
                    servedWarm.Add(await Serve());
                }
            }
            return (servedCold, servedWarm);
        }

        if (values.ContainsKey("serve-only"))
        {
            var (cold, warm) = await ServedAsync();
            Console.WriteLine($"w2: served from the published cube: cold {cold:F0} ms, warm {Median(warm):F1} ms ({warm.Count} looks)");
            return 0;
        }

        // Bonding and bridging (docs/decisions/0028): the network indicators alone at all 17 times, cold and warm.
        var network = all.Where(i => i.Section == IndicatorSection.Network).ToList();
        async Task<(double Cold, double Warm)> NetworkAsync()
        {
            await App(network, 2001);
            Cold();
            var cold = await App(network, year);
            var warm = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                warm.Add((await App(network, year)).Ms);
            }
            Console.WriteLine($"w2: network ({network.Count} indicators, all 17 times): cold {cold.Ms:F0} ms, warm {Median(warm):F0} ms");
            return (cold.Ms, Median(warm));
        }
        if (values.ContainsKey("network-only"))
        {
            var (cold, warm) = await NetworkAsync();
            var text = string.Create(CultureInfo.InvariantCulture,
                $"The network (bonding, bridging, linking: {string.Join(", ", network.Select(i => i.Id))}) for the year {year} of the municipality ({tenants.Count} enterprises), at all 17 times: **cold {cold:F0} ms, warm {warm:F0} ms** (median of {runs}).\n");
            Console.WriteLine(text);
            if (outFile is not null)
            {
                await File.AppendAllTextAsync(outFile, text);
            }
            return 0;
        }

        // The JIT and EF's query cache warmed on a year without data, so cold measures the database, not the compiler.
        await App(all, 2001);
        await App(covered, 2001);
        await Base(2001);

        var coldNote = Cold();
        Console.WriteLine($"w2: cold: {coldNote}");
        var appCold = await App(all, year);
        Console.WriteLine($"w2: app, all indicators, cold: {appCold.Ms:F0} ms");
        Cold();
        var appCoveredCold = await App(covered, year);
        Console.WriteLine($"w2: app, the baseline's indicators, cold: {appCoveredCold.Ms:F0} ms");
        Cold();
        var baseCold = await Base(year);
        Console.WriteLine($"w2: baseline, cold: {baseCold.Ms:F0} ms");

        var appWarm = new List<double>();
        var buildWarm = new List<double>();
        var appCoveredWarm = new List<double>();
        var baseWarm = new List<double>();
        var last = appCold.Rows;
        var lastBase = baseCold.Rows;
        for (var run = 1; run <= runs; run++)
        {
            var a = await App(all, year);
            appWarm.Add(a.Ms);
            buildWarm.Add(a.BuildMs);
            last = a.Rows;
            appCoveredWarm.Add((await App(covered, year)).Ms);
            var b = await Base(year);
            baseWarm.Add(b.Ms);
            lastBase = b.Rows;
            Console.WriteLine($"w2: warm run {run}: app {a.Ms:F0} ms (suppression {a.BuildMs:F0} ms), app (baseline's indicators) {appCoveredWarm[^1]:F0} ms, baseline {b.Ms:F0} ms");
        }

        // Per indicator (warm, one run each): where the app's time goes.
        var perIndicator = new List<(Indicator Indicator, double Ms)>();
        foreach (var indicator in all)
        {
            perIndicator.Add((indicator, (await App([indicator], year)).Ms));
        }

        var (servedCold, servedWarm) = await ServedAsync();
        Console.WriteLine($"w2: served from the published cube: cold {servedCold:F0} ms, warm {Median(servedWarm):F1} ms");

        var mismatches = Compare(covered, last, lastBase, year);
        var report = Report(year, tenants.Count, coldNote, runs, all.Count, covered, appCold.Ms, Median(appWarm), Median(buildWarm),
            appCoveredCold.Ms, Median(appCoveredWarm), baseCold.Ms, Median(baseWarm), mismatches, perIndicator, servedCold, Median(servedWarm));
        Console.WriteLine();
        Console.WriteLine(report);
        if (outFile is not null)
        {
            await File.AppendAllTextAsync(outFile, report);
        }
        return mismatches.Count == 0 ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Per indicator and time, the rows of the app and the baseline as sorted text; the differences, a few each.</summary>
    private static List<string> Compare(IReadOnlyList<Indicator> covered, Dictionary<Indicator, IReadOnlyList<FigureRow>[]> app,
        Dictionary<string, List<FigureRow>[]> baseline, int year)
    {
        static string Text(FigureRow r) => string.Create(CultureInfo.InvariantCulture,
            $"{r.TenantId}|{r.BuurtCode ?? "-"}|{r.Month?.ToString(CultureInfo.InvariantCulture) ?? "-"}|{r.Part}|{r.Value:0.######}|{r.Of:0.######}|{r.Base}");
        var problems = new List<string>();
        foreach (var indicator in covered)
        {
            var shown = 0;
            for (var t = 0; t < MunicipalCube.Times; t++)
            {
                var a = app[indicator][t].Select(Text).Order(StringComparer.Ordinal).ToList();
                var b = baseline[indicator.Id][t].Select(Text).Order(StringComparer.Ordinal).ToList();
                if (a.SequenceEqual(b))
                {
                    continue;
                }
                var onlyApp = a.Except(b).ToList();
                var onlyBase = b.Except(a).ToList();
                problems.Add($"{indicator.Id} {MunicipalCube.PeriodOf(year, t).Key}: app {a.Count} rows, baseline {b.Count}; only app: {onlyApp.Count} (e.g. {onlyApp.FirstOrDefault()}), only baseline: {onlyBase.Count} (e.g. {onlyBase.FirstOrDefault()})");
                if (++shown == 3)
                {
                    break;
                }
            }
        }
        return problems;
    }

    private static string Report(int year, int enterprises, string coldNote, int runs, int allCount, List<Indicator> covered,
        double appCold, double appWarm, double buildWarm, double appCoveredCold, double appCoveredWarm, double baseCold, double baseWarm,
        List<string> mismatches, List<(Indicator Indicator, double Ms)> perIndicator, double servedCold, double servedWarm)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"The year {year} of the municipality ({enterprises} enterprises): every indicator for the year, its 4 quarters and 12 months.");
        s.AppendLine(inv, $"Cold: PostgreSQL restarted before the measurement, then: {coldNote}. Warm: median of {runs} runs.");
        s.AppendLine();
        s.AppendLine("| ms | cold | warm (median) |");
        s.AppendLine("|---|---:|---:|");
        s.AppendLine(inv, $"| app: the whole cube, {allCount} indicators (suppression included; warm suppression alone {buildWarm:F0}) | {appCold:F0} | {appWarm:F0} |");
        s.AppendLine(inv, $"| app: the baseline's {covered.Count} indicators | {appCoveredCold:F0} | {appCoveredWarm:F0} |");
        s.AppendLine(inv, $"| baseline: hand-written SQL, the same {covered.Count} indicators | {baseCold:F0} | {baseWarm:F0} |");
        s.AppendLine(inv, $"| **ratio app / baseline** (same indicators; goal ≤ 1.5×) | **{appCoveredCold / baseCold:F2}×** | **{appCoveredWarm / baseWarm:F2}×** |");
        s.AppendLine();
        s.AppendLine(inv, $"| app: the analyst's look, the published cube served (a new app instance on a restarted database; warm: the next looks) | {servedCold:F0} | {servedWarm:F1} |");
        s.AppendLine();
        s.AppendLine(inv, $"Goal: computing within 1.5× of the baseline: cold {(appCoveredCold / baseCold <= 1.5 ? "met" : "NOT met")}, warm {(appCoveredWarm / baseWarm <= 1.5 ? "met" : "NOT met")}. The year report under 2 s cold: the analyst's look serves the published cube in {servedCold:F0} ms, {(servedCold < 2000 ? "met" : "NOT met")}; computing the whole cube takes {appCold:F0} ms cold and runs in the background (docs/decisions/0019).");
        s.AppendLine();
        s.AppendLine(mismatches.Count == 0
            ? $"Equality: the baseline's rows equal the app's rows for all {covered.Count} indicators it covers, at all 17 times ({string.Join(", ", covered.Select(i => i.Id))})."
            : $"Equality: **{mismatches.Count} differences**:");
        foreach (var m in mismatches.Take(40))
        {
            s.AppendLine(inv, $"- {m}");
        }
        s.AppendLine();
        s.AppendLine("Per indicator, warm, one run each (the indicator alone, all 17 times):");
        s.AppendLine();
        s.AppendLine("| indicator | ms |");
        s.AppendLine("|---|---:|");
        foreach (var (indicator, ms) in perIndicator.OrderByDescending(p => p.Ms))
        {
            s.AppendLine(inv, $"| {indicator.Id}{(Baseline.Covers.Contains(indicator.Id) ? "" : " (not in the baseline)")} | {ms:F0} |");
        }
        return s.ToString();
    }

    /// <summary>The real app (Program) with production settings on the loaded database, with the key files it was loaded
    /// with; nothing runs in the background.</summary>
    private sealed class W2App(string connectionString, Dictionary<string, string> values) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:Wijkbasis", connectionString);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Activities:PlanInBackground", "false");
            builder.UseSetting("Audit:SealIntervalSeconds", "0");
            if (values.TryGetValue("audit-key-file", out var audit))
            {
                builder.UseSetting("Audit:ChainKeyFile", audit);
            }
            else
            {
                builder.UseSetting("Audit:ChainKey", Key());
            }
            if (values.TryGetValue("key-encryption-key-file", out var dp))
            {
                builder.UseSetting("DataProtection:KeyEncryptionKeyFile", dp);
            }
            else
            {
                builder.UseSetting("DataProtection:KeyEncryptionKey", Key());
            }
            if (values.TryGetValue("field-key-file", out var field))
            {
                builder.UseSetting("FieldEncryption:KeyFile", field);
            }
            else
            {
                builder.UseSetting("FieldEncryption:Keys", "k1=" + Key());
            }
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "wijkbasis-w2-mail"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        }

        private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }
}

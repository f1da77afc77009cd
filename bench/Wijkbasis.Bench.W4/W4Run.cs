using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Bench.W4;

/// <summary>One W4 run on one database: start the app, seed, check that app and baseline see the same candidates,
/// then time the four measurements taking turns, round after round, so each sees the same machine.</summary>
internal static class W4Run
{
    private const double GoalMs = 20;

    public static async Task<string> RunAsync(W4Options options, BenchDatabase database, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Log($"{database.Provider}: starting the app on a fresh database ({database.Label}); its start-up applies the migrations");
        var services = database.StartApp();
        // Once the app runs, Ctrl+C reaches its host (which stops the application), not the console handler.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken,
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        cancellationToken = stopping.Token;
        Log($"{database.Provider}: app up and migrated in {clock.Elapsed.TotalSeconds:F1} s; seeding {options.Buddies:N0} buddies, "
            + $"{options.OpenCases:N0} open and {options.ClosedCases:N0} closed cases");
        clock.Restart();
        var tenant = await Seed.EnterpriseAsync(services, cancellationToken);
        var (openCases, buddiesWithCases) = await Seed.PoolAsync(services, tenant, options.Buddies, options.OpenCases, options.ClosedCases,
            cancellationToken);
        var version = await SettleAsync(database, cancellationToken);
        Log($"{database.Provider}: seeded and settled in {clock.Elapsed.TotalSeconds:F1} s");

        var today = TimeProvider.System.AmsterdamToday();
        var requests = Requests();
        await using var raw = RawCandidates.For(database.Provider, database.ConnectionString, tenant.Id);

        // As a request does it: a scope of its own (so a new DbContext), the enterprise entered, then the page's call.
        var cache = services.GetRequiredService<BuddyPoolCache>();
        var none = new HashSet<Guid>();
        async Task<IReadOnlyList<MatchSuggestion>> SuggestAsync(MatchRequest request)
        {
            await using var scope = services.CreateAsyncScope();
            tenant.EnterIn(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            return await BuddyPool.SuggestAsync(db, cache, request, none, today, cancellationToken);
        }
        async Task<List<MatchCandidate>> AppPoolAsync()
        {
            await using var scope = services.CreateAsyncScope();
            tenant.EnterIn(scope.ServiceProvider);
            return await BuddyPool.ReadAsync(scope.ServiceProvider.GetRequiredService<WijkbasisDb>(), cancellationToken);
        }
        // A change to one buddy (through the app, so the pool stamp is replaced): the next suggestion reads the pool again.
        // It goes back and forth, so the pool the other measurements rank is the same each time.
        var changes = 0;
        var someBuddies = (await AppPoolAsync()).Select(c => c.BuddyId).Take(50).ToArray();
        async Task ChangeABuddyAsync()
        {
            await using var scope = services.CreateAsyncScope();
            tenant.EnterIn(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var id = someBuddies[changes++ % someBuddies.Length];
            var buddy = await db.Buddies.SingleAsync(b => b.Id == id, cancellationToken);
            buddy.Availability ^= 1;
            await db.SaveChangesAsync(cancellationToken);
        }

        // The baseline only means something when it reads what the app reads, and the kept pool only when it
        // suggests what a fresh read of every buddy does.
        var fromRaw = await raw.ReadAsync(cancellationToken);
        var fromApp = await AppPoolAsync();
        Check(fromApp.Count == options.Buddies, $"the app found {fromApp.Count} candidates, not {options.Buddies}");
        Check(fromApp.OrderBy(c => c.BuddyId).SequenceEqual(fromRaw.Select(c => c with { ActiveCases = 0 }).OrderBy(c => c.BuddyId)),
            "the baseline read other candidates than the app");
        Check(fromRaw.Sum(c => c.ActiveCases) == openCases, $"the candidates hold {fromRaw.Sum(c => c.ActiveCases)} open cases, not {openCases}");
        var suggested = 0;
        foreach (var request in requests)
        {
            var a = await SuggestAsync(request);
            var b = BuddyMatching.Rank(request, fromRaw, today);
            Check(a.Count == 10 || options.Buddies < 1_000, $"a suggestion gave {a.Count} buddies, not 10");
            Check(a.Select(s => (s.BuddyId, s.Score, string.Join("|", s.Reasons))).SequenceEqual(b.Select(s => (s.BuddyId, s.Score, string.Join("|", s.Reasons)))),
                "the kept pool suggests otherwise than a fresh read of every buddy");
            suggested += a.Count;
        }
        var example = await SuggestAsync(requests[0]);
        var trace = await EfTrace.OfAsync(() => SuggestAsync(requests[1]));
        var stampNow = await raw.StampAsync(cancellationToken);
        var pool = cache.Find(tenant.Id, stampNow);
        Check(pool is not null, "the app keeps no pool for the current stamp");
        Check(pool!.Count == options.Buddies, $"the kept pool has {pool.Count} buddies, not {options.Buddies}");

        var sink = 0;
        var measurements = new Measurement[]
        {
            new("**app: suggestion** (BuddyPool.SuggestAsync as the intake page calls it, pool kept)", async i =>
                (await SuggestAsync(requests[i % requests.Length])).Count),
            new("baseline: raw SQL, the same read (the stamp) + the same Rank on a pool of the same buddies", async i =>
                (await raw.StampAsync(cancellationToken) == Guid.Empty ? 1 : 0) + BuddyMatching.Rank(requests[i % requests.Length], pool, none, today).Count),
            new("app: suggestion right after a buddy changed (pool read again)", async i =>
                (await SuggestAsync(requests[i % requests.Length])).Count, ChangeABuddyAsync),
            new($"raw SQL: reading every buddy ({options.Buddies:N0}), what a suggestion without a kept pool needs first", async _ =>
                (await raw.ReadAsync(cancellationToken)).Count),
            new($"BuddyMatching.Rank only (kept pool of {pool.Count:N0})", i =>
                Task.FromResult(BuddyMatching.Rank(requests[i % requests.Length], pool, none, today).Count)),
        };

        Log($"{database.Provider}: {options.Warmup} warm-up rounds, then {options.Iterations} measured rounds of the {measurements.Length} measurements in turn");
        clock.Restart();
        for (var round = 0; round < options.Warmup; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var m in measurements)
            {
                await m.PrepareAsync();
                sink += await m.Work(round);
            }
        }
        var cpu = new MachineCpu();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        for (var round = 0; round < options.Iterations; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Rotate who goes first, so none always follows the same one.
            for (var k = 0; k < measurements.Length; k++)
            {
                var m = measurements[(round + k) % measurements.Length];
                await m.PrepareAsync();
                var collections = GC.CollectionCount(0);
                var start = Stopwatch.GetTimestamp();
                sink += await m.Work(round);
                m.Ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                m.DuringGc.Add(GC.CollectionCount(0) != collections);
            }
        }
        var gc = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        var load = cpu.Since();
        foreach (var m in measurements)
        {
            var before = GC.GetTotalAllocatedBytes(precise: false);
            for (var i = 0; i < 10; i++)
            {
                await m.PrepareAsync();
                sink += await m.Work(i);
            }
            m.AllocatedMb = (GC.GetTotalAllocatedBytes(precise: false) - before) / 10.0 / 1_048_576;
        }
        Log($"{database.Provider}: measured in {clock.Elapsed.TotalSeconds:F1} s (checksum {sink})");

        return Table(options, database, version, buddiesWithCases, openCases, suggested, requests.Length, measurements, trace, gc, load, example);
    }

    /// <summary>Lets the fresh database settle as a running one would be: the WAL folded into the SQLite file; on
    /// PostgreSQL, VACUUM ANALYZE (what autovacuum does in time). Returns the server's version.</summary>
    private static async Task<string> SettleAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        if (database.Provider == "sqlite")
        {
            await using var sqlite = new SqliteConnection(database.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var checkpoint = sqlite.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            return "SQLite " + sqlite.ServerVersion;
        }
        await using var postgres = new NpgsqlConnection(database.ConnectionString);
        await postgres.OpenAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", postgres);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
        return "PostgreSQL " + postgres.ServerVersion;
    }

    /// <summary>What a wijkverbinder asks for, as SuggestAsync builds it: the resident's languages and postcode and
    /// the intake's need tags; three in four light help, one in four heavy. Fixed, so every run asks the same.</summary>
    private static MatchRequest[] Requests()
    {
        var rng = new Random(7);
        return Enumerable.Range(0, 16).Select(_ => new MatchRequest(rng.Next(4) == 0 ? CaseWeight.Heavy : CaseWeight.Light,
            Seed.LanguagesOf(rng), Seed.SkillsOf(rng), Seed.Postcode(rng), 0)).ToArray();
    }

    private static string Table(W4Options options, BenchDatabase database, string version, int buddiesWithCases, int openCases,
        int suggested, int requestCount, Measurement[] measurements, (int Opens, IReadOnlyList<string> Commands) trace,
        (int Gen0, int Gen1, int Gen2) gc, string load, IReadOnlyList<MatchSuggestion> example)
    {
        static string F(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
        var app = measurements[0];
        var baseline = measurements[1];
        var changed = measurements[2];
        var fullRead = measurements[3];
        var rank = measurements[4];
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### W4 on {version}: top-10 suggestions out of {options.Buddies:N0} buddies");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{options.Buddies:N0} active buddies (with logins), {openCases:N0} open cases over {buddiesWithCases:N0} of them and {options.ClosedCases:N0} closed; "
            + $"{options.Iterations} rounds after {options.Warmup} warm-up rounds, the {measurements.Length} measurements taking turns; {requestCount} different requests "
            + $"(3 in 4 light help); {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; "
            + $"during the measured rounds {(load.Length > 0 ? load : $"{Environment.ProcessorCount} cores")}.");
        s.AppendLine();
        s.AppendLine("| ms per call | p50 | p90 | p99 | max | mean | MB allocated |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Label} | {F(m.P(0.50))} | {F(m.P(0.90))} | {F(m.P(0.99))} | {F(m.Max)} | {F(m.Mean)} | {m.AllocatedMb:F1} |");
        }
        s.AppendLine();
        var met = app.P(0.99) < GoalMs;
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- Goal, suggestion p99 under {GoalMs:F0} ms: **{(met ? "met" : "not met")}** (p99 {F(app.P(0.99))} ms, p50 {F(app.P(0.50))} ms).");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- App / raw baseline (same reads, same Rank): p50 {app.P(0.50) / baseline.P(0.50):F2}x, p99 {app.P(0.99) / baseline.P(0.99):F2}x. "
            + $"Rank is {rank.P(0.50) / app.P(0.50):P0} of the suggestion's p50.");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- Right after a change to a buddy the pool is read again: p50 {F(changed.P(0.50))}, p99 {F(changed.P(0.99))} ms "
            + $"(reading every buddy with the raw driver alone: p50 {F(fullRead.P(0.50))} ms). Only the first suggestion after a change pays this.");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- Calls during which a garbage collection ran: {string.Join(", ", measurements.Select(m => $"{m.DuringGc.Count(g => g) * 100 / m.DuringGc.Count} %"))} "
            + $"(rows in order); the suggestion's calls without one: p50 {F(app.P(0.50, withGc: false))}, p99 {F(app.P(0.99, withGc: false))} ms.");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- Checked before timing: app and baseline read the same {options.Buddies:N0} candidates, and the kept pool gives the same {suggested} suggestions (buddy, score, reasons) as ranking a fresh read of every buddy.");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- Garbage collections during the measured rounds: {gc.Gen0} gen0, {gc.Gen1} gen1, {gc.Gen2} gen2 (server GC: {System.Runtime.GCSettings.IsServerGC}).");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"- EF per suggestion with the pool kept: {trace.Opens} connection open(s) (each also runs the app's "
            + $"{(database.Provider == "sqlite" ? "PRAGMAs" : "set_config for row-level security")}), {trace.Commands.Count} commands:");
        foreach (var command in trace.Commands)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  - `{string.Join(' ', command.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries))}`");
        }
        s.AppendLine(CultureInfo.InvariantCulture, $"- Example, first request: {string.Join("; ", example.Take(3).Select(x => $"{x.Score} {x.Name} ({string.Join(", ", x.Reasons)})"))} …");
        return s.ToString();
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("w4: " + problem);
        }
    }

    private static void Log(string line) => Console.Error.WriteLine($"[w4] {line}");

    /// <summary>One thing timed; <paramref name="prepare"/> runs before each call, outside the time (and the
    /// allocation count only roughly: it is inside that).</summary>
    private sealed class Measurement(string label, Func<int, Task<int>> work, Func<Task>? prepare = null)
    {
        public string Label => label;
        public Func<int, Task<int>> Work => work;
        public Task PrepareAsync() => prepare?.Invoke() ?? Task.CompletedTask;
        public List<double> Ms { get; } = [];
        /// <summary>Per call: whether a garbage collection ran while it did.</summary>
        public List<bool> DuringGc { get; } = [];
        public double AllocatedMb { get; set; }
        public double Max => Ms.Max();
        public double Mean => Ms.Average();

        /// <summary>Nearest rank: of 200 calls, p99 is the second slowest.</summary>
        public double P(double q, bool withGc = true)
        {
            var sorted = Ms.Where((_, i) => withGc || !DuringGc[i]).Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
        }
    }
}

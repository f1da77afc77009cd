using System.Globalization;
using System.Text;

namespace Wijkbasis.Bench;

/// <summary>Turns the result files of one bench/run into the W1 table: per database the app, the same-work baseline
/// and the bare baseline, the two ratios app / same-work the goal is stated in (and app / bare for reference),
/// CPU per request of each, and the servers' memory.</summary>
internal static class Report
{
    /// <summary>Goal of W1: the app keeps at least this share of the same-work baseline's throughput...</summary>
    public const double ThroughputGoal = 0.5;

    /// <summary>...with a p99 at most this many times the same-work baseline's p99...</summary>
    public const double P99Goal = 2.0;

    /// <summary>...and a steady resident memory of the app under W1 below this (MB).</summary>
    public const double RssGoalMb = 250;

    private static readonly string[] Databases = ["postgres", "sqlite"];

    public static async Task<int> RunAsync(Options options)
    {
        var folder = options.Required("dir");
        var meta = await ReadPairsAsync(Path.Combine(folder, "meta.txt"));
        var results = new List<Result>();
        foreach (var database in Databases)
        {
            foreach (var target in new[] { PhaseData.App, PhaseData.SameWork, PhaseData.Baseline })
            {
                var file = Path.Combine(folder, $"{database}-{target}.result");
                if (File.Exists(file))
                {
                    results.Add(Result.From(database, target, await ReadPairsAsync(file)));
                }
            }
        }
        if (results.Count == 0)
        {
            throw new BenchException($"no result files in {folder}");
        }

        var md = new StringBuilder();
        md.AppendLine("# W1 check-in storm: latest run").AppendLine();
        foreach (var (key, value) in meta)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {key}: {value}");
        }
        md.AppendLine();
        md.AppendLine("| Database | Target | Requests/s | p50 | p99 | CPU / request (server + database) | RSS at end (peak) | Requests | Non-2xx/3xx | Socket errors | Rows written | Audit rows | Valid |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Label} | {r.PerSecond:F0} | {Ms(r.P50)} | {Ms(r.P99)} | {PerRequest(r, r.Cpu.Server + r.Cpu.Database)} | {r.RssMb:F0} MB ({r.RssPeakMb:F0}) | {r.Requests} | {r.NonSuccess} | {r.SocketErrors} | {r.Rows} | {r.Audited} | {(r.Valid ? "yes" : "**NO**")} |");
        }
        md.AppendLine();
        md.AppendLine("CPU during the measured runs (from /proc; the database column is the PostgreSQL server processes, SQLite runs inside the server):");
        md.AppendLine();
        md.AppendLine("| Database | Target | Server CPU / request | Database CPU / request | wrk CPU / request | Machine busy | Other (kernel, other processes) | CPU idle just before | Load average at end |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Target} | {PerRequest(r, r.Cpu.Server)} | {(r.Database == "postgres" ? PerRequest(r, r.Cpu.Database) : "(in server)")} | {PerRequest(r, r.Cpu.Wrk)} | {r.Cpu.Busy / r.Cpu.Capacity:P0} | {r.Cpu.Others / r.Cpu.Capacity:P0} | {r.Cpu.IdleBefore} | {r.Load} |");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| Database | Throughput app / same-work (goal >= {ThroughputGoal:P0}) | p99 app / same-work (goal <= {P99Goal:F0}x) | App RSS (goal < {RssGoalMb:F0} MB) | Goal met | Throughput app / bare | p99 app / bare | Throughput same-work / bare |");
        md.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|");
        foreach (var database in Databases)
        {
            var app = results.SingleOrDefault(r => r.Database == database && r.Target == PhaseData.App);
            var same = results.SingleOrDefault(r => r.Database == database && r.Target == PhaseData.SameWork);
            var bare = results.SingleOrDefault(r => r.Database == database && r.Target == PhaseData.Baseline);
            if (app is null || same is null)
            {
                continue;
            }
            var throughput = app.PerSecond / same.PerSecond;
            var p99 = app.P99 / same.P99;
            var met = throughput >= ThroughputGoal && p99 <= P99Goal && app.RssMb < RssGoalMb;
            var verdict = !app.Valid || !same.Valid ? "invalid run" : met ? "yes" : "no";
            var reference = bare is null ? "| - | - | - |"
                : string.Create(CultureInfo.InvariantCulture, $"| {app.PerSecond / bare.PerSecond:P1} | {app.P99 / bare.P99:F2}x | {same.PerSecond / bare.PerSecond:P1} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {database} | {throughput:P1} | {p99:F2}x | {app.RssMb:F0} MB | {verdict} {reference}");
        }
        md.AppendLine();
        md.AppendLine("The audit rows of the measured run's check-ins, by their fields other than ids and time (the app and the same-work baseline must agree):");
        md.AppendLine();
        md.AppendLine("| Database | Target | user name / role / entity type / action / outcome / person / user id |");
        md.AppendLine("|---|---|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Database} | {r.Target} | {(r.AuditShape.Length == 0 ? "(none)" : r.AuditShape)} |");
        }
        var trace = Path.Combine(folder, "trace.md");
        if (File.Exists(trace))
        {
            md.AppendLine().Append(await File.ReadAllTextAsync(trace));
        }

        var text = md.ToString();
        Console.WriteLine(text);
        var output = options.Required("out");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, text);
        return results.All(r => r.Valid) ? 0 : 1;
    }

    private static string PerRequest(Result r, double cpuMs) =>
        (cpuMs / Math.Max(1, r.Requests)).ToString("F3", CultureInfo.InvariantCulture) + " ms";

    private static string Ms(double microseconds) => (microseconds / 1000).ToString("F2", CultureInfo.InvariantCulture) + " ms";

    private static async Task<List<KeyValuePair<string, string>>> ReadPairsAsync(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }
        return (await File.ReadAllLinesAsync(file))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => new KeyValuePair<string, string>(parts[0].Trim(), parts[1].Trim()))
            .ToList();
    }

    /// <summary>CPU milliseconds spent during the measured run, by whom; capacity is cores x run time.</summary>
    private sealed record Cpu(double Server, double Database, double Wrk, double Busy, double Capacity, string IdleBefore)
    {
        public double Others => Math.Max(0, Busy - Server - Database - Wrk);
    }

    private sealed record Result(string Database, string Target, string Label, long Requests, double Seconds, long NonSuccess,
        long SocketErrors, double P50, double P99, long Rows, Cpu Cpu, double RssMb, double RssPeakMb, string Load, long Audited, string AuditShape)
    {
        public double PerSecond => Requests / Seconds;

        /// <summary>A run counts when (nearly) every request was a real insert: at most 0.1 % answered
        /// otherwise, no socket errors, and the table holds a row for every answered request (a few more
        /// are fine: requests still in flight when wrk stopped); for the app and the same-work baseline every
        /// check-in also has its audit row.</summary>
        public bool Valid => Requests > 0 && NonSuccess <= Requests / 1000 && SocketErrors == 0 && Rows >= Requests - NonSuccess
            && (Target == PhaseData.Baseline || Audited == Rows);

        public static Result From(string database, string target, List<KeyValuePair<string, string>> pairs)
        {
            var values = pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            double Number(string key) => values.TryGetValue(key, out var v) && double.TryParse(v, CultureInfo.InvariantCulture, out var n)
                ? n : throw new BenchException($"{database}-{target}.result has no '{key}'");
            var driver = database == "postgres" ? "raw Npgsql" : "raw Microsoft.Data.Sqlite";
            var label = target switch
            {
                PhaseData.App => "app (Razor Pages + EF Core)",
                PhaseData.SameWork => $"same-work baseline (Kestrel + {driver}, the same required work)",
                _ => $"bare baseline (Kestrel + {driver}, one INSERT)",
            };
            return new Result(database, target, label, (long)Number("requests"), Number("duration_us") / 1e6, (long)Number("non_success"),
                (long)(Number("connect_errors") + Number("read_errors") + Number("write_errors") + Number("timeouts")),
                Number("p50_us"), Number("p99_us"), (long)Number("rows"),
                new Cpu(Number("server_cpu_ms"), Number("db_cpu_ms"), Number("wrk_cpu_ms"), Number("machine_busy_ms"),
                    Number("machine_capacity_ms"), values.GetValueOrDefault("idle_before", "?")),
                Kb(values, "rss_kb") / 1024, Kb(values, "rss_peak_kb") / 1024, values.GetValueOrDefault("load_average", "?"),
                (long)Kb(values, "audited"), values.GetValueOrDefault("audit_shape", ""));
        }

        private static double Kb(Dictionary<string, string> values, string key) =>
            values.TryGetValue(key, out var v) && double.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}

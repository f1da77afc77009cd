namespace Wijkbasis.Bench;

/// <summary>How many check-ins the sessions of a phase hold: the proof that the 302s of a run were real
/// inserts (a redirect to the login page would count as a success in wrk, too); and how many audit rows those
/// check-ins have, with the distinct values of the audit rows' fields other than ids and time (the app and the
/// same-work baseline must write the same).</summary>
internal static class RowCount
{
    public static async Task<int> RunAsync(Options options)
    {
        var cancellationToken = CancellationToken.None;
        var data = await PhaseData.ReadAsync(options.Required("data"), cancellationToken);
        var db = BenchDatabase.For(options.Required("provider"), options.Required("connection"));
        long rows = 0, audited = 0;
        var shapes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in data.Sessions)
        {
            rows += await db.CheckInsOfSessionAsync(session, cancellationToken);
            var (count, shape) = await db.AuditOfCheckInsAsync(session, cancellationToken);
            audited += count;
            shapes.UnionWith(shape);
        }
        Console.WriteLine($"rows={rows}");
        Console.WriteLine($"audited={audited}");
        Console.WriteLine($"audit_shape={string.Join(" ; ", shapes)}");
        return 0;
    }
}

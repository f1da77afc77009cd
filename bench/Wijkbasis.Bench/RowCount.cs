namespace Wijkbasis.Bench;

/// <summary>How many check-ins the sessions of a phase hold: the proof that the 302s of a run were real
/// inserts (a redirect to the login page would count as a success in wrk, too).</summary>
internal static class RowCount
{
    public static async Task<int> RunAsync(Options options)
    {
        var cancellationToken = CancellationToken.None;
        var data = await PhaseData.ReadAsync(options.Required("data"), cancellationToken);
        var db = BenchDatabase.For(options.Required("provider"), options.Required("connection"));
        long rows = 0;
        foreach (var session in data.Sessions)
        {
            rows += await db.CheckInsOfSessionAsync(session, cancellationToken);
        }
        Console.WriteLine(rows);
        return 0;
    }
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.People;

/// <summary>A person's visits: the sessions they were checked in at (the logbook), with how many and the first and last.</summary>
public static class PersonVisits
{
    public sealed record Summary(int Total, DateTime? First, DateTime? Last);

    /// <summary>How many visits, and the first and last, in one query.</summary>
    public static async Task<Summary> SummaryAsync(WijkbasisDb db, Guid personId, CancellationToken cancellationToken)
    {
        var found = await db.CheckIns.Where(c => c.PersonId == personId)
            .Join(db.Sessions, c => c.SessionId, s => s.Id, (c, s) => s.StartsAt)
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), First = g.Min(), Last = g.Max() })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? new(0, null, null) : new(found.Total, found.First, found.Last);
    }
}

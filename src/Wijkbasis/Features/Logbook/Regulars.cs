using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;

namespace Wijkbasis.Features.Logbook;

/// <summary>"Vaste bezoekers": the people who came to at least half of the last sessions of the activity, so the
/// volunteer at the door ticks them off with one tap instead of searching for each.</summary>
public static class Regulars
{
    /// <summary>How many earlier sessions are looked at.</summary>
    public const int LastSessions = 6;
    /// <summary>Fewer earlier sessions than this: nobody is a regular yet.</summary>
    public const int AtLeastSessions = 2;
    /// <summary>A long list is no longer a shortcut.</summary>
    public const int MaxShown = 40;

    public sealed record Regular(Guid PersonId, string Name, int? BirthYear, string? Postcode, bool CheckedIn);

    /// <summary>Who came to at least half (rounded up) of the last <see cref="LastSessions"/> sessions of the same
    /// activity before this one (cancelled sessions do not count), by name.</summary>
    public static async Task<List<Regular>> OfAsync(WijkbasisDb db, Session session, CancellationToken cancellationToken)
    {
        var earlier = await db.Sessions.AsNoTracking()
            .Where(s => s.ActivityId == session.ActivityId && s.StartsAt < session.StartsAt && s.CancelledAt == null)
            .OrderByDescending(s => s.StartsAt).Take(LastSessions).Select(s => s.Id).ToListAsync(cancellationToken);
        if (earlier.Count < AtLeastSessions)
        {
            return [];
        }
        var needed = (earlier.Count + 1) / 2;
        var ids = await db.CheckIns.AsNoTracking().Where(c => earlier.Contains(c.SessionId))
            .GroupBy(c => c.PersonId).Where(g => g.Count() >= needed).Select(g => g.Key).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var sessionId = session.Id;
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.ArchivedAt == null)
            .OrderBy(p => p.SearchName).ThenBy(p => p.Id).Take(MaxShown)
            .Select(p => new Regular(p.Id, p.Name, p.BirthYear, p.Postcode, db.CheckIns.Any(c => c.SessionId == sessionId && c.PersonId == p.Id)))
            .ToListAsync(cancellationToken);
    }
}

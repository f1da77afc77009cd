using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Logbook;

/// <summary>When a session's logbook may be written. Pure, so the rules are tested without a database.</summary>
public static class LogbookRules
{
    /// <summary>People arrive early: the logbook opens this long before the start.</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);

    /// <summary>Null when the write is allowed, else the reason.</summary>
    public static Refusal? RefuseWrite(Session session, DateTime now, bool mayCorrect)
    {
        if (session.IsCancelled)
        {
            return new Refusal("Deze sessie is afgelast. In het logboek kan niets meer bij.");
        }
        if (session.StartsAt - OpensBefore > now)
        {
            return new Refusal("Deze sessie is nog niet begonnen. Het logboek gaat een uur voor de start open.");
        }
        if (session.IsClosed && !mayCorrect)
        {
            return new Refusal("Het logboek van deze sessie is afgesloten. Vraag de coördinator om een correctie.");
        }
        return null;
    }

    public static Refusal? RefuseClose(Session session, DateTime now) =>
        session.IsCancelled ? new Refusal("Deze sessie is afgelast; afsluiten is niet nodig.")
        : session.IsClosed ? new Refusal("Het logboek is al afgesloten.")
        : session.StartsAt > now ? new Refusal("Een sessie die nog moet beginnen, kunt u nog niet afsluiten.")
        : null;

    /// <summary>Whether the logbook may already have entries: it opens <see cref="OpensBefore"/> the start.</summary>
    public static bool MayHaveLog(Session session, DateTime now) => session.StartsAt - OpensBefore <= now;

    /// <summary>Who keeps the logbook: coordinators and wijkverbinders always, a volunteer (or any other
    /// member) for the sessions they host.</summary>
    public static bool MayKeep(Guid? hostOfSession, Guid? hostOfActivity, Guid? userId, bool isStaff) =>
        isStaff || (userId is not null && (hostOfSession ?? hostOfActivity) == userId);

    /// <summary>Which of these sessions have anything in their logbook (check-ins, head counts, notes): they are
    /// history, so they are not moved, cancelled or re-planned.</summary>
    public static async Task<HashSet<Guid>> WithEntriesAsync(WijkbasisDb db, IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return [];
        }
        var checkIns = await db.CheckIns.Where(c => sessionIds.Contains(c.SessionId)).Select(c => c.SessionId).Distinct().ToListAsync(cancellationToken);
        var counts = await db.HeadCounts.Where(h => sessionIds.Contains(h.SessionId)).Select(h => h.SessionId).Distinct().ToListAsync(cancellationToken);
        var entries = await db.LogEntries.Where(e => sessionIds.Contains(e.SessionId)).Select(e => e.SessionId).Distinct().ToListAsync(cancellationToken);
        return [.. checkIns, .. counts, .. entries];
    }
}

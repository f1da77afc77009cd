using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Adds an audit row for every change to an <see cref="IAudited"/> row to the same
/// SaveChanges, so the change and its audit row commit or fail together. A session, or a record in its logbook,
/// created after the day that session took place is audited as <see cref="AuditActions.Backfill"/> instead of
/// <see cref="AuditActions.Create"/> (docs/decisions/0014).</summary>
public sealed class AuditInterceptor(TenantContext tenant, TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WijkbasisDb db)
        {
            var changes = Changes(db);
            var missing = MissingSessions(db, changes);
            var starts = missing.Count == 0 ? [] : db.Sessions.Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.StartsAt })
                .ToDictionary(s => s.Id, s => s.StartsAt);
            Write(db, changes, starts);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WijkbasisDb db)
        {
            var changes = Changes(db);
            var missing = MissingSessions(db, changes);
            var starts = missing.Count == 0 ? [] : await db.Sessions.Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.StartsAt })
                .ToDictionaryAsync(s => s.Id, s => s.StartsAt, cancellationToken);
            Write(db, changes, starts);
        }
        return result;
    }

    private static List<(IAudited Entity, string Action)> Changes(WijkbasisDb db) =>
        db.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity, Action: e.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            }))
            .ToList();

    /// <summary>Sessions of new logbook records that are not loaded: their start is read in one query.</summary>
    private static List<Guid> MissingSessions(WijkbasisDb db, List<(IAudited Entity, string Action)> changes)
    {
        var needed = changes.Where(c => c.Action == AuditActions.Create).Select(c => c.Entity).OfType<IKeptAtSession>()
            .Select(k => k.SessionId).ToHashSet();
        if (needed.Count == 0)
        {
            return [];
        }
        needed.ExceptWith(db.ChangeTracker.Entries<IHappensAt>().Select(e => e.Entity.Id));
        return [.. needed];
    }

    private void Write(WijkbasisDb db, List<(IAudited Entity, string Action)> changes, Dictionary<Guid, DateTime> loadedStarts)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        Dictionary<Guid, DateTime>? tracked = null;
        DateTime? StartOf(Guid sessionId)
        {
            tracked ??= db.ChangeTracker.Entries<IHappensAt>().GroupBy(e => e.Entity.Id).ToDictionary(g => g.Key, g => g.First().Entity.StartsAt);
            return tracked.TryGetValue(sessionId, out var t) ? t : loadedStarts.TryGetValue(sessionId, out var l) ? l : null;
        }
        foreach (var (entity, action) in changes)
        {
            var startsAt = action != AuditActions.Create ? null : entity switch
            {
                IHappensAt session => session.StartsAt,
                IKeptAtSession kept => StartOf(kept.SessionId),
                _ => (DateTime?)null,
            };
            var backfill = startsAt is { } s && DateOnly.FromDateTime(s.ToAmsterdam()) < today;
            db.AuditEntries.Add(AuditLog.Row(tenant, now, entity.GetType().Name, entity.Id.ToString(),
                backfill ? AuditActions.Backfill : action, entity.SubjectPersonId));
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkbasis.Data;
using Wijkbasis.Features.Cases;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Buddies;

/// <summary>Each enterprise's buddy pool, prepared for matching (<see cref="MatchPool"/>: the buddies and how many open
/// cases each holds), kept in memory so a suggestion need not read and split every buddy again. The enterprise row
/// carries a pool stamp that every change to a buddy, and every case that opens, closes or changes hands, replaces
/// in the same transaction (<see cref="BuddyPoolStamping"/>); a suggestion reads the stamp first and uses the kept
/// pool only when it was read under that same stamp. So a pool is never older than the last committed change,
/// whichever instance of the app made it.</summary>
public sealed class BuddyPoolCache
{
    private readonly ConcurrentDictionary<Guid, MatchPool> pools = new();

    /// <summary>The enterprise's pool as of <paramref name="stamp"/>, or null when none is kept for that stamp.</summary>
    public MatchPool? Find(Guid tenantId, Guid stamp) =>
        pools.TryGetValue(tenantId, out var pool) && pool.Stamp == stamp ? pool : null;

    public MatchPool Keep(Guid tenantId, MatchPool pool) => pools[tenantId] = pool;
}

/// <summary>Gives the enterprise a new buddy pool stamp in the same SaveChanges as any added, changed or removed
/// buddy and any case added, removed, closed or reopened or given another owner, so every kept pool of that
/// enterprise is known to be old from the moment the change commits. Other writes to a case (contacts, goals) leave
/// the stamp alone, so they do not queue on the enterprise row.</summary>
public sealed class BuddyPoolStamping(TenantContext tenant) : SaveChangesInterceptor
{
    private Data.Enterprise? stub;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Stamp(DbContext? context)
    {
        if (context is not WijkbasisDb db || !tenant.HasTenant || !ChangesThePool(db))
        {
            return;
        }
        var enterprise = db.Enterprises.Local.FirstOrDefault(e => e.Id == tenant.TenantId);
        if (enterprise is null)
        {
            // Only the stamp is written: the other columns of this stand-in are never sent, and it is let go after the save.
            enterprise = stub = new Data.Enterprise { Id = tenant.TenantId, Name = "", Slug = "" };
            db.Enterprises.Attach(enterprise);
        }
        enterprise.BuddyPoolStamp = Guid.NewGuid();
        db.Entry(enterprise).Property(e => e.BuddyPoolStamp).IsModified = true;
    }

    private static bool ChangesThePool(WijkbasisDb db) =>
        db.ChangeTracker.Entries<Buddy>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        || db.ChangeTracker.Entries<Case>().Any(e => e.State is EntityState.Added or EntityState.Deleted
            || (e.State == EntityState.Modified && (e.Property(c => c.OwnerBuddyId).IsModified || e.Property(c => c.Status).IsModified)));

    private void Forget(DbContext? context)
    {
        if (stub is not null && context is not null)
        {
            context.Entry(stub).State = EntityState.Detached;
            stub = null;
        }
    }
}

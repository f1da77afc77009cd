using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>Per enterprise, how many saves of this instance of the app changed its records: a cache of figures computed
/// from them (the report) keeps the count it was computed at and knows itself old when the count moved. Counted in
/// memory, so it costs a write nothing; writes by another instance, or by bulk updates that skip SaveChanges, are not
/// seen, which is why such a cache also has a lifetime.</summary>
public sealed class TenantWrites
{
    private readonly ConcurrentDictionary<Guid, long> counts = new();

    public long Count(Guid tenantId) => counts.TryGetValue(tenantId, out var n) ? n : 0;

    internal void Add(Guid tenantId) => counts.AddOrUpdate(tenantId, 1, (_, n) => n + 1);
}

/// <summary>Counts a save for the enterprise once it committed, when it added, changed or removed a record other than
/// an audit row (a look at a page writes audit rows and changes no figure).</summary>
public sealed class TenantWritesCounting(TenantContext tenant, TenantWrites writes) : SaveChangesInterceptor
{
    private bool changed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        changed = Changes(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        changed = Changes(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private bool Changes(DbContext? context) =>
        tenant.HasTenant && context is WijkbasisDb db && db.ChangeTracker.Entries().Any(e =>
            e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private void Count()
    {
        if (changed)
        {
            writes.Add(tenant.TenantId);
            changed = false;
        }
    }
}

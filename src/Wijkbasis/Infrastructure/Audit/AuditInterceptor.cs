using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Adds an audit row for every change to an <see cref="IAudited"/> row to the same
/// SaveChanges, so the change and its audit row commit or fail together.</summary>
public sealed class AuditInterceptor(TenantContext tenant, TimeProvider time) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is not WijkbasisDb db)
        {
            return;
        }
        var changes = db.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity, Action: e.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            }))
            .ToList();
        foreach (var (entity, action) in changes)
        {
            db.AuditEntries.Add(AuditLog.Row(tenant, time.UtcNow(), entity.GetType().Name, entity.Id.ToString(),
                action, entity.SubjectPersonId));
        }
    }
}

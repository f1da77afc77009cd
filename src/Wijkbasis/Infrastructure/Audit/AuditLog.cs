using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Records reads. Writes are audited by <see cref="AuditInterceptor"/>; a view is recorded
/// here, with the same row shape, and saved before the page shows the data.</summary>
public sealed class AuditLog(WijkbasisDb db, TenantContext tenant, TimeProvider time)
{
    public async Task RecordViewAsync(IAudited record, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(Row(tenant, time.UtcNow(), record.GetType().Name, record.Id.ToString(),
            AuditActions.View, record.SubjectPersonId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an attempt that did not succeed (outcome "denied" or "not-found"), e.g. a
    /// Volunteer opening an edit page or an id that is not in this enterprise.</summary>
    public async Task RecordAttemptAsync(string entityType, string entityId, string action, string outcome,
        CancellationToken cancellationToken = default)
    {
        if (!tenant.HasTenant)
        {
            return;
        }
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(Row(tenant, time.UtcNow(), entityType, Truncate(entityId, 200), action, null, outcome));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    internal static AuditEntry Row(TenantContext tenant, DateTime at, string entityType, string entityId,
        string action, Guid? personId, string outcome = "success") => new()
    {
        TenantId = tenant.TenantId,
        At = at,
        UserId = tenant.UserId,
        UserName = tenant.UserName,
        Role = tenant.RoleSummary,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        Outcome = outcome,
        PersonId = personId,
    };
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Records reads. Writes are audited by <see cref="AuditInterceptor"/>; a view is recorded
/// here, with the same row shape, and saved before the page shows the data.</summary>
public sealed class AuditLog(WijkbasisDb db, TenantContext tenant, TimeProvider time, IServiceScopeFactory scopes, ILogger<AuditLog> log)
{
    public async Task RecordViewAsync(IAudited record, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(Row(tenant, time.UtcNow(), record.GetType().Name, record.Id.ToString(),
            AuditActions.View, record.SubjectPersonId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a look at each of several records (a list that shows what each is about), saved in one go.</summary>
    public async Task RecordViewsAsync(IEnumerable<IAudited> records, CancellationToken cancellationToken = default)
    {
        var at = time.UtcNow();
        var rows = records.Select(r => Row(tenant, at, r.GetType().Name, r.Id.ToString(), AuditActions.View, r.SubjectPersonId)).ToList();
        if (rows.Count > 0)
        {
            db.AuditEntries.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Records a look at a record that shows several people (a session's visitors): one row per person,
    /// so each can be told who saw their data; a row without a person when nobody is shown.</summary>
    public async Task RecordViewAsync(IAudited record, IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var at = time.UtcNow();
        var people = personIds.Distinct().ToList();
        foreach (var personId in people.Count == 0 ? [(Guid?)null] : people.Select(p => (Guid?)p))
        {
            db.AuditEntries.Add(Row(tenant, at, record.GetType().Name, record.Id.ToString(), AuditActions.View, personId));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds (without saving) a row saying that a closed record was corrected; it commits with the correction.</summary>
    public void AddCorrection(IAudited record, Guid? personId) =>
        db.AuditEntries.Add(Row(tenant, time.UtcNow(), record.GetType().Name, record.Id.ToString(), AuditActions.Correct, personId));

    /// <summary>Records an attempt that did not succeed (outcome "denied" or "not-found"), e.g. a
    /// Volunteer opening an edit page or an id that is not in this enterprise.
    /// It is written with a context of its own (the page's pending work is not touched), is not cancelled
    /// when the visitor hangs up, and a failure to write it never turns the refusal into an error page.</summary>
    public async Task RecordAttemptAsync(string entityType, string entityId, string action, string outcome)
    {
        if (!tenant.HasTenant)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<TenantContext>();
            own.Enter(tenant.Enterprise, tenant.Roles);
            own.SetActor(tenant.UserId, tenant.UserName);
            var ownDb = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            ownDb.AuditEntries.Add(Row(own, time.UtcNow(), entityType, Truncate(entityId, 200), action, null, outcome));
            await ownDb.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogError(e, "Could not audit a {Outcome} attempt on {EntityType} {EntityId}", outcome, entityType, entityId);
        }
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

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

    /// <summary>Records a look at a list of records (a list that shows what each is about) as ONE row that names every
    /// record shown (<see cref="AuditEntry.EntityIds"/>) and every person they concern (<see cref="AuditEntry.PersonIds"/>),
    /// so a long list does not flood the log (docs/decisions/0018).</summary>
    public async Task RecordViewsAsync(IEnumerable<IAudited> records, CancellationToken cancellationToken = default)
    {
        var shown = records.DistinctBy(r => (r.GetType(), r.Id)).ToList();
        if (shown.Count == 0)
        {
            return;
        }
        if (shown.Count == 1)
        {
            await RecordViewAsync(shown[0], cancellationToken);
            return;
        }
        var types = shown.Select(r => r.GetType().Name).Distinct().ToList();
        var row = Row(tenant, time.UtcNow(), types.Count == 1 ? types[0] : string.Join(",", types), ListEntityId(shown.Count),
            AuditActions.View, null);
        row.EntityIds = shown.Select(r => r.Id.ToString()).ToArray();
        row.PersonIds = PeopleShown(shown.Select(r => r.SubjectPersonId).OfType<Guid>(), row);
        db.AuditEntries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a look at a record that shows several people (a session's visitors) as ONE row naming every
    /// person shown (<see cref="AuditEntry.PersonIds"/>), so each can still be told who saw their data; with one person
    /// the row carries that person as <see cref="AuditEntry.PersonId"/> as well.</summary>
    public async Task RecordViewAsync(IAudited record, IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var row = Row(tenant, time.UtcNow(), record.GetType().Name, record.Id.ToString(), AuditActions.View, null);
        row.PersonIds = PeopleShown(personIds, row);
        db.AuditEntries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every audit row about one person: rows for that person, and list rows that showed them. PostgreSQL
    /// answers the list part from a GIN index on <see cref="AuditEntry.PersonIds"/> (array containment); SQLite reads the
    /// enterprise's list rows only (the rows with <see cref="AuditEntry.PersonIds"/> set).</summary>
    public static IQueryable<AuditEntry> AboutPerson(WijkbasisDb db, Guid personId)
    {
        if (db.Database.IsNpgsql())
        {
            // Written as containment ("PersonIds" @> ARRAY[id]), which the GIN index answers; Contains alone becomes "= ANY", which it does not.
            Guid[] person = [personId];
            return db.AuditEntries.Where(a => a.PersonId == personId || (a.PersonIds != null && person.All(p => a.PersonIds.Contains(p))));
        }
        return db.AuditEntries.Where(a => a.PersonId == personId || (a.PersonIds != null && a.PersonIds.Contains(personId)));
    }

    internal static string ListEntityId(int count) => $"list:{count}";

    /// <summary>The people of a list row, in a stable order; one person also goes into <see cref="AuditEntry.PersonId"/>.</summary>
    private static Guid[]? PeopleShown(IEnumerable<Guid> personIds, AuditEntry row)
    {
        var people = personIds.Distinct().Order().ToArray();
        if (people.Length == 1)
        {
            row.PersonId = people[0];
        }
        return people.Length == 0 ? null : people;
    }

    /// <summary>Records a look at a list that is not of records (the retention dry run's items) as ONE row naming the
    /// people shown; nothing when it showed nobody.</summary>
    public async Task RecordListAsync(string entityType, string entityId, IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var row = Row(tenant, time.UtcNow(), entityType, entityId, AuditActions.View, null);
        row.PersonIds = PeopleShown(personIds, row);
        if (row.PersonIds is null)
        {
            return;
        }
        db.AuditEntries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a download of a list (docs/decisions/0025) as ONE row, saved before the file is sent: which list
    /// (<paramref name="list"/>), with which filters or period, how many rows, in which format, for which purpose (lists of
    /// people's data ask it), and every person in the file (<see cref="AuditEntry.PersonIds"/>) so each can be told.</summary>
    public async Task RecordExportAsync(string list, string filters, int rows, string format, string? purpose,
        IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var row = Row(tenant, time.UtcNow(), "Export", Truncate(list, 200), AuditActions.Export, null);
        row.EntityIds = [$"filter:{filters}", $"rows:{rows}", $"format:{format}", .. purpose is null ? Array.Empty<string>() : [$"purpose:{purpose}"]];
        row.PersonIds = PeopleShown(personIds, row);
        db.AuditEntries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds (without saving) the one row of a retention purge: the kind, how many records and the cut-off.</summary>
    public void AddPurge(string kind, int count, DateTime before)
    {
        var row = Row(tenant, time.UtcNow(), "Retention", kind, AuditActions.Purge, null);
        row.EntityIds = [$"count:{count}", $"before:{before:O}"];
        db.AuditEntries.Add(row);
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

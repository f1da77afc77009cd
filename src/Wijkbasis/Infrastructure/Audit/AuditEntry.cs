using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>One audit row with the NEN 7513 fields: who, in which role, on behalf of which enterprise,
/// when (UTC), which record, what action and with what outcome.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Role { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public required string Outcome { get; set; }
    /// <summary>Which person the record concerns, when there is one (for "who looked at me?").</summary>
    public Guid? PersonId { get; set; }

    /// <summary>A list view, recorded as one row: the records shown (their ids), when there are several.</summary>
    public string[]? EntityIds { get; set; }
    /// <summary>A list view, recorded as one row: every person whose data was shown. "Who looked at me?" finds a
    /// person here as well as in <see cref="PersonId"/>. Sealed into the chain with the rest of the row.</summary>
    public Guid[]? PersonIds { get; set; }

    /// <summary>Position in the tamper-evident chain; null until <see cref="AuditChain"/> seals the row.</summary>
    public long? ChainSeq { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string View = "view";
    /// <summary>A change to a logbook after it was closed.</summary>
    public const string Correct = "correct";
    /// <summary>A session, or a record in its logbook, created after the day that session took place (docs/decisions/0014).</summary>
    public const string Backfill = "backfill";
    /// <summary>Records of one kind deleted or emptied after their retention term (one row per purge, docs/decisions/0024).</summary>
    public const string Purge = "purge";
    /// <summary>A list downloaded as CSV or XLSX (one row per download, docs/decisions/0025).</summary>
    public const string Export = "export";
}

public static class AuditLabels
{
    public static string Of(string action) => action switch
    {
        AuditActions.Create => "aangemaakt",
        AuditActions.Update => "gewijzigd",
        AuditActions.Delete => "verwijderd",
        AuditActions.View => "bekeken",
        AuditActions.Correct => "gecorrigeerd na afsluiten",
        AuditActions.Backfill => "achteraf ingevoerd",
        AuditActions.Purge => "opgeschoond na de bewaartermijn",
        AuditActions.Export => "gedownload in een lijst",
        _ => action,
    };
}

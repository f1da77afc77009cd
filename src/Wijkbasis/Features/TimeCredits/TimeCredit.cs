using Wijkbasis.Data;

namespace Wijkbasis.Features.TimeCredits;

/// <summary>Whether an enterprise keeps time credits, and the bounds of a person's balance. Also the lock of the
/// enterprise's time bank: every transfer and every change of these settings takes <see cref="Version"/>, so transfers
/// are serialised per enterprise and a balance can never pass a bound, also when transfers race.</summary>
public sealed class TimeCreditSettings : ITenantOwned, IAudited
{
    public const int BoundLimit = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>Off: reciprocity without points. The history stays visible; no transfers are possible.</summary>
    public bool Enabled { get; set; }
    /// <summary>How far a person may go below zero (e.g. -10: receive ten hours of help before giving any).</summary>
    public long MinBalance { get; set; } = -10;
    public long MaxBalance { get; set; } = 40;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>Concurrency token: raised by every transfer and every change of the settings.</summary>
    public long Version { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

public enum AccountKind
{
    Person,
    Enterprise,
}

/// <summary>A time-credit account of a person in the register, or the enterprise's own account (one per enterprise).
/// Its balance is the sum of its movements; there is no stored balance to drift from them.</summary>
public sealed class TimeCreditAccount : ITenantOwned, IAudited
{
    public const int NameMax = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public AccountKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>The person's name when the account was opened, or the enterprise's name.</summary>
    public required string Name { get; set; }
    public DateTime OpenedAt { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

/// <summary>Points given by one account to another, e.g. for an hour of help. Append-only, like its two movements:
/// a mistake is corrected by a reversal (a transfer back, pointing to this one).</summary>
public sealed class TimeCreditTransfer : ITenantOwned, IAudited
{
    public const int DescriptionMax = 200;
    public const int ReasonMax = 300;
    public const int LinkKindMax = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid FromAccountId { get; set; }
    public Guid ToAccountId { get; set; }
    public long Points { get; set; }
    public DateOnly BookedOn { get; set; }
    public DateTime At { get; set; }
    public required string Description { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public Guid? ReversesTransferId { get; set; }
    public string? Reason { get; set; }
    /// <summary>What the transfer is for, when there is a record of it: a kind ("match", "contribution") and its id.
    /// Not a foreign key: those records live in other parts of the product.</summary>
    public string? LinkKind { get; set; }
    public Guid? LinkId { get; set; }

    public bool IsReversal => ReversesTransferId is not null;

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>One side of a transfer: minus on the giving account, plus on the receiving one. The two movements of a
/// transfer sum to zero, so all balances of an enterprise together are always zero.</summary>
public sealed class TimeCreditMovement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid TransferId { get; set; }
    public Guid AccountId { get; set; }
    public Guid CounterAccountId { get; set; }
    public long Points { get; set; }
    public DateTime At { get; set; }
}

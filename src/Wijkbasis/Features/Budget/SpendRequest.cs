using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Budget;

public enum SpendRequestStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>A spend above the requester's mandate, waiting for a budget approver who is not the requester.
/// On approval the money is booked as a <see cref="LedgerEntry"/>; the request keeps who decided and why.</summary>
public sealed class SpendRequest : ITenantOwned, IAudited
{
    public const int NoteMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PotId { get; set; }
    public Guid CaseId { get; set; }
    public long AmountCents { get; set; }
    public SpendPurpose Purpose { get; set; }
    /// <summary>What the money is for, in the buddy's words: may say something about the resident, so sealed.</summary>
    public SealedText? Note { get; set; }
    public Guid RequestedByUserId { get; set; }
    public required string RequestedByName { get; set; }
    public DateTime RequestedAt { get; set; }
    /// <summary>Why the mandate was not enough, as the rules said it at the time: a translatable text (format and values,
    /// see <see cref="Shared.LocalText"/>; older rows hold the plain Dutch text).</summary>
    public string? WhyApproval { get; set; }
    public SpendRequestStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Why an approver said no; may say something about the resident, so sealed.</summary>
    public SealedText? DecisionReason { get; set; }
    public Guid? LedgerEntryId { get; set; }
    /// <summary>Concurrency token: two approvers deciding at once cannot both book it.</summary>
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

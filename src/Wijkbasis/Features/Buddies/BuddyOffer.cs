using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Buddies;

public enum OfferStatus
{
    Offered,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>The wijkverbinder asks a buddy to take on a resident; the buddy accepts (the case starts, with them
/// as the responsible buddy) or declines with a reason.</summary>
public sealed class BuddyOffer : ITenantOwned, IAudited
{
    public const int ReasonMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid IntakeId { get; set; }
    public Guid PersonId { get; set; }
    public Guid BuddyId { get; set; }
    public Buddy? Buddy { get; set; }
    public Guid BuddyUserId { get; set; }
    public Guid OfferedByUserId { get; set; }
    public required string OfferedByName { get; set; }
    public DateTime OfferedAt { get; set; }
    /// <summary>Set when light help went to a professional or heavy help to a volunteer type.</summary>
    public SealedText? KindOverrideReason { get; set; }
    public OfferStatus Status { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>May say something about the resident or the buddy: sealed, like the override reason.</summary>
    public SealedText? DeclineReason { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

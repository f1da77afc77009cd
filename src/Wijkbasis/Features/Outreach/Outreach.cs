using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Outreach;

public enum CampaignKind
{
    /// <summary>Door to door along a street, from one house number to another.</summary>
    DoorToDoor,
    /// <summary>A standplaats: a caravan or a table at a spot for a while.</summary>
    PopUp,
}

/// <summary>An outreach round: door to door through an address range, or a pop-up standplaats.</summary>
public sealed class Campaign : ITenantOwned, IAudited
{
    public const int NameMax = 100;
    public const int StreetMax = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public CampaignKind Kind { get; set; }
    public string? Street { get; set; }
    public int? FromNumber { get; set; }
    public int? ToNumber { get; set; }
    /// <summary>For a pop-up: the spot, e.g. "Caravan op het Visserijplein".</summary>
    public string? Spot { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

public enum VisitOutcome
{
    NotHome,
    ShortTalk,
    RealConversation,
    Signal,
}

/// <summary>One door or one talk at the standplaats. Anonymous unless it became a person record.</summary>
public sealed class OutreachVisit : ITenantOwned, IAudited
{
    public const int AddressMax = 150;
    public const int NoteMax = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public required string Address { get; set; }
    public DateOnly On { get; set; }
    public VisitOutcome Outcome { get; set; }
    public SealedText? Note { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;

    public static string Label(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.NotHome => "Niet thuis",
        VisitOutcome.ShortTalk => "Kort gesprek",
        VisitOutcome.RealConversation => "Echt gesprek",
        _ => "Signaal",
    };
}

/// <summary>Something to follow up ("de buurvrouw maakt zich zorgen over mevrouw op nummer 12"): the wijkverbinder's
/// work list, with a due date. What it says is sealed.</summary>
public sealed class Signal : ITenantOwned, IAudited
{
    public const int AboutMax = 150;
    public const int NoteMax = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? VisitId { get; set; }
    /// <summary>Where or whom it is about, as plain as needed to find it again: an address.</summary>
    public required string About { get; set; }
    public SealedText? Note { get; set; }
    public DateOnly DueOn { get; set; }
    public Guid AssignedToUserId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public SealedText? DoneNote { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

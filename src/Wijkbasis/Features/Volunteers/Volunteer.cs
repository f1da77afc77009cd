using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Volunteers;

/// <summary>A kind of work volunteers do at the enterprise ("gastvrouw", "kok", "tuinier", "chauffeur"). The coordinator
/// keeps the list; an archived role keeps its history (shifts, hours) but is not chosen any more. A role that works with
/// vulnerable residents can require a valid VOG.</summary>
public sealed class VolunteerRole : ITenantOwned
{
    public const int NameMax = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case, trimmed copy of <see cref="Name"/>: one role per word per enterprise.</summary>
    public required string Key { get; set; }
    public bool RequiresVog { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public bool IsArchived => ArchivedAt is not null;

    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Why this name cannot be a role, or null.</summary>
    public static Refusal? Check(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new Refusal("Vul een naam in voor de rol.")
        : name.Trim().Length > NameMax ? new Refusal("Een rol mag hoogstens {0} tekens lang zijn.", NameMax)
        : null;
}

/// <summary>A person in the register who volunteers. With a login (a user with the Volunteer role in this enterprise,
/// <see cref="UserId"/>) they sign up for shifts and log their own hours; without one the coordinator does it for them.</summary>
public sealed class Volunteer : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? UserId { get; set; }
    public DateOnly? VogIssuedOn { get; set; }
    public DateOnly? VogExpiresOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

/// <summary>A volunteer comes to a session (a shift) in a role. One per volunteer, session and role, enforced by a
/// unique index so two taps at once cannot make two.</summary>
public sealed class ShiftSignup : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SessionId { get; set; }
    public Guid RoleId { get; set; }
    public Guid VolunteerId { get; set; }
    /// <summary>The volunteer's person (for the audit trail and the drager register).</summary>
    public Guid PersonId { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

/// <summary>Time a person gave in a role on one day, optionally at one session. Whole minutes; a correction changes
/// the row (audited), a removal deletes it (audited).</summary>
public sealed class VolunteerHours : ITenantOwned, IAudited
{
    public const int NoteMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public Guid RoleId { get; set; }
    public DateOnly WorkedOn { get; set; }
    public int Minutes { get; set; }
    public Guid? SessionId { get; set; }
    public string? Note { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

public enum ContributionKind
{
    /// <summary>Time given outside a volunteer role (logged hours count by themselves, see <see cref="VolunteerHours"/>).</summary>
    Hours,
    Help,
    Goods,
    Other,
}

/// <summary>Something a person gave: help, goods, time ("brengt koffie mee", "repareerde de fietsen"). Small things
/// count. Optionally thanked with time credits: the transfer is linked both ways (<see cref="TransferId"/> here,
/// LinkKind "contribution" and this id on the transfer).</summary>
public sealed class Contribution : ITenantOwned, IAudited
{
    public const int DescriptionMax = 200;
    public const string LinkKind = "contribution";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public ContributionKind Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly GivenOn { get; set; }
    public long? Points { get; set; }
    public Guid? TransferId { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;

    public static string Label(ContributionKind kind) => kind switch
    {
        ContributionKind.Hours => "Tijd",
        ContributionKind.Help => "Hulp",
        ContributionKind.Goods => "Spullen",
        _ => "Anders",
    };
}

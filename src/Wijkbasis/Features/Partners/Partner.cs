using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Partners;

/// <summary>What kind of partner an organisation is. Agreements (a funder) and the ABCD asset map (an institution) point
/// at <see cref="Organisation"/> later; the kind tells them apart.</summary>
public enum OrganisationKind
{
    Municipality,
    HousingCorporation,
    HealthCare,
    DebtHelp,
    School,
    Library,
    Police,
    Business,
    Association,
    Other,
}

/// <summary>A partner of the enterprise: the municipality's wijkteam, a housing corporation, the GGD, debt help, a school,
/// the library, the wijkagent, a shop. Its name is unique within the enterprise (case and spaces aside).</summary>
public sealed class Organisation : ITenantOwned, IAudited
{
    public const int NameMax = 150;
    public const int AddressMax = 200;
    public const int WebsiteMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>The name lower-cased with its spaces collapsed: the unique index that refuses a second "GGD  gelderland-zuid".</summary>
    public string NameKey { get; set; } = "";
    public OrganisationKind Kind { get; set; }
    public string? BuurtCode { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;

    public static string KeyOf(string name) => Shared.NameKey.Of(name);

    public static string Label(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => "Gemeente / wijkteam",
        OrganisationKind.HousingCorporation => "Woningcorporatie",
        OrganisationKind.HealthCare => "GGD / zorg",
        OrganisationKind.DebtHelp => "Schuldhulp",
        OrganisationKind.School => "School",
        OrganisationKind.Library => "Bibliotheek",
        OrganisationKind.Police => "Politie / wijkagent",
        OrganisationKind.Business => "Winkel / ondernemer",
        OrganisationKind.Association => "Vereniging",
        _ => "Anders",
    };
}

/// <summary>Someone to call at a partner organisation.</summary>
public sealed class OrganisationContact : ITenantOwned, IAudited
{
    public const int NameMax = 100;
    public const int RoleMax = 100;
    public const int PhoneMax = 30;
    public const int EmailMax = 200;
    public const int ReachMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>How best to reach them ("dinsdagochtend bellen", "via de wijkmanager").</summary>
    public string? HowToReach { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>A werkafspraak: what the enterprise does with a partner, from a date and maybe until one.</summary>
public sealed class WorkAgreement : ITenantOwned, IAudited
{
    public const int WhatMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string What { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

public enum ReferralOutcome
{
    Arrived,
    Waiting,
    NotArrived,
    Helped,
}

/// <summary>A warm handover (warme overdracht) of a resident to a partner organisation: why, to whom, whether a worker went
/// along, a follow-up on the worker's own list, and the outcome later. The reason and an override reason are sealed: they
/// often say what the resident struggles with (debts, health).</summary>
public sealed class Referral : ITenantOwned, IAudited
{
    public const int ReasonMax = 1000;
    public const int OverrideReasonMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? ContactId { get; set; }
    public SealedText? Reason { get; set; }
    public DateOnly ReferredOn { get; set; }
    /// <summary>The worker who went along (the warm part of the handover); null when nobody did.</summary>
    public Guid? WentAlongUserId { get; set; }
    public string? WentAlongName { get; set; }
    /// <summary>The day to ask how it went; it lands on <see cref="FollowUpUserId"/>'s Vandaag list until an outcome is final.</summary>
    public DateOnly? FollowUpOn { get; set; }
    public Guid FollowUpUserId { get; set; }
    /// <summary>The resident's details were shared with the organisation (needs consent in force, or an override).</summary>
    public bool DetailsShared { get; set; }
    /// <summary>Why details were shared without consent in force (only with the override permission).</summary>
    public SealedText? OverrideReason { get; set; }
    public ReferralOutcome? Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }
    public Guid ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Still to be asked after: no outcome yet, or the resident is waiting.</summary>
    public bool IsOpen => Outcome is null or ReferralOutcome.Waiting;

    Guid? IAudited.SubjectPersonId => PersonId;

    public static string Label(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.Arrived => "Aangekomen",
        ReferralOutcome.Waiting => "Wacht nog",
        ReferralOutcome.NotArrived => "Niet aangekomen",
        _ => "Geholpen",
    };
}

using Wijkbasis.Data;

namespace Wijkbasis.Features.People;

public sealed class Person : ITenantOwned, IAudited
{
    public const int NameMax = 100;
    public const int PhoneMax = 30;
    public const int EmailMax = 200;
    public const int LanguagesMax = 200;
    public const int ErasureReasonMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>Name or alias: some residents do not want to give their real name.</summary>
    public required string Name { get; set; }
    public bool IsAlias { get; set; }
    /// <summary>Lower-case, accent-free copy of <see cref="Name"/> for search and duplicate checks.</summary>
    public string SearchName { get; set; } = "";
    public int? BirthYear { get; set; }
    /// <summary>Normalised as "1234 AB".</summary>
    public string? Postcode { get; set; }
    public string? BuurtCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Languages { get; set; }
    /// <summary>Came to ask support.</summary>
    public bool IsVrager { get; set; }
    /// <summary>Carries others. Both may be true.</summary>
    public bool IsDrager { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Who added the person (null for people added before this was kept, and by the system): a volunteer
    /// sees the people they added (data minimisation, docs/decisions/0024).</summary>
    public Guid? CreatedByUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    /// <summary>Set when the person was erased on request (AVG art. 17, docs/decisions/0023): the row stays as a nameless
    /// tombstone so kept records (check-ins, money, audit) still count, and every page treats it as gone.</summary>
    public DateTime? ErasedAt { get; set; }
    /// <summary>The day the person asked to be erased.</summary>
    public DateOnly? ErasureRequestedOn { get; set; }
    /// <summary>Why (e.g. "verzoek per brief"); never a name.</summary>
    public string? ErasureReason { get; set; }
    /// <summary>Raised on every change; an edit based on an older version is refused, not silently lost.</summary>
    public int Version { get; set; }

    public List<ConsentRecord> Consents { get; set; } = [];

    Guid? IAudited.SubjectPersonId => Id;
}

public enum ConsentPurpose
{
    Participation,
    BuddyProgramme,
    Reporting,
    ContactByEmail,
    PhotosAndStories,
    /// <summary>Show the person's offer (first name, buurt, talents) to the other enterprises in the municipality.</summary>
    TalentsInMunicipality,
    /// <summary>Share the resident's details with a partner organisation when referring them (warme overdracht).</summary>
    ShareOnReferral,
}

/// <summary>AVG art. 6 grounds. In the social domain consent does not replace a legal basis.</summary>
public enum LegalBasis
{
    Consent,
    PublicTask,
    LegitimateInterest,
    LegalObligation,
    VitalInterest,
    Contract,
}

/// <summary>One event in a person's consent history for one purpose. The newest record per purpose
/// is in force, so a withdrawal takes effect the moment it is saved.</summary>
public sealed class ConsentRecord : ITenantOwned, IAudited
{
    public const int NoteMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public LegalBasis LegalBasis { get; set; }
    public bool Given { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public required string RecordedByName { get; set; }
    public string? Note { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Talents;

/// <summary>One word on the enterprise's list of talents and needs ("bakken", "computerhulp"). The coordinator keeps
/// the list; a card can only use a word from it, so the board and the suggestions speak one language.
/// A retired tag stays on the cards that have it (history) but is not chosen, searched or matched any more.</summary>
public sealed class TalentTag : ITenantOwned
{
    public const int NameMax = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case, trimmed copy of <see cref="Name"/>: one tag per word per enterprise.</summary>
    public required string Key { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }

    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Why this name cannot be a tag, or null.</summary>
    public static Refusal? Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new("Vul een naam in voor het label.");
        }
        if (name.Trim().Length > NameMax)
        {
            return new("Een label mag hoogstens {0} tekens lang zijn.", NameMax);
        }
        if (name.IndexOfAny([';', ',']) >= 0)
        {
            return new("Een label is één woord of een paar woorden, zonder komma of puntkomma.");
        }
        return null;
    }
}

public enum TalentSide
{
    /// <summary>"Ik kan…": what the person offers.</summary>
    Offer,
    /// <summary>"Ik zoek…": what the person would like help with.</summary>
    Need,
}

/// <summary>A person's talent card: what they can do and what they look for, as tags plus their own words, and
/// when they are free. One card per person.</summary>
public sealed class TalentCard : ITenantOwned, IAudited
{
    public const int TextMax = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public string? OfferText { get; set; }
    public string? NeedText { get; set; }
    /// <summary>Which parts of which days (see <see cref="Buddies.Availability"/>).</summary>
    public int Availability { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }
    public int Version { get; set; }

    public List<TalentCardTag> Tags { get; set; } = [];

    Guid? IAudited.SubjectPersonId => PersonId;
}

/// <summary>One tag on a card, on the offer or the need side.</summary>
public sealed class TalentCardTag : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid CardId { get; set; }
    public Guid TagId { get; set; }
    public TalentTag? Tag { get; set; }
    public TalentSide Side { get; set; }
}

/// <summary>The minimal copy of a person's offer that other enterprises in the municipality may see: first name,
/// buurt, the offer's tags and words, languages, and which enterprise to ask. It exists only while the person's
/// consent for <see cref="People.ConsentPurpose.TalentsInMunicipality"/> is in force (see <see cref="TalentSharing"/>);
/// no address, contact details or needs ever leave the enterprise.</summary>
public sealed class SharedOffer : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid MunicipalityId { get; set; }
    public Guid PersonId { get; set; }
    public required string EnterpriseName { get; set; }
    public required string FirstName { get; set; }
    public string? BuurtCode { get; set; }
    public string? BuurtName { get; set; }
    /// <summary>Tag keys as ";bakken;klussen;" (a delimiter on both ends, so a search for one tag is one LIKE).</summary>
    public required string TagKeys { get; set; }
    public required string TagNames { get; set; }
    public string? Languages { get; set; }
    public string? Text { get; set; }
    public DateTime UpdatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

public sealed class TalentOptions
{
    /// <summary>A match that has not moved (status or guidance note) for this many days shows as stalled.</summary>
    public int StalledAfterDays { get; set; } = 14;
}

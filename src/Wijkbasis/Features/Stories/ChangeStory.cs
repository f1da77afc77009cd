using Wijkbasis.Data;

namespace Wijkbasis.Features.Stories;

/// <summary>A domain of change of Most Significant Change (Davies &amp; Dart): the group picks one story per domain per period.</summary>
public enum ChangeDomain
{
    Contact,
    Confidence,
    Health,
    Money,
    Work,
    Other,
}

/// <summary>A story of change (docs/decisions/0032): written on its own or taken over from a logbook story (its text copied,
/// the entry kept as a reference). Consent is the story's own: for internal use (the team and the selection group may read it)
/// and for publication (the report, its PDF and exports may show it in full). Publication also needs the person's consent for
/// photos and stories not to be withdrawn (see <see cref="StoryRules.Publishable"/>).</summary>
public sealed class ChangeStory : ITenantOwned, IAudited
{
    public const int TextMax = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Text { get; set; }
    public ChangeDomain Domain { get; set; }
    /// <summary>When the story was told: the period it counts in.</summary>
    public DateOnly ToldOn { get; set; }
    /// <summary>Whose story it is, when the person is registered.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>The logbook story it was taken from (at most once); null when written on its own or the entry was removed.</summary>
    public Guid? LogEntryId { get; set; }
    public bool ConsentInternal { get; set; }
    public bool ConsentPublication { get; set; }
    public Guid ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

/// <summary>The group's choice of the most significant story of one domain in one period, and why. One per domain per
/// period (a unique index); undoing it removes the row.</summary>
public sealed class StorySelection : ITenantOwned, IAudited
{
    public const int ReasonsMax = 2000;
    public const int GroupMax = 300;
    public const int PeriodKeyMax = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary><see cref="Impact.ImpactPeriod.Key"/> of the period the story was chosen for.</summary>
    public required string PeriodKey { get; set; }
    public ChangeDomain Domain { get; set; }
    public Guid StoryId { get; set; }
    public required string Reasons { get; set; }
    /// <summary>Who chose (free text: "coördinator en vier bewoners"), never required to be names.</summary>
    public string? Group { get; set; }
    public DateOnly SelectedOn { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

public static class StoryRules
{
    /// <summary>Shown in the report instead of a story that may not be published.</summary>
    public const string NotPublishable = "(verhaal zonder toestemming voor publicatie)";

    public static string Label(ChangeDomain domain) => domain switch
    {
        ChangeDomain.Contact => "Contact",
        ChangeDomain.Confidence => "Zelfvertrouwen",
        ChangeDomain.Health => "Gezondheid",
        ChangeDomain.Money => "Geld",
        ChangeDomain.Work => "Werk",
        _ => "Anders",
    };

    /// <summary>A story may be shown in full outside the enterprise when it was told with consent for publication and, when it
    /// is about a registered person, that person has not withdrawn consent for photos and stories (the newest record is not a
    /// "no") and was not erased. <paramref name="personConsent"/> is the person's consent in force (null: none recorded).</summary>
    public static bool Publishable(bool consentPublication, bool aboutPerson, bool? personConsent, bool personErased) =>
        consentPublication && (!aboutPerson || (personConsent != false && !personErased));
}

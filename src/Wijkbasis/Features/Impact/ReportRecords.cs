using Wijkbasis.Data;

namespace Wijkbasis.Features.Impact;

/// <summary>What the coordinator prepares for a period's report before fixing it: the narrative sections and the
/// stories chosen from the logbook. One per enterprise and period.</summary>
public sealed class ReportDraft : ITenantOwned, IAudited
{
    public const int TextMax = 4000;
    public const int PeriodKeyMax = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary><see cref="ImpactPeriod.Key"/>.</summary>
    public required string PeriodKey { get; set; }
    /// <summary>"Wat ging goed".</summary>
    public string? WentWell { get; set; }
    /// <summary>"Wat leerden we".</summary>
    public string? Learned { get; set; }
    /// <summary>"Plannen".</summary>
    public string? Plans { get; set; }
    /// <summary>Ids of the chosen stories (log entries of kind Story with consent to report), separated by ';'.</summary>
    public string StoryIds { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>A report fixed ("vastgesteld") for a period: its figures, chosen stories and texts frozen as sent.
/// Never changed afterwards: a new version supersedes it (the older one keeps who superseded it and when).</summary>
public sealed class FixedReport : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string PeriodKey { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodUntil { get; set; }
    /// <summary>1 for the first fixing of a period, then 2, 3 … (unique per enterprise and period).</summary>
    public int Number { get; set; }
    public DateTime FixedAt { get; set; }
    public Guid? FixedByUserId { get; set; }
    public required string FixedByName { get; set; }
    /// <summary>The frozen report as JSON: figures (current, previous, monthly trend, parts), stories and texts.</summary>
    public required string Content { get; set; }
    public DateTime? SupersededAt { get; set; }
    public string? SupersededByName { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>Inhabitants of a CBS buurt in a year, imported from CBS's "Kerncijfers wijken en buurten" CSV; global
/// reference data like <see cref="PostcodeArea"/>. Reach as a share of the buurt's population reads it.</summary>
public sealed class BuurtPopulation
{
    public required string BuurtCode { get; set; }
    public int Year { get; set; }
    public int Inhabitants { get; set; }
    public int? Age0To15 { get; set; }
    public int? Age15To25 { get; set; }
    public int? Age25To45 { get; set; }
    public int? Age45To65 { get; set; }
    public int? Age65Plus { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>A municipality's year cube as it was published to its analysts: the suppressed cells only (a hidden cell
/// is stored as its state, never its figure), computed in the background and served from here, so the analyst's
/// pages open in a moment even for a city, survive a restart, and show everyone the same figures until the next
/// computation (docs/decisions/0019). Not tenant-owned: it holds no row of any enterprise, only the group figures the
/// analyst may see.</summary>
public sealed class PublishedCube
{
    public Guid MunicipalityId { get; set; }
    public int Year { get; set; }
    public DateTime ComputedAt { get; set; }
    /// <summary>The layout of <see cref="Payload"/>; a cube stored in an older layout or for another set of indicators
    /// is computed again rather than read.</summary>
    public int Format { get; set; }
    public required byte[] Payload { get; set; }
}

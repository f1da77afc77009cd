using System.Text.Json;
using System.Text.Json.Serialization;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.Report;

/// <summary>Everything a report shows, computed once: the live page, the fixed version (frozen as JSON in
/// <see cref="FixedReport.Content"/>), the PDF and the exports all render this one thing, so they never differ.
/// Values are the numbers as shown (euros, hours, percentages), rounded as shown. <see cref="Targets"/>: the targets of the
/// agreements running in the period against their actuals (docs/decisions/0029); null in reports fixed before targets existed.
/// <see cref="Selections"/>: the most significant story per domain the group chose for the period, with why; a story's text only
/// when it may be published (docs/decisions/0032); null in reports fixed before.</summary>
public sealed record ReportContent(
    string PeriodKey,
    string PeriodLabel,
    string PreviousLabel,
    DateOnly From,
    DateOnly Until,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportStory> Stories,
    string? WentWell,
    string? Learned,
    string? Plans,
    IReadOnlyList<Partners.TargetLine>? Targets = null,
    IReadOnlyList<Stories.SelectedStoryLine>? Selections = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonIgnore]
    public Impact.ImpactPeriod Period => new(Impact.ImpactPeriod.Parse(PeriodKey)?.Kind ?? Impact.PeriodKind.Custom, From, Until);

    public string PeriodText(System.Globalization.CultureInfo culture) => ReportFormat.PeriodLabel(Period, culture);

    public string PreviousText(System.Globalization.CultureInfo culture) => ReportFormat.PeriodLabel(Period.Previous, culture);

    [JsonIgnore]
    public IEnumerable<ReportFigure> Figures => Sections.SelectMany(s => s.Figures);

    /// <summary>True when the period holds no recorded work at all (every figure is zero or empty).</summary>
    [JsonIgnore]
    public bool IsEmpty => Figures.All(f => f.Current is null or 0 && f.Parts.All(p => p.Current is null or 0));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportContent FromJson(string json) =>
        JsonSerializer.Deserialize<ReportContent>(json, Json) ?? throw new InvalidOperationException("An empty fixed report.");
}

public sealed record ReportSection(IndicatorSection Section, string Name, IReadOnlyList<ReportFigure> Figures)
{
    [JsonIgnore]
    public bool IsEmpty => Figures.All(f => f.Current is null or 0 && f.Previous is null or 0
        && f.Parts.All(p => p.Current is null or 0 && p.Previous is null or 0) && f.Trend.All(t => t.Value is null or 0));
}

/// <summary>One indicator of the report: now, the period before, its parts and (for a figure without parts) its
/// monthly trend.</summary>
public sealed record ReportFigure(
    string Id,
    string Name,
    string Explanation,
    IndicatorUnit Unit,
    decimal? Current,
    decimal? Previous,
    IReadOnlyList<ReportPart> Parts,
    IReadOnlyList<ReportPoint> Trend)
{
    [JsonIgnore]
    public bool HasTrend => Trend.Count > 0;
}

public sealed record ReportPart(string Key, string Label, decimal? Current, decimal? Previous);

/// <summary>One month of a trend: its key (yyyymm) and value.</summary>
public sealed record ReportPoint(int Month, decimal? Value)
{
    [JsonIgnore]
    public DateOnly FirstDay => new(Month / 100, Month % 100, 1);
}

/// <summary>A story from the logbook, told with consent to use it in a report; never a name.</summary>
public sealed record ReportStory(Guid Id, DateOnly Date, string Activity, string Text);

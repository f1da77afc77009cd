namespace Wijkbasis.Features.Impact;

/// <summary>What a figure counts, so it is shown and summed the right way.</summary>
public enum IndicatorUnit
{
    /// <summary>Distinct persons.</summary>
    Persons,
    /// <summary>A count of things (sessions, check-ins, matches).</summary>
    Count,
    Hours,
    /// <summary>Stored in cents, shown in euros.</summary>
    Euros,
    /// <summary>Time-credit points.</summary>
    Points,
    /// <summary>A share: the value divided by <see cref="FigureRow.Of"/>, shown as a percentage.</summary>
    Share,
    /// <summary>An average: the value divided by <see cref="FigureRow.Of"/>.</summary>
    Average,
    /// <summary>An index from −1 to +1 (the E-I index): the value divided by <see cref="FigureRow.Of"/>, shown with two
    /// decimals.</summary>
    Index,
}

/// <summary>A section of the report; the order of the enum is the order on the page.</summary>
public enum IndicatorSection
{
    Reach,
    Activities,
    Volunteers,
    Reciprocity,
    BuddyProgramme,
    Matches,
    TimeCredits,
    NeighbourhoodPot,
    Rooms,
    /// <summary>Bonding, bridging and linking from co-attendance and the buddy programme (docs/decisions/0028).</summary>
    Network,
    /// <summary>Linking: warm referrals to organisations (docs/decisions/0026).</summary>
    Linking,
    Money,
}

/// <summary>One figure the impact monitor knows, defined once: the report, the municipal view, the exports and
/// (later) targets read it from <see cref="IndicatorRegistry"/> and never compute a figure themselves.</summary>
/// <param name="Id">Stable id, used in exports, fixed reports and targets (never renamed).</param>
/// <param name="Name">Dutch name (a resource key).</param>
/// <param name="Explanation">Plain B1 Dutch: what is counted, shown beside every figure.</param>
/// <param name="Method">How it is computed, for the curious reader and the analyst.</param>
/// <param name="Reads">Which records it reads.</param>
/// <param name="Parts">The breakdown keys of the figure (e.g. age bands), in display order; empty when it has none.
/// The rows of a figure with parts carry a part key each and no whole row: the whole is the sum of the parts.</param>
/// <param name="AdditiveOverTime">True when the figure of a period is the sum of the figures of its months
/// (check-ins, hours, euros); false for distinct persons, shares and averages. Suppression uses it.</param>
/// <param name="AboutPersons">True when the figure rests on persons (the suppression base of every row);
/// false for figures about the enterprise itself (sessions held, money, rooms), which are never suppressed.</param>
/// <param name="Compute">The query: rows per enterprise, buurt and (when asked) month.</param>
public sealed record Indicator(
    string Id,
    IndicatorSection Section,
    string Name,
    string Explanation,
    string Method,
    string Reads,
    IndicatorUnit Unit,
    IReadOnlyList<IndicatorPart> Parts,
    bool AdditiveOverTime,
    bool AboutPersons,
    Func<ImpactQuery, CancellationToken, Task<IReadOnlyList<FigureRow>>> Compute)
{
    public bool HasParts => Parts.Count > 0;

    /// <summary>False for a stock figure (the state on the last day of a period, such as volunteers on the list): its
    /// rows never carry a month, and a monthly trend computes it once per month.</summary>
    public bool SplitsByMonth { get; init; } = true;

    /// <summary>Units whose rows carry a denominator.</summary>
    public bool IsRatio => Unit is IndicatorUnit.Share or IndicatorUnit.Average or IndicatorUnit.Index;
}

/// <summary>One part of a broken-down figure: its key in the rows and its Dutch label (a resource key).</summary>
public sealed record IndicatorPart(string Key, string Label);

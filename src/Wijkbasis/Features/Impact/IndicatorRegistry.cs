namespace Wijkbasis.Features.Impact;

/// <summary>Every indicator, in report order. The one place a figure is defined.</summary>
public static class IndicatorRegistry
{
    public static IReadOnlyList<Indicator> All { get; } =
    [
        .. Indicators.Reach.All,
        .. Indicators.Population.All,
        .. Indicators.Activities.All,
        .. Indicators.Volunteering.All,
        .. Indicators.Reciprocity.All,
        .. Indicators.BuddyProgramme.All,
        .. Indicators.Matches.All,
        .. Indicators.TimeCredits.All,
        .. Indicators.NeighbourhoodPot.All,
        .. Indicators.RoomUse.All,
        .. Indicators.Network.All,
        .. Indicators.Linking.All,
        .. Indicators.MoneyFlowFigures.All,
    ];

    public static IReadOnlyDictionary<string, Indicator> ById { get; } = All.ToDictionary(i => i.Id, StringComparer.Ordinal);

    public static Indicator Get(string id) =>
        ById.TryGetValue(id, out var indicator) ? indicator : throw new KeyNotFoundException($"No indicator '{id}'.");

    public static IEnumerable<IGrouping<IndicatorSection, Indicator>> BySection => All.GroupBy(i => i.Section).OrderBy(g => g.Key);

    public static string SectionName(IndicatorSection section) => section switch
    {
        IndicatorSection.Reach => "Bereik",
        IndicatorSection.Activities => "Activiteiten",
        IndicatorSection.Volunteers => "Vrijwilligers",
        IndicatorSection.Reciprocity => "Wederkerigheid",
        IndicatorSection.BuddyProgramme => "Buddyprogramma",
        IndicatorSection.Matches => "Talenten en koppelingen",
        IndicatorSection.TimeCredits => "Tijdbank",
        IndicatorSection.NeighbourhoodPot => "Wijkpot",
        IndicatorSection.Rooms => "Ruimtes",
        IndicatorSection.Network => "Verbinden: bonding, bridging, linking",
        IndicatorSection.Linking => "Doorverwijzen",
        _ => "Geldstromen",
    };
}

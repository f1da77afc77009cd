using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.MunicipalView;

public enum UnitKind : byte
{
    Total,
    Enterprise,
    Wijk,
    Buurt,
}

/// <summary>A row of a municipal table: the whole municipality, one enterprise, one wijk or one buurt.</summary>
/// <param name="Key">Stable key in URLs: "totaal", the enterprise's slug, the wijk or buurt code ("onbekend" for the
/// buurt and wijk of persons without a known buurt in this municipality).</param>
public sealed record CubeUnit(UnitKind Kind, string Key, string Name, string? WijkKey = null)
{
    public const string TotalKey = "totaal";
    public const string UnknownKey = "onbekend";
}

/// <summary>Where the cube's units come from: the municipality's enterprises and its buurten (code → wijk).</summary>
public sealed record CubeGeography(
    IReadOnlyList<(Guid Id, string Slug, string Name)> Enterprises,
    IReadOnlyList<(string BuurtCode, string BuurtName, string WijkCode, string WijkName)> Buurten);

/// <summary>A published cell: the figure and whether it may be shown.</summary>
public readonly record struct CubeCell(Figure Figure, CellState State);

/// <summary>Everything the analyst can request for one calendar year, suppressed once (docs/decisions/0016): units
/// {total, enterprises, wijken, buurten} × times {year, 4 quarters, 12 months} × parts, for every indicator. Every page,
/// period and export reads its cells, so they all hide the same set.</summary>
public sealed partial class MunicipalCube
{
    /// <summary>Time 0 is the year, 1–4 the quarters, 5–16 the months.</summary>
    public const int Times = 17;

    private readonly Dictionary<(UnitKind, string), int> unitIndex;
    private readonly Dictionary<string, IndicatorCube> indicators;

    private MunicipalCube(int year, List<CubeUnit> units, Dictionary<string, IndicatorCube> indicators)
    {
        Year = year;
        Units = units;
        unitIndex = units.Select((u, i) => (u, i)).ToDictionary(x => (x.u.Kind, x.u.Key), x => x.i);
        this.indicators = indicators;
    }

    public int Year { get; }
    public IReadOnlyList<CubeUnit> Units { get; }

    public IEnumerable<CubeUnit> UnitsOf(UnitKind kind) => Units.Where(u => u.Kind == kind);

    public CubeUnit? FindUnit(UnitKind kind, string key) => unitIndex.TryGetValue((kind, key), out var i) ? Units[i] : null;

    public static int TimeOf(ImpactPeriod period) => period.Kind switch
    {
        PeriodKind.Year => 0,
        PeriodKind.Quarter => (period.From.Month - 1) / 3 + 1,
        PeriodKind.Month => 4 + period.From.Month,
        _ => throw new ArgumentOutOfRangeException(nameof(period), "The municipal view has only months, quarters and years."),
    };

    public static ImpactPeriod PeriodOf(int year, int time) => time switch
    {
        0 => ImpactPeriod.Year(year),
        <= 4 => ImpactPeriod.Quarter(year, time),
        _ => ImpactPeriod.Month(year, time - 4),
    };

    /// <summary>The cell of one unit, period (of this cube's year) and part (<see cref="FigureRow.Whole"/> for the whole).</summary>
    public CubeCell Cell(Indicator indicator, CubeUnit unit, ImpactPeriod period, string part = FigureRow.Whole)
    {
        if (period.From.Year != Year || !indicators.TryGetValue(indicator.Id, out var cube))
        {
            throw new ArgumentOutOfRangeException(nameof(period));
        }
        var p = Array.IndexOf(cube.Parts, part);
        if (p < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(part));
        }
        var i = cube.Index(unitIndex[(unit.Kind, unit.Key)], TimeOf(period), p);
        return new CubeCell(cube.Figures[i], cube.States[i]);
    }

    private sealed class IndicatorCube(Indicator indicator, int units)
    {
        public Indicator Indicator { get; } = indicator;
        /// <summary>The whole first, then the parts.</summary>
        public string[] Parts { get; } = [FigureRow.Whole, .. indicator.Parts.Select(p => p.Key)];
        public Figure[] Figures { get; } = new Figure[units * Times * (indicator.Parts.Count + 1)];
        public CellState[] States { get; set; } = [];
        public int Offset { get; set; }

        public int Index(int unit, int time, int part) => ((unit * Times) + time) * Parts.Length + part;
    }

    /// <summary>Identities between indicators a reader can use to subtract one from another: each is declared here so
    /// the suppression sees it (a new indicator that is the sum or copy of others adds its line).</summary>
    public static readonly IReadOnlyList<(string Whole, string[] Parts)> IndicatorSums =
    [
        (Impact.Indicators.Reach.Persons, [Impact.Indicators.Reach.New, Impact.Indicators.Reach.Returning]),
    ];

    /// <summary>Indicators whose whole equals another's (the persons behind them are the same), in every unit or only in
    /// the buurten (the share of the inhabitants times the public inhabitants gives a buurt's reach; its wijk and total
    /// cover only buurten with CBS figures, and its own groups protect those sums).</summary>
    public static readonly IReadOnlyList<(string A, string B, bool BuurtenOnly)> IndicatorCopies =
    [
        (Impact.Indicators.Reach.Persons, Impact.Indicators.Reach.ByAge, false),
        (Impact.Indicators.Reach.Persons, Impact.Indicators.Population.ReachShare, true),
    ];

    /// <summary>Builds and suppresses the cube. <paramref name="rows"/> holds per indicator its rows for each of the 17
    /// times (the year, the quarters, the months), as the calculator computes them per period.</summary>
    public static MunicipalCube Build(int year, CubeGeography geography, IReadOnlyDictionary<Indicator, IReadOnlyList<FigureRow>[]> rows,
        int threshold = Suppression.Threshold, SuppressionStats? stats = null)
    {
        var units = new List<CubeUnit> { new(UnitKind.Total, CubeUnit.TotalKey, "Hele gemeente") };
        var enterpriseUnit = new Dictionary<Guid, int>();
        foreach (var (id, slug, name) in geography.Enterprises.OrderBy(e => e.Name, StringComparer.CurrentCulture))
        {
            enterpriseUnit[id] = units.Count;
            units.Add(new CubeUnit(UnitKind.Enterprise, slug, name));
        }
        var wijkUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var buurtUnit = new Dictionary<string, (int Buurt, int Wijk)>(StringComparer.Ordinal);
        foreach (var wijk in geography.Buurten.GroupBy(b => (b.WijkCode, b.WijkName)).OrderBy(w => w.Key.WijkCode, StringComparer.Ordinal))
        {
            wijkUnit[wijk.Key.WijkCode] = units.Count;
            units.Add(new CubeUnit(UnitKind.Wijk, wijk.Key.WijkCode, wijk.Key.WijkName));
        }
        wijkUnit[CubeUnit.UnknownKey] = units.Count;
        units.Add(new CubeUnit(UnitKind.Wijk, CubeUnit.UnknownKey, "Wijk onbekend of buiten de gemeente"));
        foreach (var b in geography.Buurten.OrderBy(b => b.BuurtCode, StringComparer.Ordinal))
        {
            buurtUnit[b.BuurtCode] = (units.Count, wijkUnit[b.WijkCode]);
            units.Add(new CubeUnit(UnitKind.Buurt, b.BuurtCode, b.BuurtName, b.WijkCode));
        }
        var unknownBuurt = (units.Count, wijkUnit[CubeUnit.UnknownKey]);
        units.Add(new CubeUnit(UnitKind.Buurt, CubeUnit.UnknownKey, "Buurt onbekend of buiten de gemeente", CubeUnit.UnknownKey));

        var cubes = new Dictionary<string, IndicatorCube>(StringComparer.Ordinal);
        foreach (var (indicator, byTime) in rows)
        {
            if (byTime.Length != Times)
            {
                throw new ArgumentException("Rows for 17 times are needed.", nameof(rows));
            }
            var cube = new IndicatorCube(indicator, units.Count);
            var value = new decimal[cube.Figures.Length];
            var of = new decimal?[cube.Figures.Length];
            var @base = new long?[cube.Figures.Length];
            for (var t = 0; t < Times; t++)
            {
                foreach (var row in byTime[t])
                {
                    var part = Array.IndexOf(cube.Parts, row.Part);
                    if (part < 0)
                    {
                        continue;
                    }
                    var (buurt, wijk) = row.BuurtCode is { } code && buurtUnit.TryGetValue(code, out var bw) ? bw : unknownBuurt;
                    Span<int> targets = [0, buurt, wijk, enterpriseUnit.TryGetValue(row.TenantId, out var e) ? e : -1];
                    foreach (var u in targets)
                    {
                        if (u < 0)
                        {
                            continue;
                        }
                        foreach (var pi in part == 0 ? [0] : new[] { 0, part })
                        {
                            var i = cube.Index(u, t, pi);
                            value[i] += row.Value;
                            if (row.Of is { } o)
                            {
                                of[i] = (of[i] ?? 0) + o;
                            }
                            if (row.Base is { } b)
                            {
                                @base[i] = (@base[i] ?? 0) + b;
                            }
                        }
                    }
                }
            }
            for (var i = 0; i < value.Length; i++)
            {
                cube.Figures[i] = new Figure(value[i], of[i], @base[i]);
            }
            cubes[indicator.Id] = cube;
        }

        Suppress(cubes, units, threshold, stats);
        return new MunicipalCube(year, units, cubes);
    }

    private static void Suppress(Dictionary<string, IndicatorCube> cubes, List<CubeUnit> units, int threshold, SuppressionStats? stats)
    {
        var cells = new List<SuppressionCell>();
        var groups = new List<SuppressionGroup>();
        var total = 0;
        var enterprises = Enumerable.Range(0, units.Count).Where(u => units[u].Kind == UnitKind.Enterprise).ToArray();
        var wijken = Enumerable.Range(0, units.Count).Where(u => units[u].Kind == UnitKind.Wijk).ToArray();
        var buurtenOf = wijken.ToDictionary(w => w, w => Enumerable.Range(0, units.Count)
            .Where(u => units[u].Kind == UnitKind.Buurt && units[u].WijkKey == units[w].Key).ToArray());
        var persons = cubes.Values.Where(c => c.Indicator.AboutPersons).ToList();
        foreach (var cube in persons)
        {
            var indicator = cube.Indicator;
            cube.Offset = cells.Count;
            var countsPersons = indicator.IsRatio || indicator.Unit is IndicatorUnit.Persons or IndicatorUnit.Count;
            foreach (var f in cube.Figures)
            {
                // A share or average is tied to the others through the persons of its denominator.
                var v = indicator.IsRatio ? f.Base ?? 0 : f.Value;
                cells.Add(new SuppressionCell(v, f.Base ?? 0, countsPersons));
            }
            int At(int u, int t, int p) => cube.Offset + cube.Index(u, t, p);
            for (var t = 0; t < Times; t++)
            {
                for (var p = 0; p < cube.Parts.Length; p++)
                {
                    groups.Add(new SuppressionGroup(At(total, t, p), [.. enterprises.Select(u => At(u, t, p))]));
                    groups.Add(new SuppressionGroup(At(total, t, p), [.. wijken.Select(u => At(u, t, p))]));
                    foreach (var w in wijken)
                    {
                        groups.Add(new SuppressionGroup(At(w, t, p), [.. buurtenOf[w].Select(u => At(u, t, p))]));
                    }
                }
            }
            for (var u = 0; u < units.Count; u++)
            {
                for (var t = 0; t < Times; t++)
                {
                    if (cube.Parts.Length > 1)
                    {
                        groups.Add(new SuppressionGroup(At(u, t, 0), [.. Enumerable.Range(1, cube.Parts.Length - 1).Select(p => At(u, t, p))]));
                    }
                }
                if (indicator.AdditiveOverTime)
                {
                    for (var p = 0; p < cube.Parts.Length; p++)
                    {
                        groups.Add(new SuppressionGroup(At(u, 0, p), [At(u, 1, p), At(u, 2, p), At(u, 3, p), At(u, 4, p)]));
                        for (var q = 1; q <= 4; q++)
                        {
                            var first = 4 + ((q - 1) * 3) + 1;
                            groups.Add(new SuppressionGroup(At(u, q, p), [At(u, first, p), At(u, first + 1, p), At(u, first + 2, p)]));
                        }
                    }
                }
            }
        }
        void Across(IndicatorCube whole, IndicatorCube[] parts, bool buurtenOnly = false)
        {
            for (var u = 0; u < units.Count; u++)
            {
                if (buurtenOnly && units[u].Kind != UnitKind.Buurt)
                {
                    continue;
                }
                for (var t = 0; t < Times; t++)
                {
                    groups.Add(new SuppressionGroup(whole.Offset + whole.Index(u, t, 0), [.. parts.Select(c => c.Offset + c.Index(u, t, 0))]));
                }
            }
        }
        foreach (var (whole, parts) in IndicatorSums)
        {
            if (cubes.TryGetValue(whole, out var w) && w.Indicator.AboutPersons && parts.All(p => cubes.ContainsKey(p)))
            {
                Across(w, [.. parts.Select(p => cubes[p])]);
            }
        }
        foreach (var (a, b, buurtenOnly) in IndicatorCopies)
        {
            if (cubes.TryGetValue(a, out var ca) && cubes.TryGetValue(b, out var cb) && ca.Indicator.AboutPersons && cb.Indicator.AboutPersons)
            {
                // Each hides with the other: a copy with one child is a group whose only child can be hidden.
                Across(ca, [cb], buurtenOnly);
                Across(cb, [ca], buurtenOnly);
            }
        }
        var states = Suppression.Apply(cells, groups, threshold, stats);
        foreach (var cube in cubes.Values)
        {
            cube.States = cube.Indicator.AboutPersons ? states[cube.Offset..(cube.Offset + cube.Figures.Length)] : new CellState[cube.Figures.Length];
        }
    }
}

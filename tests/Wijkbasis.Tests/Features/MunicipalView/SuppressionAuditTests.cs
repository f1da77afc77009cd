using System.Diagnostics;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.MunicipalView;
using Xunit.Abstractions;

namespace Wijkbasis.Tests.Features.MunicipalView;

/// <summary>The exact audit of ADR 0016: combinations of crossing sums (units × periods, two views, indicator copies)
/// must not give a hidden cell away, and the audit stays cheap at city scale.</summary>
public sealed class SuppressionAuditTests(ITestOutputHelper output)
{
    /// <summary>A 4 × 4 table with its row and column sums and the grand total: inner cell (r, c) is r·4 + c, the row
    /// sums 16–19, the column sums 20–23, the total 24.</summary>
    private static (long[] Values, List<(int Parent, int[] Children)> Groups) Table(long[,] inner)
    {
        var values = new long[25];
        var groups = new List<(int Parent, int[] Children)>();
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                values[(r * 4) + c] = inner[r, c];
                values[16 + r] += inner[r, c];
                values[20 + c] += inner[r, c];
                values[24] += inner[r, c];
            }
        }
        for (var r = 0; r < 4; r++)
        {
            groups.Add((16 + r, [.. Enumerable.Range(0, 4).Select(c => (r * 4) + c)]));
        }
        for (var c = 0; c < 4; c++)
        {
            groups.Add((20 + c, [.. Enumerable.Range(0, 4).Select(r => (r * 4) + c)]));
        }
        groups.Add((24, [16, 17, 18, 19]));
        groups.Add((24, [20, 21, 22, 23]));
        return (values, groups);
    }

    private static SuppressionCell P(long persons) => new(persons, persons, CountsPersons: true);

    private static List<int> Audit(long[] values, IReadOnlyList<(int Parent, int[] Children)> groups, IEnumerable<int> hidden)
    {
        var state = new CellState[values.Length];
        foreach (var h in hidden)
        {
            state[h] = CellState.Shielded;
        }
        var g = groups.Select(x => new SuppressionGroup(x.Parent, x.Children)).ToList();
        var groupsOf = new List<int>?[values.Length];
        for (var i = 0; i < g.Count; i++)
        {
            foreach (var c in g[i].Children.Prepend(g[i].Parent))
            {
                (groupsOf[c] ??= []).Add(i);
            }
        }
        var dirty = new bool[values.Length];
        Array.Fill(dirty, true);
        return [.. SuppressionAudit.Determined([.. values.Select(P)], state, g, groupsOf, dirty).Order()];
    }

    private static IReadOnlyList<int> Recover(long[] values, CellState[] states, IEnumerable<(int Parent, int[] Children)> groups) =>
        new Attacker([.. values.Select((v, i) => (v, states[i] == CellState.Shown))], _ => Attacker.PersonsBounds(100_000), groups).Recovered();

    // Two hidden 2 × 2 blocks (each a cycle: every row and column of the block has two hidden cells) joined by one hidden
    // cell (1, 2). Every row and column holds two or more hidden cells, yet rows 2 + 3 minus columns 2 + 3 leave only (1, 2).
    private static readonly int[] TwoBlocksAndABridge = [0, 1, 4, 5, 10, 11, 14, 15, 6];

    [Fact]
    public void TheAuditFindsTheCellOnTheBridgeBetweenTwoHiddenBlocksThatNoSingleSumGivesAway()
    {
        var inner = new long[4, 4];
        for (var i = 0; i < 16; i++)
        {
            inner[i / 4, i % 4] = 10 + i;
        }
        var (values, groups) = Table(inner);
        Assert.Equal([6], Audit(values, groups, TwoBlocksAndABridge));
        // The reader agrees, and finds nothing else.
        var states = values.Select((_, i) => TwoBlocksAndABridge.Contains(i) ? CellState.Shielded : CellState.Shown).ToArray();
        Assert.Equal([6], Recover(values, states, groups));
        // On a cycle it is safe: with (1, 3) and (0, 3) hidden too the bridge closes into a cycle.
        Assert.Empty(Audit(values, groups, [.. TwoBlocksAndABridge, 7, 3]));
    }

    [Fact]
    public void TheAuditFindsCellsThatTheReadersLowerBoundsPinAroundACycleOfSums()
    {
        // One hidden cycle (0, 3) (2, 3) (2, 2) (1, 2) (1, 0) (0, 0) through four rows and columns: linearly free (one
        // can add t to every other cell and take it from the rest), but (0, 3) and (1, 2) hold 1 and move against each
        // other, and a hidden persons cell holds at least 1: t = 0, and every cell on the cycle is pinned.
        var inner = new long[4, 4];
        for (var i = 0; i < 16; i++)
        {
            inner[i / 4, i % 4] = 10 + i;
        }
        inner[0, 3] = 1;
        inner[1, 2] = 1;
        var (values, groups) = Table(inner);
        int[] cycle = [0, 3, 4, 6, 10, 11];
        Assert.Equal(cycle, Audit(values, groups, cycle));
        var states = values.Select((_, i) => cycle.Contains(i) ? CellState.Shielded : CellState.Shown).ToArray();
        Assert.Equal(cycle, Recover(values, states, groups).Order());
        // With (1, 2) at 2 the cycle has room: nothing is pinned.
        inner[1, 2] = 2;
        (values, groups) = Table(inner);
        Assert.Empty(Audit(values, groups, cycle));
    }

    [Fact]
    public void TheAuditFindsTwoBridgesThatACombinationOfSumsAndTheReadersLowerBoundsPin()
    {
        // Bridges (1, 2) and (0, 3) between the blocks lie on one cycle, so neither is determined by the sums alone; but
        // rows 2 + 3 − columns 2 − 3 say (1, 2) + (0, 3) = 2, and a hidden persons cell holds at least 1. No single
        // equation (the reduced ones included) shows it: only the linear programme over the null space does.
        var inner = new long[4, 4];
        for (var i = 0; i < 16; i++)
        {
            inner[i / 4, i % 4] = 10 + i;
        }
        inner[1, 2] = 1;
        inner[0, 3] = 1;
        var (values, groups) = Table(inner);
        int[] hidden = [.. TwoBlocksAndABridge, 3];
        Assert.Equal([3, 6], Audit(values, groups, hidden));
        var states = values.Select((_, i) => hidden.Contains(i) ? CellState.Shielded : CellState.Shown).ToArray();
        Assert.Equal([3, 6], Recover(values, states, groups).Order());
    }

    [Fact]
    public void NineSmallCellsInTwoBlocksAndABridgeGetComplementsThatLeaveNoneRecoverable()
    {
        var inner = new long[4, 4];
        for (var i = 0; i < 16; i++)
        {
            inner[i / 4, i % 4] = TwoBlocksAndABridge.Contains(i) ? 1 + (i % 4) : 6 + i;
        }
        var (values, groups) = Table(inner);
        var states = Suppression.Apply([.. values.Select(P)], [.. groups.Select(g => new SuppressionGroup(g.Parent, g.Children))]);
        Assert.All(TwoBlocksAndABridge, i => Assert.Equal(CellState.Small, states[i]));
        Assert.Empty(Recover(values, states, groups));
    }

    [Fact]
    public void InRandomTablesOfUnitsAndMonthsQuartersAndTheYearNoHiddenCellIsRecovered()
    {
        // Three crossing families, as the cube has them for an additive indicator: the total over enterprises and over
        // wijken, the wijken over their buurten, and per unit the year over its quarters and each quarter over its months.
        var random = new Random(16);
        for (var round = 0; round < 40; round++)
        {
            var enterprises = random.Next(2, 4);
            var wijkBuurten = Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(1, 3)).ToArray();
            var buurten = wijkBuurten.Sum();
            // Persons per month, enterprise and buurt.
            var monthly = new long[12, enterprises, buurten];
            for (var m = 0; m < 12; m++)
            {
                for (var e = 0; e < enterprises; e++)
                {
                    for (var b = 0; b < buurten; b++)
                    {
                        monthly[m, e, b] = random.Next(10) switch { < 4 => 0, < 7 => random.Next(1, 5), _ => random.Next(5, 12) };
                    }
                }
            }
            var units = 1 + enterprises + wijkBuurten.Length + buurten;
            long[] Unit(int m, int u)
            {
                var sum = 0L;
                for (var e = 0; e < enterprises; e++)
                {
                    var firstBuurt = 0;
                    for (var w = 0; w < wijkBuurten.Length; w++)
                    {
                        for (var b = firstBuurt; b < firstBuurt + wijkBuurten[w]; b++)
                        {
                            var inUnit = u == 0 || u == 1 + e || u == 1 + enterprises + w || u == 1 + enterprises + wijkBuurten.Length + b;
                            sum += inUnit ? monthly[m, e, b] : 0;
                        }
                        firstBuurt += wijkBuurten[w];
                    }
                }
                return [sum];
            }
            // Cell (unit, time): time 0 the year, 1–4 quarters, 5–16 months.
            int Id(int u, int t) => (u * 17) + t;
            var values = new long[units * 17];
            for (var u = 0; u < units; u++)
            {
                for (var m = 0; m < 12; m++)
                {
                    var v = Unit(m, u)[0];
                    values[Id(u, 5 + m)] = v;
                    values[Id(u, 1 + (m / 3))] += v;
                    values[Id(u, 0)] += v;
                }
            }
            var groups = new List<(int Parent, int[] Children)>();
            var wijkUnits = Enumerable.Range(1 + enterprises, wijkBuurten.Length).ToArray();
            for (var t = 0; t < 17; t++)
            {
                groups.Add((Id(0, t), [.. Enumerable.Range(1, enterprises).Select(u => Id(u, t))]));
                groups.Add((Id(0, t), [.. wijkUnits.Select(u => Id(u, t))]));
                var firstBuurt = 1 + enterprises + wijkBuurten.Length;
                for (var w = 0; w < wijkBuurten.Length; w++)
                {
                    groups.Add((Id(wijkUnits[w], t), [.. Enumerable.Range(firstBuurt, wijkBuurten[w]).Select(u => Id(u, t))]));
                    firstBuurt += wijkBuurten[w];
                }
            }
            for (var u = 0; u < units; u++)
            {
                groups.Add((Id(u, 0), [Id(u, 1), Id(u, 2), Id(u, 3), Id(u, 4)]));
                for (var q = 0; q < 4; q++)
                {
                    groups.Add((Id(u, 1 + q), [Id(u, 5 + (3 * q)), Id(u, 6 + (3 * q)), Id(u, 7 + (3 * q))]));
                }
            }
            var states = Suppression.Apply([.. values.Select(P)], [.. groups.Select(g => new SuppressionGroup(g.Parent, g.Children))]);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.Equal(values[i] is > 0 and < 5, states[i] == CellState.Small);
            }
            var recovered = Recover(values, states, groups);
            Assert.True(recovered.Count == 0, $"round {round}: recovered {string.Join(",", recovered)}");
        }
    }

    [Fact]
    public void InRandomCubesNoHiddenCellOfAnAdditiveIndicatorIsRecoveredAcrossViewsAndPeriods()
    {
        // The cube itself, read as the analyst reads it: every unit (total, enterprises, wijken, buurten) and every period
        // (year, quarters, months) of "new visitors", with the sums the reader knows hold between them.
        var indicator = IndicatorRegistry.Get(Wijkbasis.Features.Impact.Indicators.Reach.New);
        Assert.True(indicator.AdditiveOverTime && indicator.Parts.Count == 0);
        var random = new Random(1302);
        for (var round = 0; round < 15; round++)
        {
            var enterprises = Enumerable.Range(0, random.Next(2, 4)).Select(i => (Id: Guid.NewGuid(), Slug: $"o{i}", Name: $"O{i}")).ToList();
            var buurten = Enumerable.Range(0, random.Next(2, 5)).Select(i => ($"BU{i:0000}", $"B{i}", $"WK{i % 2}", $"W{i % 2}")).ToList();
            var months = new List<FigureRow>[12];
            for (var m = 0; m < 12; m++)
            {
                months[m] = [];
                foreach (var (id, _, _) in enterprises)
                {
                    foreach (var (code, _, _, _) in buurten)
                    {
                        long persons = random.Next(10) switch { < 4 => 0, < 7 => random.Next(1, 5), _ => random.Next(5, 12) };
                        if (persons > 0)
                        {
                            months[m].Add(new FigureRow(id, code, null, FigureRow.Whole, persons, null, persons));
                        }
                    }
                }
            }
            var byTime = new IReadOnlyList<FigureRow>[MunicipalCube.Times];
            byTime[0] = [.. months.SelectMany(m => m)];
            for (var q = 0; q < 4; q++)
            {
                byTime[1 + q] = [.. months.Skip(3 * q).Take(3).SelectMany(m => m)];
            }
            for (var m = 0; m < 12; m++)
            {
                byTime[5 + m] = months[m];
            }
            var cube = MunicipalCube.Build(2026, new CubeGeography([.. enterprises], buurten), new Dictionary<Indicator, IReadOnlyList<FigureRow>[]> { [indicator] = byTime });

            var units = cube.Units.ToList();
            int Id(int u, int t) => (u * MunicipalCube.Times) + t;
            var published = new List<(long Value, bool Published)>();
            for (var u = 0; u < units.Count; u++)
            {
                for (var t = 0; t < MunicipalCube.Times; t++)
                {
                    var cell = cube.Cell(indicator, units[u], MunicipalCube.PeriodOf(2026, t));
                    published.Add(((long)cell.Figure.Value, cell.State == CellState.Shown));
                }
            }
            int U(UnitKind kind, string key) => units.IndexOf(cube.FindUnit(kind, key)!);
            var sums = new List<(int Parent, int[] Children)>();
            var total = U(UnitKind.Total, CubeUnit.TotalKey);
            for (var t = 0; t < MunicipalCube.Times; t++)
            {
                sums.Add((Id(total, t), [.. cube.UnitsOf(UnitKind.Enterprise).Select(e => Id(units.IndexOf(e), t))]));
                sums.Add((Id(total, t), [.. cube.UnitsOf(UnitKind.Wijk).Select(w => Id(units.IndexOf(w), t))]));
                foreach (var wijk in cube.UnitsOf(UnitKind.Wijk))
                {
                    sums.Add((Id(units.IndexOf(wijk), t), [.. cube.UnitsOf(UnitKind.Buurt).Where(b => b.WijkKey == wijk.Key).Select(b => Id(units.IndexOf(b), t))]));
                }
            }
            for (var u = 0; u < units.Count; u++)
            {
                sums.Add((Id(u, 0), [Id(u, 1), Id(u, 2), Id(u, 3), Id(u, 4)]));
                for (var q = 0; q < 4; q++)
                {
                    sums.Add((Id(u, 1 + q), [Id(u, 5 + (3 * q)), Id(u, 6 + (3 * q)), Id(u, 7 + (3 * q))]));
                }
            }
            Assert.All(sums, s => Assert.Equal(published[s.Parent].Value, s.Children.Sum(c => published[c].Value)));
            var recovered = new Attacker(published, _ => Attacker.PersonsBounds(100_000), sums).Recovered();
            Assert.True(recovered.Count == 0, $"round {round}: recovered {string.Join(",", recovered.Select(i => $"{units[i / MunicipalCube.Times].Key}@{i % MunicipalCube.Times}"))}");
        }
    }

    [Fact]
    public void InRandomCubesNoHiddenCellIsRecoveredThroughVisitorsEqualNewPlusReturning()
    {
        // Three indicators tied by a declared identity (MunicipalCube.IndicatorSums), each across units and periods: a
        // reader can subtract new from all visitors in any unit and period, and add new visitors over months.
        var persons = IndicatorRegistry.Get(Wijkbasis.Features.Impact.Indicators.Reach.Persons);
        var fresh = IndicatorRegistry.Get(Wijkbasis.Features.Impact.Indicators.Reach.New);
        var returning = IndicatorRegistry.Get(Wijkbasis.Features.Impact.Indicators.Reach.Returning);
        Indicator[] indicators = [persons, fresh, returning];
        var random = new Random(1303);
        for (var round = 0; round < 8; round++)
        {
            var enterprises = Enumerable.Range(0, 2).Select(i => (Id: Guid.NewGuid(), Slug: $"o{i}", Name: $"O{i}")).ToList();
            var buurten = Enumerable.Range(0, random.Next(1, 3)).Select(i => ($"BU{i:0000}", $"B{i}", "WK0", "W0")).ToList();
            long Draw() => random.Next(10) switch { < 4 => 0, < 7 => random.Next(1, 5), _ => random.Next(5, 12) };
            var byTime = indicators.ToDictionary(i => i, _ => new List<FigureRow>[MunicipalCube.Times]);
            foreach (var list in byTime.Values)
            {
                for (var t = 0; t < MunicipalCube.Times; t++)
                {
                    list[t] = [];
                }
            }
            foreach (var (id, _, _) in enterprises)
            {
                foreach (var (code, _, _, _) in buurten)
                {
                    var newByMonth = Enumerable.Range(0, 12).Select(_ => Draw()).ToArray();
                    for (var t = 0; t < MunicipalCube.Times; t++)
                    {
                        var months = t == 0 ? Enumerable.Range(0, 12) : t <= 4 ? Enumerable.Range(3 * (t - 1), 3) : [t - 5];
                        var n = months.Sum(m => newByMonth[m]);
                        var r = Draw();
                        void Add(Indicator indicator, long v)
                        {
                            if (v > 0)
                            {
                                byTime[indicator][t].Add(new FigureRow(id, code, null, FigureRow.Whole, v, null, v));
                            }
                        }
                        Add(fresh, n);
                        Add(returning, r);
                        Add(persons, n + r);
                    }
                }
            }
            var cube = MunicipalCube.Build(2026, new CubeGeography([.. enterprises], buurten),
                byTime.ToDictionary(x => x.Key, x => x.Value.Select(l => (IReadOnlyList<FigureRow>)l).ToArray()));

            var units = cube.Units.ToList();
            int Id(int i, int u, int t) => (((i * units.Count) + u) * MunicipalCube.Times) + t;
            var published = new List<(long Value, bool Published)>();
            for (var i = 0; i < indicators.Length; i++)
            {
                for (var u = 0; u < units.Count; u++)
                {
                    for (var t = 0; t < MunicipalCube.Times; t++)
                    {
                        var cell = cube.Cell(indicators[i], units[u], MunicipalCube.PeriodOf(2026, t));
                        published.Add(((long)cell.Figure.Value, cell.State == CellState.Shown));
                    }
                }
            }
            var sums = new List<(int Parent, int[] Children)>();
            var total = units.IndexOf(cube.UnitsOf(UnitKind.Total).Single());
            for (var i = 0; i < indicators.Length; i++)
            {
                for (var t = 0; t < MunicipalCube.Times; t++)
                {
                    sums.Add((Id(i, total, t), [.. cube.UnitsOf(UnitKind.Enterprise).Select(e => Id(i, units.IndexOf(e), t))]));
                    sums.Add((Id(i, total, t), [.. cube.UnitsOf(UnitKind.Wijk).Select(w => Id(i, units.IndexOf(w), t))]));
                    foreach (var wijk in cube.UnitsOf(UnitKind.Wijk))
                    {
                        sums.Add((Id(i, units.IndexOf(wijk), t), [.. cube.UnitsOf(UnitKind.Buurt).Where(b => b.WijkKey == wijk.Key).Select(b => Id(i, units.IndexOf(b), t))]));
                    }
                }
            }
            for (var u = 0; u < units.Count; u++)
            {
                for (var t = 0; t < MunicipalCube.Times; t++)
                {
                    sums.Add((Id(0, u, t), [Id(1, u, t), Id(2, u, t)]));
                }
                sums.Add((Id(1, u, 0), [Id(1, u, 1), Id(1, u, 2), Id(1, u, 3), Id(1, u, 4)]));
                for (var q = 0; q < 4; q++)
                {
                    sums.Add((Id(1, u, 1 + q), [Id(1, u, 5 + (3 * q)), Id(1, u, 6 + (3 * q)), Id(1, u, 7 + (3 * q))]));
                }
            }
            Assert.All(sums, s => Assert.Equal(published[s.Parent].Value, s.Children.Sum(c => published[c].Value)));
            var recovered = new Attacker(published, _ => Attacker.PersonsBounds(100_000), sums).Recovered();
            Assert.True(recovered.Count == 0, $"round {round}: recovered {string.Join(",", recovered)}");
        }
    }

    [Fact]
    public void ACitySizedCubeIsSuppressedWithTheAuditAndReportsItsTime()
    {
        // 60 enterprises, 10 wijken of 10 buurten, every indicator with its parts: each enterprise works in 12 buurten.
        var random = new Random(60);
        var enterprises = Enumerable.Range(0, 60).Select(i => (Id: Guid.NewGuid(), Slug: $"o{i}", Name: $"Onderneming {i:00}")).ToList();
        var buurten = Enumerable.Range(0, 100).Select(i => ($"BU0202{i:0000}", $"Buurt {i}", $"WK0202{i / 10:00}", $"Wijk {i / 10}")).ToList();
        var rows = new Dictionary<Indicator, IReadOnlyList<FigureRow>[]>();
        foreach (var indicator in IndicatorRegistry.All)
        {
            var parts = indicator.Parts.Count == 0 ? [FigureRow.Whole] : indicator.Parts.Select(p => p.Key).ToArray();
            var months = new List<FigureRow>[12];
            for (var m = 0; m < 12; m++)
            {
                months[m] = [];
                foreach (var (id, _, _) in enterprises)
                {
                    foreach (var b in Enumerable.Range(0, 12).Select(_ => buurten[random.Next(buurten.Count)].Item1).Distinct())
                    {
                        foreach (var part in parts)
                        {
                            long persons = random.Next(10) switch { < 3 => 0, < 6 => random.Next(1, 5), _ => random.Next(5, 40) };
                            if (persons > 0)
                            {
                                months[m].Add(indicator.IsRatio
                                    ? new FigureRow(id, b, null, part, 0.5m, persons, persons)
                                    : new FigureRow(id, b, null, part, persons, null, persons));
                            }
                        }
                    }
                }
            }
            var byTime = new IReadOnlyList<FigureRow>[MunicipalCube.Times];
            byTime[0] = [.. months.SelectMany(m => m)];
            for (var q = 0; q < 4; q++)
            {
                byTime[1 + q] = [.. months.Skip(3 * q).Take(3).SelectMany(m => m)];
            }
            for (var m = 0; m < 12; m++)
            {
                byTime[5 + m] = months[m];
            }
            rows[indicator] = byTime;
        }
        var watch = Stopwatch.StartNew();
        var stats = new SuppressionStats();
        var cube = MunicipalCube.Build(2026, new CubeGeography([.. enterprises], buurten), rows, stats: stats);
        watch.Stop();
        var cells = IndicatorRegistry.All.Where(i => i.AboutPersons).Sum(i => cube.Units.Count * MunicipalCube.Times * (i.Parts.Count + 1));
        output.WriteLine($"city-sized cube: {cube.Units.Count} units, {cells} cells about persons, built and suppressed in {watch.ElapsedMilliseconds} ms; "
            + $"the rule {stats.TotalTime.TotalMilliseconds:0} ms, of which group checks {stats.GroupTime.TotalMilliseconds:0} ms; {stats.Rounds} audits took {stats.AuditTime.TotalMilliseconds:0} ms over {stats.Components} components, the largest "
            + $"{stats.LargestComponent} hidden cells in {stats.LargestEquations} equations");
        Assert.Equal(1 + 60 + 11 + 101, cube.Units.Count);
    }
}

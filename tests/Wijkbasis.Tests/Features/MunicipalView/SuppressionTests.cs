using Wijkbasis.Features.Impact;

namespace Wijkbasis.Tests.Features.MunicipalView;

/// <summary>The pure suppression rule (docs/decisions/0016): small cells, complements, and a reader who subtracts.</summary>
public sealed class SuppressionTests
{
    private static SuppressionCell P(long persons) => new(persons, persons, CountsPersons: true);

    private static CellState[] Run(long[] values, params (int Parent, int[] Children)[] groups) =>
        Suppression.Apply([.. values.Select(P)], [.. groups.Select(g => new SuppressionGroup(g.Parent, g.Children))]);

    private static IReadOnlyList<int> Recover(long[] values, CellState[] states, params (int Parent, int[] Children)[] groups)
    {
        var max = 1000L;
        return new Attacker([.. values.Select((v, i) => (v, states[i] == CellState.Shown))],
            _ => Attacker.PersonsBounds(max), groups).Recovered();
    }

    [Fact]
    public void ACellOfFewerThanFivePersonsIsHiddenAndTheSmallestOtherCellShieldsIt()
    {
        // total 30 = 3 + 7 + 20
        var states = Run([30, 3, 7, 20], (0, [1, 2, 3]));
        Assert.Equal([CellState.Shown, CellState.Small, CellState.Shielded, CellState.Shown], states);
    }

    [Fact]
    public void ATrueZeroIsShownBecauseItRestsOnNobody()
    {
        var states = Run([12, 0, 12], (0, [1, 2]));
        Assert.All(states, s => Assert.Equal(CellState.Shown, s));
    }

    [Fact]
    public void ASmallCellAndItsShieldShareOneMarkSoTheirSumDoesNotPinThem()
    {
        long[] values = [16, 1, 5, 10];
        var states = Run(values, (0, [1, 2, 3]));
        Assert.Equal([CellState.Shown, CellState.Small, CellState.Shielded, CellState.Shown], states);
        Assert.Empty(Recover(values, states, (0, [1, 2, 3])));
        // Had the page shown "< 5" for the one and "•" for the other, 1 + 5 = 6 would give both away.
        var telling = new Attacker([.. values.Select((v, i) => (v, states[i] == CellState.Shown))],
            i => Attacker.TellingBounds(states[i], 1000), [(0, [1, 2, 3])]).Recovered();
        Assert.Equal([1, 2], telling.Order());
    }

    [Fact]
    public void AParentWithNoChildLeftToShieldIsHiddenToo()
    {
        // A wijk of two buurten with 3 and 4 persons: no child can shield, so the wijk (7) goes too, and then the total needs
        // a complement among the wijken.
        long[] values = [27, 7, 20, 3, 4];
        (int, int[])[] groups = [(0, [1, 2]), (1, [3, 4])];
        var states = Run(values, groups);
        Assert.Equal(CellState.Small, states[3]);
        Assert.Equal(CellState.Small, states[4]);
        Assert.Equal(CellState.Shielded, states[1]);
        Assert.Equal(CellState.Shielded, states[2]);
        Assert.Equal(CellState.Shown, states[0]);
        Assert.Empty(Recover(values, states, groups));
    }

    [Fact]
    public void OneHiddenShieldAloneInAGroupIsNeverLeftForAReaderToSubtract()
    {
        // Cell 2 shields 1 in the first group and sits in a copy group of its own: the copy hides with it.
        long[] values = [20, 3, 8, 9, 8];
        (int, int[])[] groups = [(0, [1, 2, 3]), (4, [2]), (2, [4])];
        var states = Run(values, groups);
        Assert.NotEqual(CellState.Shown, states[4]);
        Assert.Empty(Recover(values, states, groups));
    }

    [Fact]
    public void InRandomTwoWayTablesNoGroupWithAVisibleParentHasOneHiddenChildOrHiddenChildrenWithoutAShieldAndNoHiddenCellIsRecovered()
    {
        var random = new Random(13);
        for (var round = 0; round < 600; round++)
        {
            // A two-way table (enterprises × buurten) with its margins and grand total, as both views publish it.
            var rows = random.Next(2, 6);
            var cols = random.Next(2, 6);
            var inner = new long[rows, cols];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    inner[r, c] = random.Next(10) switch { < 3 => 0, < 7 => random.Next(1, 5), _ => random.Next(5, 15) };
                }
            }
            var values = new List<long>();
            int Cell(long v)
            {
                values.Add(v);
                return values.Count - 1;
            }
            var innerIds = new int[rows, cols];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    innerIds[r, c] = Cell(inner[r, c]);
                }
            }
            var rowIds = Enumerable.Range(0, rows).Select(r => Cell(Enumerable.Range(0, cols).Sum(c => inner[r, c]))).ToArray();
            var colIds = Enumerable.Range(0, cols).Select(c => Cell(Enumerable.Range(0, rows).Sum(r => inner[r, c]))).ToArray();
            var total = Cell(rowIds.Sum(i => values[i]));
            var groups = new List<(int Parent, int[] Children)> { (total, rowIds), (total, colIds) };
            groups.AddRange(Enumerable.Range(0, rows).Select(r => (rowIds[r], Enumerable.Range(0, cols).Select(c => innerIds[r, c]).ToArray())));
            groups.AddRange(Enumerable.Range(0, cols).Select(c => (colIds[c], Enumerable.Range(0, rows).Select(r => innerIds[r, c]).ToArray())));
            var v = values.ToArray();
            var states = Run(v, [.. groups]);

            for (var i = 0; i < v.Length; i++)
            {
                Assert.Equal(v[i] is > 0 and < 5, states[i] == CellState.Small);
            }
            foreach (var (parent, children) in groups.Where(g => states[g.Parent] == CellState.Shown))
            {
                var hidden = children.Where(c => states[c] != CellState.Shown).ToList();
                Assert.True(hidden.Count is 0 or >= 2, $"round {round}: one hidden child under {parent}");
                Assert.True(hidden.Count == 0 || hidden.Any(c => states[c] == CellState.Shielded), $"round {round}: no shield under {parent}");
            }
            var recovered = Recover(v, states, [.. groups]);
            Assert.True(recovered.Count == 0, $"round {round}: recovered {string.Join(",", recovered)} in {rows}x{cols} " +
                string.Join(" ", v.Select((x, i) => $"{i}:{x}{(states[i] == CellState.Small ? "s" : states[i] == CellState.Shielded ? "h" : "")}")));
        }
    }

    [Fact]
    public void InRandomMunicipalitiesNoHiddenCellIsRecoveredFromTheTotalTheWijkenTheBuurtenAndTheEnterprises()
    {
        var random = new Random(2026);
        for (var round = 0; round < 400; round++)
        {
            var values = new List<long>();
            int Cell(long v)
            {
                values.Add(v);
                return values.Count - 1;
            }
            long Draw() => random.Next(10) switch { < 2 => 0, < 6 => random.Next(1, 5), _ => random.Next(5, 25) };
            var total = Cell(0);
            var groups = new List<(int Parent, int[] Children)>();
            var wijken = new List<int>();
            long sum = 0;
            for (var w = random.Next(1, 5); w > 0; w--)
            {
                var buurten = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Draw()).ToArray();
                var wijk = Cell(buurten.Sum());
                sum += buurten.Sum();
                wijken.Add(wijk);
                groups.Add((wijk, [.. buurten.Select(Cell)]));
            }
            values[total] = sum;
            // The same persons split over enterprises instead.
            var enterprises = new long[random.Next(1, 5)];
            for (var p = 0; p < sum; p++)
            {
                enterprises[random.Next(enterprises.Length)]++;
            }
            groups.Add((total, [.. wijken]));
            groups.Add((total, [.. enterprises.Select(Cell)]));
            var v = values.ToArray();
            var states = Run(v, [.. groups]);
            foreach (var (parent, children) in groups.Where(g => states[g.Parent] == CellState.Shown))
            {
                var hidden = children.Where(c => states[c] != CellState.Shown).ToList();
                Assert.True(hidden.Count is 0 or >= 2, $"round {round}: one hidden child under {parent}");
                Assert.True(hidden.Count == 0 || hidden.Any(c => states[c] == CellState.Shielded), $"round {round}: no shield under {parent}");
            }
            var recovered = Recover(v, states, [.. groups]);
            Assert.True(recovered.Count == 0, $"round {round}: recovered {string.Join(",", recovered)}: " +
                string.Join(" ", v.Select((x, i) => $"{i}:{x}{(states[i] == CellState.Small ? "s" : states[i] == CellState.Shielded ? "h" : "")}")));
        }
    }

    [Fact]
    public void FiguresNotAboutPersonsAreNeverHidden()
    {
        var states = Suppression.Apply([new(10, null, false), new(1, null, false), new(9, null, false)], [new(0, [1, 2])]);
        Assert.All(states, s => Assert.Equal(CellState.Shown, s));
    }
}

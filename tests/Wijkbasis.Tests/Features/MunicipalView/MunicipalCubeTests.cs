using Wijkbasis.Features.Impact;
using Wijkbasis.Features.MunicipalView;
using Reach = Wijkbasis.Features.Impact.Indicators.Reach;

namespace Wijkbasis.Tests.Features.MunicipalView;

/// <summary>The yearly cube: the same hidden set for every view, and identities between indicators respected.</summary>
public sealed class MunicipalCubeTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    private static readonly CubeGeography Geography = new(
        [(A, "huiskamer", "Huiskamer"), (B, "tuin", "Moestuin")],
        [("BU00010001", "Noord", "WK000100", "Wijk Een"), ("BU00010002", "Zuid", "WK000100", "Wijk Een"), ("BU00010101", "Oost", "WK000101", "Wijk Twee")]);

    private static IReadOnlyList<FigureRow>[] Rows(params FigureRow[] yearRows)
    {
        var times = new IReadOnlyList<FigureRow>[MunicipalCube.Times];
        for (var t = 0; t < times.Length; t++)
        {
            times[t] = t is 0 or 1 or 5 ? yearRows : []; // everything happened in January: year = Q1 = January
        }
        return times;
    }

    private static FigureRow R(Guid tenant, string? buurt, long persons) => new(tenant, buurt, null, FigureRow.Whole, persons, null, persons);

    [Fact]
    public void ABuurtOfThreePersonsIsHiddenInTheBuurtViewAndCannotBeSubtractedFromItsWijk()
    {
        var persons = IndicatorRegistry.Get(Reach.Persons);
        var cube = MunicipalCube.Build(2026, Geography, new Dictionary<Indicator, IReadOnlyList<FigureRow>[]>
        {
            [persons] = Rows(R(A, "BU00010001", 3), R(A, "BU00010002", 9), R(B, "BU00010002", 4), R(B, "BU00010101", 20), R(B, null, 6)),
        });
        var year = ImpactPeriod.Year(2026);
        CubeCell Cell(UnitKind kind, string key) => cube.Cell(persons, cube.FindUnit(kind, key)!, year);
        Assert.Equal(42, Cell(UnitKind.Total, CubeUnit.TotalKey).Figure.Value);
        Assert.Equal(CellState.Small, Cell(UnitKind.Buurt, "BU00010001").State);
        Assert.NotEqual(CellState.Shown, Cell(UnitKind.Buurt, "BU00010002").State);
        Assert.Equal(CellState.Shown, Cell(UnitKind.Enterprise, "huiskamer").State);
        Assert.Null(cube.FindUnit(UnitKind.Buurt, "BU99990001"));
    }

    [Fact]
    public void ReturningVisitorsThatAreFewAreNotRecoveredAsUniqueMinusNew()
    {
        var persons = IndicatorRegistry.Get(Reach.Persons);
        var fresh = IndicatorRegistry.Get(Reach.New);
        var returning = IndicatorRegistry.Get(Reach.Returning);
        var cube = MunicipalCube.Build(2026, Geography, new Dictionary<Indicator, IReadOnlyList<FigureRow>[]>
        {
            [persons] = Rows(R(A, "BU00010101", 30), R(B, "BU00010101", 12)),
            [fresh] = Rows(R(A, "BU00010101", 28), R(B, "BU00010101", 12)),
            [returning] = Rows(R(A, "BU00010101", 2)),
        });
        var year = ImpactPeriod.Year(2026);
        var huiskamer = cube.FindUnit(UnitKind.Enterprise, "huiskamer")!;
        Assert.Equal(CellState.Small, cube.Cell(returning, huiskamer, year).State);
        // Unique and new of the same enterprise cannot both be shown, or 30 − 28 = 2.
        Assert.True(cube.Cell(persons, huiskamer, year).State != CellState.Shown || cube.Cell(fresh, huiskamer, year).State != CellState.Shown);
    }
    [Fact]
    public void AnEIIndexRestingOnFewerThanFivePersonsIsHiddenAndItsWijkNeighbourWithIt()
    {
        var index = IndicatorRegistry.Get(Wijkbasis.Features.Impact.Indicators.Network.IndexByAge);
        // Value E − I over E + I, base the persons measured: 3 persons in Noord, 9 in Zuid, 12 in Oost.
        var cube = MunicipalCube.Build(2026, Geography, new Dictionary<Indicator, IReadOnlyList<FigureRow>[]>
        {
            [index] = Rows(new FigureRow(A, "BU00010001", null, FigureRow.Whole, 1, 3, 3), new FigureRow(A, "BU00010002", null, FigureRow.Whole, -2, 8, 9),
                new FigureRow(B, "BU00010101", null, FigureRow.Whole, 4, 10, 12)),
        });
        var year = ImpactPeriod.Year(2026);
        CubeCell Cell(UnitKind kind, string key) => cube.Cell(index, cube.FindUnit(kind, key)!, year);
        Assert.Equal(CellState.Small, Cell(UnitKind.Buurt, "BU00010001").State);
        Assert.NotEqual(CellState.Shown, Cell(UnitKind.Buurt, "BU00010002").State);
        var total = Cell(UnitKind.Total, CubeUnit.TotalKey);
        Assert.Equal(CellState.Shown, total.State);
        Assert.Equal(3m / 21m, total.Figure.Shown(index));
    }
}


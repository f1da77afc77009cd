using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.MunicipalView;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Tests.Infrastructure;
using static Wijkbasis.Testing.DemoUsers;

namespace Wijkbasis.Tests.Features.MunicipalView;

/// <summary>The analyst's figures are a published cube (docs/decisions/0019): computed once, stored with only its shown
/// cells, served from the database after a restart, computed again the next day in the background, and while a first
/// computation runs the page says so instead of making the analyst wait.</summary>
public sealed class PublishedCubeTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static int ThisYear => TimeProvider.System.AmsterdamToday().Year;

    private Task<Guid> ArnhemAsync() => app.InDbAsync(null, db => db.Municipalities.Where(m => m.Code == "GM0202").Select(m => m.Id).SingleAsync());

    private static async Task<CubeLoad> LoadAsync(WijkbasisFactory on, Guid municipality, int year)
    {
        await using var scope = on.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>().LoadAsync(municipality, year, CancellationToken.None);
    }

    private static IEnumerable<(Indicator Indicator, CubeUnit Unit, ImpactPeriod Period, string Part)> Cells(MunicipalCube cube) =>
        from indicator in IndicatorRegistry.All
        from unit in cube.Units
        from t in Enumerable.Range(0, MunicipalCube.Times)
        from part in new[] { FigureRow.Whole }.Concat(indicator.Parts.Select(p => p.Key))
        select (indicator, unit, MunicipalCube.PeriodOf(cube.Year, t), part);

    private Task<PublishedCube?> StoredAsync(Guid municipality, int year) =>
        app.InDbAsync(null, db => db.PublishedCubes.AsNoTracking().SingleOrDefaultAsync(c => c.MunicipalityId == municipality && c.Year == year));

    private Task<int> SetComputedAtAsync(Guid municipality, int year, DateTime at, int? format = null) =>
        app.InDbAsync(null, db => db.PublishedCubes.Where(c => c.MunicipalityId == municipality && c.Year == year)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ComputedAt, at).SetProperty(c => c.Format, c => format ?? c.Format)));

    [Fact]
    public async Task TheFirstLookPublishesTheCubeWithItsShownCellsOnlyAndTheSameStatesAsAFreshComputation()
    {
        var arnhem = await ArnhemAsync();
        var load = await LoadAsync(app, arnhem, ThisYear - 1);
        var stored = await StoredAsync(arnhem, ThisYear - 1);
        Assert.NotNull(stored);
        Assert.Equal(load.ComputedAt, stored!.ComputedAt);
        var read = MunicipalCube.FromStored(stored.Payload)!;

        await using var scope = app.Services.CreateAsyncScope();
        var fresh = await scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>().BuildAsync(arnhem, ThisYear - 1, CancellationToken.None);
        var hidden = 0;
        foreach (var (indicator, unit, period, part) in Cells(fresh))
        {
            var expected = fresh.Cell(indicator, unit, period, part);
            var served = load.Ready.Cell(indicator, unit, period, part);
            Assert.Equal(served, read.Cell(indicator, unit, period, part));
            Assert.Equal(expected.State, served.State);
            if (expected.State == CellState.Shown)
            {
                Assert.Equal(expected.Figure, served.Figure);
            }
            else
            {
                // What is hidden is not kept: the stored cube cannot give it away.
                Assert.Equal(default, served.Figure);
                hidden++;
            }
        }
        Assert.True(hidden > 0, "the demo's buurten are small: some cell is hidden");
    }

    [Fact]
    public async Task AnotherInstanceOfTheAppServesTheStoredCubeWithoutComputingItAgain()
    {
        var arnhem = await ArnhemAsync();
        await LoadAsync(app, arnhem, ThisYear);
        // Computed this morning: still today's figures, so a restarted app serves them as they are.
        var morning = Clock.FromAmsterdam(TimeProvider.System.AmsterdamToday(), new TimeOnly(0, 1));
        await SetComputedAtAsync(arnhem, ThisYear, morning);

        await using var restarted = WijkbasisFactory.OnSameDatabaseAs(app);
        var load = await LoadAsync(restarted, arnhem, ThisYear);

        Assert.Equal(morning, load.ComputedAt);
        Assert.False(load.Computing);
        Assert.Equal(morning, (await StoredAsync(arnhem, ThisYear))!.ComputedAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACubeOfThisYearFromYesterdayOrInAnOldLayoutIsComputedAgain(bool oldLayout)
    {
        var arnhem = await ArnhemAsync();
        await LoadAsync(app, arnhem, ThisYear);
        var yesterday = Clock.FromAmsterdam(TimeProvider.System.AmsterdamToday().AddDays(-1), new TimeOnly(3, 0));
        await SetComputedAtAsync(arnhem, ThisYear, yesterday, oldLayout ? 0 : null);

        await using var restarted = WijkbasisFactory.OnSameDatabaseAs(app);
        var load = await LoadAsync(restarted, arnhem, ThisYear);

        if (oldLayout)
        {
            // An old layout cannot be read: the page waits for the new computation.
            Assert.True(load.ComputedAt > yesterday);
        }
        else
        {
            // Yesterday's figures are served at once while today's are computed in the background.
            Assert.Equal(yesterday, load.ComputedAt);
        }
        var until = TimeProvider.System.UtcNow().AddSeconds(120);
        while ((await StoredAsync(arnhem, ThisYear))!.ComputedAt <= yesterday)
        {
            Assert.True(TimeProvider.System.UtcNow() < until, "the cube was not computed again");
            await Task.Delay(200);
        }
        Assert.Equal(MunicipalCube.StoredFormat, (await StoredAsync(arnhem, ThisYear))!.Format);
    }

    [Fact]
    public async Task AnOldYearComputedAfterItWasOverIsNeverComputedAgain()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>();
        var year = ThisYear - 3;
        Assert.False(loader.IsOutdated(Clock.FromAmsterdam(new DateOnly(year + 2, 1, 1), new TimeOnly(0, 0)), year));
        Assert.True(loader.IsOutdated(Clock.FromAmsterdam(new DateOnly(year + 1, 12, 31), new TimeOnly(23, 0)), year));
        Assert.True(loader.IsOutdated(TimeProvider.System.UtcNow().AddDays(-1), ThisYear - 1));
        Assert.False(loader.IsOutdated(TimeProvider.System.UtcNow(), ThisYear));
    }

    [Fact]
    public async Task ThePagesSayWhenTheFiguresWereComputed()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var page = await analyst.GetPageAsync("/gemeente");
        Assert.Contains("Berekend op", page.QuerySelector("#berekend")!.TextContent);
        var figures = await analyst.GetPageAsync($"/gemeente/cijfers?indicator={Wijkbasis.Features.Impact.Indicators.Reach.Persons}&weergave=wijken&periode={ThisYear}");
        Assert.NotNull(figures.QuerySelector("#berekend"));
        Assert.NotNull(figures.QuerySelector("#eenheden"));
    }

    /// <summary>An app that never waits for a first computation, as a city's analyst would experience it.</summary>
    public sealed class ImpatientApp : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override double CubeWaitSeconds => 0;
    }

    public sealed class WhileComputing(ImpatientApp app) : IClassFixture<ImpatientApp>
    {
        [Fact]
        public async Task WhileTheFirstComputationRunsThePageSaysSoAndLaterShowsTheFigures()
        {
            var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
            var url = $"/gemeente/cijfers?indicator={Wijkbasis.Features.Impact.Indicators.Reach.Persons}&weergave=buurten&periode={ThisYear - 2}-Q3";
            var first = await analyst.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var page = await HtmlClient.ParseAsync(first);
            Assert.Contains("worden nu berekend", page.QuerySelector("#berekening")!.TextContent);
            Assert.Null(page.QuerySelector("#eenheden"));
            // "Kijk opnieuw" leads back to the same figures.
            Assert.Equal(url, page.QuerySelector("#berekening a")!.GetAttribute("href"));

            var until = TimeProvider.System.UtcNow().AddSeconds(120);
            while ((page = await analyst.GetPageAsync(url)).QuerySelector("#eenheden") is null)
            {
                Assert.True(TimeProvider.System.UtcNow() < until, "the figures never came");
                await Task.Delay(200);
            }
            Assert.NotNull(page.QuerySelector("#berekend"));
        }
    }
}

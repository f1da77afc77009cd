using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.Report;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Money = Wijkbasis.Features.Impact.Indicators.MoneyFlowFigures;

namespace Wijkbasis.Tests.Features.Report;

/// <summary>The report's figures are kept per enterprise and period (docs/decisions/0019): looking again computes
/// nothing, a save in the enterprise has the next look compute again, another enterprise's save does not, and when
/// computing takes longer than the page waits the kept figures are shown with their time.</summary>
public sealed class ReportFigureCacheTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static readonly ImpactPeriod ThisYear = ImpactPeriod.Year(TimeProvider.System.AmsterdamToday().Year);

    private static async Task<ReportFigureCache.Served> LookAsync(WijkbasisFactory on, string enterprise)
    {
        var id = await on.InDbAsync(null, db => db.Enterprises.Where(e => e.Slug == enterprise).Select(e => e.Id).SingleAsync());
        await using var scope = await on.Services.GetRequiredService<IServiceScopeFactory>().AsTenantAsync(id, [Roles.Coordinator], "test");
        return await scope.ServiceProvider.GetRequiredService<ReportFigureCache>()
            .GetAsync(scope.ServiceProvider.GetRequiredService<TenantContext>(), ThisYear, CancellationToken.None);
    }

    private static decimal? Income(ReportFigureCache.Served served) =>
        served.Sections.SelectMany(s => s.Figures).Single(f => f.Id == Money.Income).Current;

    private static Task<int> BookIncomeAsync(WijkbasisFactory on, string enterprise, long cents) =>
        on.InDbAsync(enterprise, db =>
        {
            db.MoneyLines.Add(new MoneyLine
            {
                Direction = MoneyDirection.Income, Source = IncomeSource.Rent, BookedOn = TimeProvider.System.AmsterdamToday(),
                AmountCents = cents, Counterparty = "Huurder", At = TimeProvider.System.UtcNow(), ByName = "test",
            });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task LookingAgainServesTheKeptFiguresAndASaveHasThemComputedAgain()
    {
        var first = await LookAsync(app, "huiskamer");
        var again = await LookAsync(app, "huiskamer");
        Assert.Same(first.Sections, again.Sections);
        Assert.Equal(first.ComputedAt, again.ComputedAt);

        await BookIncomeAsync(app, "huiskamer", 12_345);
        var after = await LookAsync(app, "huiskamer");

        Assert.False(after.Updating);
        Assert.True(after.ComputedAt >= first.ComputedAt);
        Assert.Equal((Income(first) ?? 0) + 123.45m, Income(after));
    }

    [Fact]
    public async Task AnotherEnterprisesSaveLeavesTheKeptFiguresAloneAndEachSeesOnlyItsOwn()
    {
        var mine = await LookAsync(app, "huiskamer");
        await BookIncomeAsync(app, "groene-spijker", 99_900);
        var theirs = await LookAsync(app, "groene-spijker");
        var mineAgain = await LookAsync(app, "huiskamer");

        Assert.Same(mine.Sections, mineAgain.Sections);
        Assert.NotSame(mine.Sections, theirs.Sections);
        Assert.True(Income(theirs) >= 999m);
        Assert.NotEqual(Income(mine), Income(theirs));
    }

    /// <summary>An app whose report never waits for a new computation, as with a city-sized enterprise.</summary>
    public sealed class ImpatientApp : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override double ReportWaitSeconds => 0;
    }

    public sealed class WhenComputingTakesLong(ImpatientApp app) : IClassFixture<ImpatientApp>
    {
        [Fact]
        public async Task TheKeptFiguresAreShownWithTheirTimeAndTheNewOnesFollow()
        {
            var first = await LookAsync(app, "huiskamer");
            await BookIncomeAsync(app, "huiskamer", 50_000);

            var meanwhile = await LookAsync(app, "huiskamer");
            Assert.True(meanwhile.Updating);
            Assert.Same(first.Sections, meanwhile.Sections);

            var until = TimeProvider.System.UtcNow().AddSeconds(120);
            ReportFigureCache.Served later;
            while ((later = await LookAsync(app, "huiskamer")).Updating || ReferenceEquals(later.Sections, first.Sections))
            {
                Assert.True(TimeProvider.System.UtcNow() < until, "the new figures never came");
                await Task.Delay(200);
            }
            Assert.Equal((Income(first) ?? 0) + 500m, Income(later));
        }
    }
}

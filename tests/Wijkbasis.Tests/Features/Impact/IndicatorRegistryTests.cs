using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Tests.Features.Impact;

/// <summary>The registry is the one place a figure is defined: every indicator is complete, and every one of them runs
/// on this database for an enterprise and for a whole municipality, per period and per month.</summary>
public sealed class IndicatorRegistryTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public void EveryIndicatorHasAUniqueIdANameAnExplanationAMethodAndWhatItReads()
    {
        Assert.Equal(IndicatorRegistry.All.Count, IndicatorRegistry.All.Select(i => i.Id).Distinct().Count());
        foreach (var indicator in IndicatorRegistry.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(indicator.Name), indicator.Id);
            Assert.True(indicator.Explanation.Length > 20, indicator.Id);
            Assert.True(indicator.Method.Length > 20, indicator.Id);
            Assert.False(string.IsNullOrWhiteSpace(indicator.Reads), indicator.Id);
            Assert.Equal(indicator.Parts.Count, indicator.Parts.Select(p => p.Key).Distinct().Count());
            Assert.DoesNotContain(indicator.Parts, p => p.Key == FigureRow.Whole);
        }
    }

    [Fact]
    public async Task EveryIndicatorRunsForAnEnterpriseAndForItsMunicipalityPerPeriodAndPerMonth()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var (period, _) = ImpactPeriod.Custom(today.AddMonths(-11), today);
        var enterprise = await app.InScopeAsync("huiskamer", async services =>
        {
            var calculator = services.GetRequiredService<ImpactCalculator>();
            var tenant = services.GetRequiredService<Wijkbasis.Infrastructure.Tenancy.TenantContext>().TenantId;
            var whole = await calculator.ComputeAllAsync(ImpactScope.Enterprise(tenant), period, byMonth: false, CancellationToken.None);
            var monthly = await calculator.ComputeAllAsync(ImpactScope.Enterprise(tenant), period, byMonth: true, CancellationToken.None);
            return (whole, monthly, tenant);
        });
        Assert.Equal(IndicatorRegistry.All.Count, enterprise.whole.Count);
        Assert.All(enterprise.whole.SelectMany(f => f.Rows), r => Assert.Equal(enterprise.tenant, r.TenantId));
        Assert.All(enterprise.whole.SelectMany(f => f.Rows), r => Assert.Null(r.Month));
        Assert.All(enterprise.monthly.Where(f => f.Indicator.SplitsByMonth).SelectMany(f => f.Rows), r => Assert.Contains(r.Month!.Value, period.MonthKeys));
        Assert.All(enterprise.monthly.Where(f => !f.Indicator.SplitsByMonth).SelectMany(f => f.Rows), r => Assert.Null(r.Month));
        var reach = enterprise.whole.Single(f => f.Indicator.Id == Wijkbasis.Features.Impact.Indicators.Reach.Persons).Total.Value;
        Assert.True(reach > 0, "the demo living room reached people this year");

        var city = await app.InScopeAsync(null, async services =>
        {
            var db = services.GetRequiredService<WijkbasisDb>();
            var tenants = await db.Enterprises.Select(e => e.Id).ToListAsync();
            var calculator = services.GetRequiredService<ImpactCalculator>();
            return await calculator.ComputeAllAsync(ImpactScope.Municipality(tenants), period, byMonth: true, CancellationToken.None);
        });
        var cityReach = city.Single(f => f.Indicator.Id == Wijkbasis.Features.Impact.Indicators.Reach.Persons);
        Assert.True(cityReach.Rows.Select(r => r.TenantId).Distinct().Count() > 1, "the municipality's figures hold several enterprises");
    }
}

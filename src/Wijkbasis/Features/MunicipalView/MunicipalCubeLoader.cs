using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>Computes a municipality's cube for one year (the year, its quarters and its months, every indicator) and
/// keeps it for five minutes, so every page, view and export of that year reads the same suppressed cells.</summary>
public sealed class MunicipalCubeLoader(WijkbasisDb db, ImpactCalculator calculator, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The municipality named by the analyst's claim; null for anyone else.</summary>
    public static Guid? MunicipalityOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WijkbasisClaims.MunicipalityAnalyst), out var id) ? id : null;

    public async Task<MunicipalCube> LoadAsync(Guid municipalityId, int year, CancellationToken cancellationToken)
    {
        var key = (nameof(MunicipalCube), municipalityId, year);
        if (cache.TryGetValue(key, out MunicipalCube? cached) && cached is not null)
        {
            return cached;
        }
        var cube = await BuildAsync(municipalityId, year, cancellationToken);
        cache.Set(key, cube, Lifetime);
        return cube;
    }

    private async Task<MunicipalCube> BuildAsync(Guid municipalityId, int year, CancellationToken cancellationToken)
    {
        var code = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Code).SingleAsync(cancellationToken);
        var enterprises = await db.Enterprises.Where(e => e.MunicipalityId == municipalityId)
            .Select(e => new { e.Id, e.Slug, e.Name }).ToListAsync(cancellationToken);
        var buurten = await db.PostcodeAreas.Where(p => p.GemeenteCode == code)
            .Select(p => new { p.BuurtCode, p.BuurtName, p.WijkCode, p.WijkName }).Distinct().ToListAsync(cancellationToken);
        var geography = new CubeGeography(
            [.. enterprises.Select(e => (e.Id, e.Slug, e.Name))],
            [.. buurten.GroupBy(b => b.BuurtCode).Select(g => g.First()).Select(b => (b.BuurtCode, b.BuurtName, b.WijkCode, b.WijkName))]);

        var scope = ImpactScope.Municipality([.. enterprises.Select(e => e.Id)]);
        var indicators = IndicatorRegistry.All;
        var rows = indicators.ToDictionary(i => i, _ => new IReadOnlyList<FigureRow>[MunicipalCube.Times]);
        for (var t = 0; t <= 4; t++)
        {
            foreach (var figures in await calculator.ComputeAsync(scope, MunicipalCube.PeriodOf(year, t), false, indicators, cancellationToken))
            {
                rows[figures.Indicator][t] = figures.Rows;
            }
        }
        var trend = await calculator.ComputeTrendAsync(scope, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), indicators, cancellationToken);
        foreach (var figures in trend)
        {
            var byMonth = figures.Rows.ToLookup(r => r.Month);
            for (var month = 1; month <= 12; month++)
            {
                rows[figures.Indicator][4 + month] = [.. byMonth[(int?)(year * 100 + month)]];
            }
        }
        return MunicipalCube.Build(year, geography, rows);
    }
}

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

    /// <summary>Computes and suppresses the cube without the cache (what <see cref="LoadAsync"/> does on a miss; the W2
    /// bench times it).</summary>
    public async Task<MunicipalCube> BuildAsync(Guid municipalityId, int year, CancellationToken cancellationToken)
    {
        var (geography, rows) = await ComputeAsync(municipalityId, year, IndicatorRegistry.All, cancellationToken);
        return MunicipalCube.Build(year, geography, rows);
    }

    /// <summary>The cube's input: the municipality's enterprises and buurten, and per indicator its rows for the 17
    /// times (the year, its quarters, its months), unsuppressed.</summary>
    public async Task<(CubeGeography Geography, Dictionary<Indicator, IReadOnlyList<FigureRow>[]> Rows)> ComputeAsync(
        Guid municipalityId, int year, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
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
        var rows = await calculator.ComputeYearAsync(scope, year, indicators, cancellationToken);
        return (geography, rows);
    }
}

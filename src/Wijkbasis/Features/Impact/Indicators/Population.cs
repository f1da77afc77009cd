using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Reach against the buurt's inhabitants, from the CBS figures the platform admin imports.</summary>
public static class Population
{
    public const string ReachShare = "reach.populationShare";

    public static IEnumerable<Indicator> All =>
    [
        new(ReachShare, IndicatorSection.Reach, "Bereik als deel van de inwoners",
            "Welk deel van de inwoners van een buurt bij een bijeenkomst kwam. Alleen voor buurten waarvan de CBS-cijfers zijn ingelezen.",
            "Unieke bezoekers uit een buurt, gedeeld door het aantal inwoners van die buurt volgens het CBS (het jaar van de periode, of anders het laatste jaar ervoor dat is ingelezen).",
            "Aanmeldingen in het logboek, personen (buurt), CBS-inwoners per buurt", IndicatorUnit.Share, [], AdditiveOverTime: false,
            AboutPersons: true, ReachedOfInhabitants),
    ];

    /// <summary>Rows per enterprise and buurt with the reached persons; the inhabitants of a buurt come once, on a row of
    /// their own: for an enterprise on its own id (its reach per buurt against the whole buurt), for a municipality on
    /// <see cref="Guid.Empty"/> (so a buurt's inhabitants are counted once, not once per enterprise; an enterprise's row
    /// in the municipal view has no denominator and shows no share).</summary>
    private static async Task<IReadOnlyList<FigureRow>> ReachedOfInhabitants(ImpactQuery q, CancellationToken ct)
    {
        var reached = (await IndicatorRegistry.Get(Reach.Persons).Compute(q, ct))
            .Where(r => r.BuurtCode is not null).ToList();
        var year = q.Period.To.Year;
        var codes = reached.Select(r => r.BuurtCode!).Distinct().ToList();
        var latest = await q.Db.BuurtPopulations.Where(p => p.Year <= year && codes.Contains(p.BuurtCode))
            .GroupBy(p => p.BuurtCode).Select(g => new { BuurtCode = g.Key, Year = g.Max(p => p.Year) }).ToListAsync(ct);
        var wanted = latest.Select(l => l.BuurtCode + "/" + l.Year).ToHashSet(StringComparer.Ordinal);
        var inhabitants = (await q.Db.BuurtPopulations.Where(p => p.Year <= year && codes.Contains(p.BuurtCode)).ToListAsync(ct))
            .Where(p => wanted.Contains(p.BuurtCode + "/" + p.Year) && p.Inhabitants > 0)
            .ToDictionary(p => p.BuurtCode, p => p.Inhabitants, StringComparer.Ordinal);
        var rows = reached.Where(r => inhabitants.ContainsKey(r.BuurtCode!)).Select(r => r with { Of = null }).ToList();
        var owner = q.Scope.IsMunicipality ? Guid.Empty : q.Scope.TenantIds[0];
        foreach (var buurt in rows.Select(r => (r.BuurtCode!, r.Month)).Distinct().ToList())
        {
            rows.Add(new FigureRow(owner, buurt.Item1, buurt.Month, FigureRow.Whole, 0, inhabitants[buurt.Item1], null));
        }
        return rows;
    }
}

using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>The logbook: sessions held, who came by name and who was counted without a name.</summary>
public static class Activities
{
    public const string Sessions = "activities.sessions";
    public const string CheckIns = "activities.checkIns";
    public const string HeadCounts = "activities.headCounts";

    public static readonly IReadOnlyList<IndicatorPart> HeadCountBands =
    [
        new("children", "0–12 jaar"),
        new("teens", "13–17 jaar"),
        new("adults", "18–64 jaar"),
        new("seniors", "65 jaar en ouder"),
    ];

    public static IEnumerable<Indicator> All =>
    [
        new(Sessions, IndicatorSection.Activities, "Bijeenkomsten",
            "Hoeveel bijeenkomsten er waren. Afgelaste bijeenkomsten en bijeenkomsten die nog moeten komen tellen niet mee.",
            "Het aantal bijeenkomsten in de periode, tot en met vandaag, die niet zijn afgelast.",
            "Bijeenkomsten van activiteiten", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: false, SessionsHeld),
        new(CheckIns, IndicatorSection.Activities, "Bezoeken op naam",
            "Hoe vaak iemand op naam is aangemeld. Wie drie keer kwam, telt drie keer.",
            "Het aantal aanmeldingen op naam bij bijeenkomsten in de periode.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: true, NamedVisits),
        new(HeadCounts, IndicatorSection.Activities, "Bezoekers geteld zonder naam",
            "Mensen die binnenliepen en alleen geteld zijn, zonder naam.",
            "De som van alle tellingen zonder registratie bij bijeenkomsten in de periode, per leeftijdsgroep.",
            "Tellingen in het logboek", IndicatorUnit.Count, HeadCountBands, AdditiveOverTime: true, AboutPersons: true, Counted),
    ];

    private static async Task<IReadOnlyList<FigureRow>> SessionsHeld(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var today = q.Today;
        var rows = await q.Sessions
            .Where(s => s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc && s.CancelledAt == null && s.OccurrenceDate <= today)
            .GroupBy(s => new { s.TenantId, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0 })
            .Select(g => new { g.Key.TenantId, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, null, byMonth ? r.Month : null, FigureRow.Whole, r.Count, null, null)).ToList();
    }

    /// <summary>From the same check-ins as reach (<see cref="Reach.VisitsAsync"/>): visits, and the persons they rest on.</summary>
    private static async Task<IReadOnlyList<FigureRow>> NamedVisits(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await Reach.VisitsAsync(q, ct))
            .GroupBy(v => (v.TenantId, v.BuurtCode, v.Month))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, byMonth ? g.Key.Month : null, FigureRow.Whole,
                g.Sum(v => v.Visits), null, g.Sum(v => v.Persons)))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> Counted(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var rows = await (
            from h in q.HeadCounts
            join s in q.Sessions on h.SessionId equals s.Id
            where s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc
            group h by new { h.TenantId, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0 } into g
            select new
            {
                g.Key.TenantId, g.Key.Month,
                Children = g.Sum(h => h.Children), Teens = g.Sum(h => h.Teens), Adults = g.Sum(h => h.Adults), Seniors = g.Sum(h => h.Seniors),
            })
            .ToListAsync(ct);
        var result = new List<FigureRow>();
        foreach (var r in rows)
        {
            int? month = byMonth ? r.Month : null;
            foreach (var (part, n) in new[] { ("children", r.Children), ("teens", r.Teens), ("adults", r.Adults), ("seniors", r.Seniors) })
            {
                if (n > 0)
                {
                    result.Add(new FigureRow(r.TenantId, null, month, part, n, null, n));
                }
            }
        }
        return result;
    }
}

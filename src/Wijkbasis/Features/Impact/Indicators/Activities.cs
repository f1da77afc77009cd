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
        if (q.Memo.Year is { } year && Reach.YearGrain(q, year) is { } grain)
        {
            // The municipal cube: the year's sessions counted once per enterprise, quarter (by the start, as the periods
            // are cut) and month (by the date, as the trend splits); counts add up to every grain of the year.
            var all = await q.Memo.GetAsync(("activities.sessions.year", year), async () =>
            {
                var (start, q2, q3, q4, until) = Reach.YearBounds(year);
                return await q.Sessions
                    .Where(s => s.StartsAt >= start && s.StartsAt < until && s.CancelledAt == null && s.OccurrenceDate <= today)
                    .GroupBy(s => new { s.TenantId, Quarter = s.StartsAt < q2 ? 1 : s.StartsAt < q3 ? 2 : s.StartsAt < q4 ? 3 : 4, s.OccurrenceDate.Month })
                    .Select(g => new YearGrainCount(g.Key.TenantId, g.Key.Quarter, g.Key.Month, g.Count(), 0, 0, 0))
                    .ToListAsync(ct);
            });
            return Slice(all, year, grain)
                .Select(r => new FigureRow(r.TenantId, null, byMonth ? r.Month : null, FigureRow.Whole, r.A, null, null)).ToList();
        }
        var rows = await q.Sessions
            .Where(s => s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc && s.CancelledAt == null && s.OccurrenceDate <= today)
            .GroupBy(s => new { s.TenantId, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0 })
            .Select(g => new { g.Key.TenantId, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, null, byMonth ? r.Month : null, FigureRow.Whole, r.Count, null, null)).ToList();
    }

    /// <summary>Counts per enterprise, quarter and month of a year (up to four of them), to be summed to a grain.</summary>
    private sealed record YearGrainCount(Guid TenantId, int Quarter, int Month, int A, int B, int C, int D);

    /// <summary>Sums the counts to one grain of the year (0 the year, 1–4 a quarter, 5 the months); Month is the month key
    /// at grain 5, else 0.</summary>
    private static List<YearGrainCount> Slice(List<YearGrainCount> all, int year, int grain) =>
        all.Where(r => grain is 0 or 5 || r.Quarter == grain)
            .GroupBy(r => (r.TenantId, Month: grain == 5 ? year * 100 + r.Month : 0))
            .Select(g => new YearGrainCount(g.Key.TenantId, 0, g.Key.Month, g.Sum(r => r.A), g.Sum(r => r.B), g.Sum(r => r.C), g.Sum(r => r.D)))
            .ToList();

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
        List<YearGrainCount> sums;
        if (q.Memo.Year is { } year && Reach.YearGrain(q, year) is { } grain)
        {
            // The municipal cube: summed once per enterprise, quarter and month of the year (see SessionsHeld).
            var all = await q.Memo.GetAsync(("activities.headCounts.year", year), async () =>
            {
                var (start, q2, q3, q4, until) = Reach.YearBounds(year);
                return await (
                    from h in q.HeadCounts
                    join s in q.Sessions on h.SessionId equals s.Id
                    where s.StartsAt >= start && s.StartsAt < until
                    group h by new { h.TenantId, Quarter = s.StartsAt < q2 ? 1 : s.StartsAt < q3 ? 2 : s.StartsAt < q4 ? 3 : 4, s.OccurrenceDate.Month } into g
                    select new YearGrainCount(g.Key.TenantId, g.Key.Quarter, g.Key.Month,
                        g.Sum(h => h.Children), g.Sum(h => h.Teens), g.Sum(h => h.Adults), g.Sum(h => h.Seniors)))
                    .ToListAsync(ct);
            });
            sums = Slice(all, year, grain);
        }
        else
        {
            sums = await (
                from h in q.HeadCounts
                join s in q.Sessions on h.SessionId equals s.Id
                where s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc
                group h by new { h.TenantId, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0 } into g
                select new YearGrainCount(g.Key.TenantId, 0, g.Key.Month,
                    g.Sum(h => h.Children), g.Sum(h => h.Teens), g.Sum(h => h.Adults), g.Sum(h => h.Seniors)))
                .ToListAsync(ct);
        }
        var result = new List<FigureRow>();
        foreach (var r in sums)
        {
            int? month = byMonth ? r.Month : null;
            foreach (var (part, n) in new[] { ("children", r.A), ("teens", r.B), ("adults", r.C), ("seniors", r.D) })
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

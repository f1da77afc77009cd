using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Volunteers: who is on the list, who gave time, how much, and whose VOG is valid.</summary>
public static class Volunteering
{
    public const string Registered = "volunteers.registered";
    public const string Active = "volunteers.active";
    public const string Hours = "volunteers.hours";
    public const string VogValid = "volunteers.vogValid";

    public static IEnumerable<Indicator> All =>
    [
        new(Registered, IndicatorSection.Volunteers, "Vrijwilligers",
            "Hoeveel vrijwilligers er in de periode op de lijst stonden.",
            "Vrijwilligers die vóór het eind van de periode zijn aangemeld en niet vóór het begin zijn gestopt.",
            "Vrijwilligers, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true, OnTheList)
        { SplitsByMonth = false },
        new(Active, IndicatorSection.Volunteers, "Actieve vrijwilligers",
            "Hoeveel verschillende mensen in de periode uren als vrijwilliger hebben gemaakt.",
            "Het aantal verschillende personen met geschreven vrijwilligersuren in de periode.",
            "Vrijwilligersuren, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true, GaveTime),
        new(Hours, IndicatorSection.Volunteers, "Vrijwilligersuren",
            "Alle uren die vrijwilligers in de periode hebben gemaakt, samen.",
            "De som van de geschreven vrijwilligersuren met een datum in de periode.",
            "Vrijwilligersuren, personen (buurt)", IndicatorUnit.Hours, [], AdditiveOverTime: true, AboutPersons: true, HoursGiven),
        new(VogValid, IndicatorSection.Volunteers, "Vrijwilligers met geldige VOG",
            "Welk deel van de vrijwilligers op de lijst aan het eind van de periode een geldige VOG heeft.",
            "Vrijwilligers op de lijst op de laatste dag van de periode met een VOG die dan nog geldig is, gedeeld door alle vrijwilligers op de lijst op die dag.",
            "Vrijwilligers (VOG-datums)", IndicatorUnit.Share, [], AdditiveOverTime: false, AboutPersons: true, WithVog)
        { SplitsByMonth = false },
    ];

    /// <summary>A volunteer of the scope with the buurt of their person: the list is short (one row per volunteer, ever),
    /// so it is read once per calculation and every period's stock is counted from it in memory.</summary>
    private sealed record Listed(Guid TenantId, string? BuurtCode, Guid PersonId, DateTime CreatedAt, DateTime? ArchivedAt, DateOnly? VogExpiresOn);

    private static Task<List<Listed>> ListAsync(ImpactQuery q, CancellationToken ct) =>
        q.Memo.GetAsync("volunteers.list", async () => await (
            from v in q.Volunteers
            join p in q.People on v.PersonId equals p.Id
            select new Listed(p.TenantId, p.BuurtCode, v.PersonId, v.CreatedAt, v.ArchivedAt, v.VogExpiresOn))
            .ToListAsync(ct));

    private static async Task<IReadOnlyList<FigureRow>> OnTheList(ImpactQuery q, CancellationToken ct)
    {
        var (from, until) = (q.FromUtc, q.UntilUtc);
        return (await ListAsync(q, ct))
            .Where(v => v.CreatedAt < until && (v.ArchivedAt == null || v.ArchivedAt >= from))
            .GroupBy(v => (v.TenantId, v.BuurtCode))
            .Select(g =>
            {
                var count = g.Select(v => v.PersonId).Distinct().Count();
                return new FigureRow(g.Key.TenantId, g.Key.BuurtCode, null, FigureRow.Whole, count, null, count);
            })
            .ToList();
    }

    private sealed record HoursGroup(Guid TenantId, string? BuurtCode, int Month, int Minutes, int Persons);

    /// <summary>The hours of the period per enterprise, buurt and (when split) month, read once for both figures.</summary>
    private static Task<List<HoursGroup>> HoursAsync(ImpactQuery q, CancellationToken ct) =>
        q.Memo.Year is { } year && Reach.YearGrain(q, year) is { } grain
            ? HoursSliceOfYear(q, year, grain, ct)
            : q.Memo.GetAsync(("volunteers.hours", q.Period, q.ByMonth), async () =>
        {
            var byMonth = q.ByMonth;
            return await (
                from h in q.VolunteerHours
                where h.WorkedOn >= q.From && h.WorkedOn < q.Until
                join p in q.People on h.PersonId equals p.Id
                group h by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? h.WorkedOn.Year * 100 + h.WorkedOn.Month : 0 } into g
                select new HoursGroup(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Sum(h => h.Minutes), g.Select(h => h.PersonId).Distinct().Count()))
                .ToListAsync(ct);
        });

    private sealed record PersonMonth(Guid TenantId, string? BuurtCode, Guid PersonId, int Month, int Minutes);

    /// <summary>The municipal cube: the year's hours once, per person and month (a day's quarter is its month's), so the
    /// distinct persons of every grain of the year are counted from the same rows.</summary>
    private static async Task<List<HoursGroup>> HoursSliceOfYear(ImpactQuery q, int year, int grain, CancellationToken ct)
    {
        var all = await q.Memo.GetAsync(("volunteers.hours.year", year), async () =>
        {
            var (first, next) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            return await (
                from h in q.VolunteerHours
                where h.WorkedOn >= first && h.WorkedOn < next
                join p in q.People on h.PersonId equals p.Id
                group h by new { p.TenantId, p.BuurtCode, h.PersonId, h.WorkedOn.Month } into g
                select new PersonMonth(g.Key.TenantId, g.Key.BuurtCode, g.Key.PersonId, g.Key.Month, g.Sum(h => h.Minutes)))
                .ToListAsync(ct);
        });
        return all.Where(r => grain is 0 or 5 || (r.Month - 1) / 3 + 1 == grain)
            .GroupBy(r => (r.TenantId, r.BuurtCode, Month: grain == 5 ? year * 100 + r.Month : 0))
            .Select(g => new HoursGroup(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Sum(r => r.Minutes), g.Select(r => r.PersonId).Distinct().Count()))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> GaveTime(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await HoursAsync(q, ct))
            .Select(r => new FigureRow(r.TenantId, r.BuurtCode, byMonth ? r.Month : null, FigureRow.Whole, r.Persons, null, r.Persons)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> HoursGiven(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await HoursAsync(q, ct))
            .Select(r => new FigureRow(r.TenantId, r.BuurtCode, byMonth ? r.Month : null, FigureRow.Whole, r.Minutes, null, r.Persons)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> WithVog(ImpactQuery q, CancellationToken ct)
    {
        var lastDay = q.Period.To;
        var endUtc = q.UntilUtc;
        return (await ListAsync(q, ct))
            .Where(v => v.CreatedAt < endUtc && (v.ArchivedAt == null || v.ArchivedAt >= endUtc))
            .GroupBy(v => (v.TenantId, v.BuurtCode))
            .Select(g =>
            {
                var all = g.Count();
                var valid = g.Count(v => v.VogExpiresOn != null && v.VogExpiresOn >= lastDay);
                return new FigureRow(g.Key.TenantId, g.Key.BuurtCode, null, FigureRow.Whole, valid, all, all);
            })
            .ToList();
    }
}

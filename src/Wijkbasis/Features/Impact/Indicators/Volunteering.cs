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

    private static async Task<IReadOnlyList<FigureRow>> OnTheList(ImpactQuery q, CancellationToken ct)
    {
        var rows = await (
            from v in q.Volunteers
            where v.CreatedAt < q.UntilUtc && (v.ArchivedAt == null || v.ArchivedAt >= q.FromUtc)
            join p in q.People on v.PersonId equals p.Id
            group v.PersonId by new { p.TenantId, p.BuurtCode } into g
            select new { g.Key.TenantId, g.Key.BuurtCode, Count = g.Distinct().Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, null, FigureRow.Whole, r.Count, null, r.Count)).ToList();
    }

    private sealed record HoursGroup(Guid TenantId, string? BuurtCode, int Month, int Minutes, int Persons);

    /// <summary>The hours of the period per enterprise, buurt and (when split) month, read once for both figures.</summary>
    private static Task<List<HoursGroup>> HoursAsync(ImpactQuery q, CancellationToken ct) =>
        q.Memo.GetAsync(("volunteers.hours", q.Period, q.ByMonth), async () =>
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
        var rows = await (
            from v in q.Volunteers
            where v.CreatedAt < endUtc && (v.ArchivedAt == null || v.ArchivedAt >= endUtc)
            join p in q.People on v.PersonId equals p.Id
            group v by new { p.TenantId, p.BuurtCode } into g
            select new { g.Key.TenantId, g.Key.BuurtCode, All = g.Count(), Valid = g.Count(v => v.VogExpiresOn != null && v.VogExpiresOn >= lastDay) })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, null, FigureRow.Whole, r.Valid, r.All, r.All)).ToList();
    }
}

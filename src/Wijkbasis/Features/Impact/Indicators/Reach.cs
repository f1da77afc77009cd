using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Reach: who came. A person is counted in the buurt of their postcode (null when not known).</summary>
public static class Reach
{
    public const string Persons = "reach.persons";
    public const string New = "reach.new";
    public const string Returning = "reach.returning";
    public const string ByAge = "reach.age";

    public static readonly IReadOnlyList<IndicatorPart> AgeBands =
    [
        new("children", "0–12 jaar"),
        new("teens", "13–17 jaar"),
        new("adults", "18–64 jaar"),
        new("seniors", "65 jaar en ouder"),
        new("unknown", "Leeftijd onbekend"),
    ];

    public static IEnumerable<Indicator> All =>
    [
        new(Persons, IndicatorSection.Reach, "Unieke bezoekers",
            "Hoeveel verschillende mensen op naam zijn aangemeld bij een bijeenkomst. Wie vaker kwam, telt één keer.",
            "Het aantal verschillende personen met minstens één aanmelding bij een bijeenkomst in de periode.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true,
            PersonsReached),
        new(New, IndicatorSection.Reach, "Nieuwe bezoekers",
            "Mensen die in deze periode voor het eerst kwamen.",
            "Personen van wie de eerste aanmelding ooit (bij deze onderneming) in de periode valt.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: true, AboutPersons: true,
            NewPersons),
        new(Returning, IndicatorSection.Reach, "Terugkerende bezoekers",
            "Mensen die in deze periode kwamen en er eerder ook al waren.",
            "Unieke bezoekers min nieuwe bezoekers.",
            "Aanmeldingen in het logboek, personen (buurt)", IndicatorUnit.Persons, [], AdditiveOverTime: false, AboutPersons: true,
            ReturningPersons),
        new(ByAge, IndicatorSection.Reach, "Unieke bezoekers per leeftijd",
            "De unieke bezoekers verdeeld naar leeftijd aan het eind van de periode (uit het geboortejaar).",
            "Unieke bezoekers, verdeeld naar leeftijd: einde van de periode min geboortejaar.",
            "Aanmeldingen in het logboek, personen (geboortejaar, buurt)", IndicatorUnit.Persons, AgeBands, AdditiveOverTime: false,
            AboutPersons: true, PersonsByAge),
    ];

    private sealed record Row(Guid TenantId, string? BuurtCode, int Month, string Part, int Count);

    private static async Task<IReadOnlyList<FigureRow>> PersonsReached(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var rows = await (
            from c in q.CheckIns
            join s in q.Sessions on c.SessionId equals s.Id
            where s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc
            join p in q.People on c.PersonId equals p.Id
            group c.PersonId by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0 } into g
            select new Row(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole, g.Distinct().Count()))
            .ToListAsync(ct);
        return rows.Select(r => Persons_(r, byMonth)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> NewPersons(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var start = q.FromUtc;
        var end = q.UntilUtc;
        // Per person their first visit in the period, kept only when they have no visit before the period.
        var firsts =
            from c in q.CheckIns
            join s in q.Sessions on c.SessionId equals s.Id
            where s.StartsAt >= start && s.StartsAt < end
            group s.OccurrenceDate by c.PersonId into g
            select new { PersonId = g.Key, First = g.Min() };
        var rows = await (
            from f in firsts
            where !(from c in q.CheckIns
                    join s in q.Sessions on c.SessionId equals s.Id
                    where c.PersonId == f.PersonId && s.StartsAt < start
                    select c.Id).Any()
            join p in q.People on f.PersonId equals p.Id
            group f.PersonId by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? f.First.Year * 100 + f.First.Month : 0 } into g
            select new Row(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole, g.Count()))
            .ToListAsync(ct);
        return rows.Select(r => Persons_(r, byMonth)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> ReturningPersons(ImpactQuery q, CancellationToken ct)
    {
        var reached = await PersonsReached(q, ct);
        var fresh = (await NewPersons(q, ct)).ToDictionary(r => (r.TenantId, r.BuurtCode, r.Month), r => r.Value);
        return reached.Select(r =>
        {
            var value = r.Value - fresh.GetValueOrDefault((r.TenantId, r.BuurtCode, r.Month));
            return r with { Value = value, Base = (long)value };
        }).Where(r => r.Value > 0).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> PersonsByAge(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var year = q.Period.To.Year;
        var rows = await (
            from c in q.CheckIns
            join s in q.Sessions on c.SessionId equals s.Id
            where s.StartsAt >= q.FromUtc && s.StartsAt < q.UntilUtc
            join p in q.People on c.PersonId equals p.Id
            let band = p.BirthYear == null ? "unknown"
                : year - p.BirthYear < 13 ? "children"
                : year - p.BirthYear < 18 ? "teens"
                : year - p.BirthYear < 65 ? "adults"
                : "seniors"
            group c.PersonId by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? s.OccurrenceDate.Year * 100 + s.OccurrenceDate.Month : 0, Band = band } into g
            select new Row(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Band, g.Distinct().Count()))
            .ToListAsync(ct);
        return rows.Select(r => Persons_(r, byMonth)).ToList();
    }

    private static FigureRow Persons_(Row r, bool byMonth) =>
        new(r.TenantId, r.BuurtCode, byMonth ? r.Month : null, r.Part, r.Count, null, r.Count);
}

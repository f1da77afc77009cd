using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Reciprocity: who gives and who receives, who went from asking to giving, and the balance of dragers and
/// vragers among the people reached (the 70/30 of the seeds).</summary>
public static class Reciprocity
{
    public const string GaveAndReceived = "reciprocity.gaveAndReceived";
    public const string VragerToDrager = "reciprocity.vragerToDrager";
    public const string Balance = "reciprocity.dragerShare";

    public static IEnumerable<Indicator> All =>
    [
        new(GaveAndReceived, IndicatorSection.Reciprocity, "Mensen die gaven én kregen",
            "Hoeveel mensen in de periode iets gaven én iets kregen. Geven is: vrijwilligersuren, een bijdrage, hulp geven in een koppeling die klaar is, of tijdbankpunten verdienen. Krijgen is: hulp krijgen in een koppeling, een buddy hebben, of tijdbankpunten betalen. Wie alleen gaf of alleen kreeg, telt niet mee.",
            "Personen met in de periode minstens één keer geven (vrijwilligersuren of bijdrage met een datum in de periode; helper in een koppeling die in de periode klaar was; tijdbankpunten ontvangen in de periode) én minstens één keer krijgen (ontvanger in een koppeling die vóór het eind van de periode is voorgesteld aan elkaar en niet vóór het begin klaar of gestopt was; een buddycasus die in de periode open was; tijdbankpunten betaald in de periode). Teruggeboekte punten en terugboekingen tellen niet.",
            "Vrijwilligersuren, bijdragen, koppelingen, casussen, tijdbank, personen (buurt)", IndicatorUnit.Persons, [],
            AdditiveOverTime: false, AboutPersons: true, BothGaveAndReceived)
        { SplitsByMonth = false },
        new(VragerToDrager, IndicatorSection.Reciprocity, "Van vrager naar drager",
            "Mensen die eerst hulp vroegen en in deze periode voor het eerst zelf iets gaven.",
            "Personen van wie de eerste keer geven (eerste bijdrage, eerste vrijwilligersuren of eerste koppeling als helper die klaar was) in de periode valt, en die al eerder hulp vroegen (ingeschreven als vrager, of ontvanger in een koppeling) op of vóór die dag. Dezelfde regel als het register van vragers die dragers werden.",
            "Vrijwilligersuren, bijdragen, koppelingen, personen (vrager, buurt)", IndicatorUnit.Persons, [],
            AdditiveOverTime: true, AboutPersons: true, FirstGiving),
        new(Balance, IndicatorSection.Reciprocity, "Dragers onder de bezoekers",
            "Welk deel van de bezoekers een drager is. Wie zowel drager als vrager is, telt als drager. Bezoekers die geen van beide zijn, tellen niet mee.",
            "Unieke bezoekers in de periode die drager zijn, gedeeld door de unieke bezoekers die drager of vrager zijn (uit het register). Iemand met beide kenmerken telt één keer, als drager.",
            "Aanmeldingen in het logboek, personen (drager, vrager, buurt)", IndicatorUnit.Share, [],
            AdditiveOverTime: false, AboutPersons: true, DragerShare),
    ];

    private static async Task<IReadOnlyList<FigureRow>> BothGaveAndReceived(ImpactQuery q, CancellationToken ct)
    {
        var (first, until, fromUtc, untilUtc) = (q.From, q.Until, q.FromUtc, q.UntilUtc);
        var personAccounts = q.TimeCreditAccounts.Where(a => a.Kind == AccountKind.Person && a.PersonId != null);
        var transfers = q.TimeCreditTransfers;
        var live = transfers.Where(t => t.ReversesTransferId == null && t.BookedOn >= first && t.BookedOn < until
            && !transfers.Any(r => r.ReversesTransferId == t.Id));
        var gave = q.VolunteerHours.Where(h => h.WorkedOn >= first && h.WorkedOn < until).Select(h => h.PersonId)
            .Union(q.Contributions.Where(c => c.GivenOn >= first && c.GivenOn < until).Select(c => c.PersonId))
            .Union(q.Matches.Where(m => m.DoneAt != null && m.DoneAt >= fromUtc && m.DoneAt < untilUtc).Select(m => m.GiverPersonId))
            .Union(from t in live join a in personAccounts on t.ToAccountId equals a.Id select a.PersonId!.Value);
        var received = q.Matches
            .Where(m => m.IntroducedAt != null && m.IntroducedAt < untilUtc
                && (m.DoneAt == null || m.DoneAt >= fromUtc) && (m.FizzledAt == null || m.FizzledAt >= fromUtc))
            .Select(m => m.ReceiverPersonId)
            .Union(q.Cases.Where(c => c.OpenedAt < untilUtc && (c.ClosedAt == null || c.ClosedAt >= fromUtc)).Select(c => c.PersonId))
            .Union(from t in live join a in personAccounts on t.FromAccountId equals a.Id select a.PersonId!.Value);
        var rows = await q.People
            .Where(p => gave.Contains(p.Id) && received.Contains(p.Id))
            .GroupBy(p => new { p.TenantId, p.BuurtCode })
            .Select(g => new { g.Key.TenantId, g.Key.BuurtCode, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, null, FigureRow.Whole, r.Count, null, r.Count)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> FirstGiving(ImpactQuery q, CancellationToken ct)
    {
        var (first, until, fromUtc, untilUtc) = (q.From, q.Until, q.FromUtc, q.UntilUtc);
        // Candidates: who gave in the period and never before it (a set of new givers, small next to the register).
        var givenInPeriod = q.VolunteerHours.Where(h => h.WorkedOn >= first && h.WorkedOn < until).Select(h => h.PersonId)
            .Union(q.Contributions.Where(c => c.GivenOn >= first && c.GivenOn < until).Select(c => c.PersonId))
            .Union(q.Matches.Where(m => m.DoneAt != null && m.DoneAt >= fromUtc && m.DoneAt < untilUtc).Select(m => m.GiverPersonId));
        var givenBefore = q.VolunteerHours.Where(h => h.WorkedOn < first).Select(h => h.PersonId)
            .Union(q.Contributions.Where(c => c.GivenOn < first).Select(c => c.PersonId))
            .Union(q.Matches.Where(m => m.DoneAt != null && m.DoneAt < fromUtc).Select(m => m.GiverPersonId));
        var people = await q.People
            .Where(p => givenInPeriod.Contains(p.Id) && !givenBefore.Contains(p.Id))
            .Select(p => new { p.Id, p.TenantId, p.BuurtCode, p.IsVrager, p.CreatedAt })
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return [];
        }
        var byId = people.ToDictionary(p => p.Id);
        var facts = await VragerDrager.FactsAsync([.. people.Select(p => new VragerDrager.Person(p.Id, p.IsVrager, p.CreatedAt))],
            q.Matches, q.Contributions, q.VolunteerHours, onlyThese: true, ct);
        var rows = new List<(Guid TenantId, string? BuurtCode, int? Month)>();
        foreach (var f in facts)
        {
            if (VragerDrager.RowOf(f) is { } row && row.GivesSince >= first && row.GivesSince < until)
            {
                var p = byId[f.PersonId];
                rows.Add((p.TenantId, p.BuurtCode, q.MonthOf(row.GivesSince)));
            }
        }
        return rows.GroupBy(r => r)
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole, g.Count(), null, g.Count()))
            .ToList();
    }

    /// <summary>From the same check-ins as reach (<see cref="Reach.VisitsAsync"/>, which splits the persons by role).</summary>
    private static async Task<IReadOnlyList<FigureRow>> DragerShare(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        return (await Reach.VisitsAsync(q, ct))
            .Where(v => v.Role != Reach.NoRole)
            .GroupBy(v => (v.TenantId, v.BuurtCode, v.Month))
            .Select(g => (g.Key, All: g.Sum(v => v.Persons), Dragers: g.Where(v => v.Role == Reach.Drager).Sum(v => v.Persons)))
            .Select(r => new FigureRow(r.Key.TenantId, r.Key.BuurtCode, byMonth ? r.Key.Month : null, FigureRow.Whole, r.Dragers, r.All, r.All))
            .ToList();
    }
}

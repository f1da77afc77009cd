using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Cases;
using Wijkbasis.Data;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>The buddy programme: intakes, the wait for a first contact, how cases ended, who lost touch, and the change
/// in self-reliance (ZRM) per domain — the last only as a group figure, never per person or buurt.</summary>
public static class BuddyProgramme
{
    public const string Intakes = "buddy.intakes";
    public const string DaysToFirstContact = "buddy.daysToFirstContact";
    public const string Closed = "buddy.closed";
    public const string LostContact = "buddy.lostContact";
    public const string ZrmChange = "buddy.zrmChange";

    public static readonly IReadOnlyList<IndicatorPart> Weights =
    [
        new("light", "Licht"),
        new("heavy", "Zwaar"),
    ];

    public static readonly IReadOnlyList<IndicatorPart> Outcomes =
        Enum.GetValues<CaseOutcome>().Select(o => new IndicatorPart(OutcomeKey(o), Case.Label(o))).ToList();

    public static readonly IReadOnlyList<IndicatorPart> Domains =
        Zrm.Domains.Select(d => new IndicatorPart(DomainKey(d), Zrm.Name(d))).ToList();

    public static string OutcomeKey(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.GoalsReached => "goalsReached",
        CaseOutcome.PartlyReached => "partlyReached",
        CaseOutcome.MovedAway => "movedAway",
        CaseOutcome.Declined => "declined",
        _ => "other",
    };

    public static string DomainKey(ZrmDomain domain) => char.ToLowerInvariant(domain.ToString()[0]) + domain.ToString()[1..];

    public static IEnumerable<Indicator> All =>
    [
        new(Intakes, IndicatorSection.BuddyProgramme, "Intakes",
            "Hoeveel intakegesprekken er waren, licht en zwaar. Als er een besluit over licht of zwaar is, telt dat besluit; anders het voorstel.",
            "Het aantal intakes met een datum in de periode, verdeeld naar het besloten gewicht (of het voorgestelde gewicht als er nog geen besluit is). Ook intakes die later zijn ingetrokken tellen mee: het gesprek was er.",
            "Intakes, personen (buurt)", IndicatorUnit.Count, Weights, AdditiveOverTime: true, AboutPersons: true, IntakesHeld),
        new(DaysToFirstContact, IndicatorSection.BuddyProgramme, "Dagen tot eerste contact",
            "Hoeveel dagen het gemiddeld duurde van de intake tot het eerste contact met de buddy.",
            "Voor elke casus waarvan het eerste contact in de periode valt: de dagen van de intakedatum tot de datum van dat eerste contact. Het gemiddelde over die casussen.",
            "Casussen, contacten, intakes, personen (buurt)", IndicatorUnit.Average, [], AdditiveOverTime: false, AboutPersons: true, FirstContact),
        new(Closed, IndicatorSection.BuddyProgramme, "Afgesloten casussen",
            "Hoeveel casussen zijn afgesloten, en hoe het is afgelopen.",
            "Het aantal casussen dat in de periode is afgesloten, verdeeld naar de uitkomst.",
            "Casussen, personen (buurt)", IndicatorUnit.Count, Outcomes, AdditiveOverTime: true, AboutPersons: true, ClosedCases),
        new(LostContact, IndicatorSection.BuddyProgramme, "Contact kwijt",
            "Hoeveel lopende casussen aan het eind van de periode al te lang geen contact hadden. Hoe lang te lang is, kiest de onderneming (standaard 14 dagen).",
            "Casussen die op de laatste dag van de periode (of vandaag, als die eerder is) open waren, waarvan het laatste contact vóór die dag — of de opening, als er nog geen contact was — minstens het ingestelde aantal dagen eerder was.",
            "Casussen, contacten, instellingen buddyprogramma, personen (buurt)", IndicatorUnit.Count, [], AdditiveOverTime: false,
            AboutPersons: true, LosingTouch)
        { SplitsByMonth = false },
        new(ZrmChange, IndicatorSection.BuddyProgramme, "Verandering in zelfredzaamheid (ZRM)",
            "Hoeveel de zelfredzaamheid gemiddeld veranderde per domein, tussen de intake en het afsluiten. Alleen als groep, nooit per persoon of per buurt.",
            "Voor casussen die in de periode zijn afgesloten: per ZRM-domein het niveau bij het afsluiten min het niveau bij de intake. Alleen domeinen die beide keren zijn gescoord. Het gemiddelde over die casussen; een plus is vooruitgang.",
            "Intakes (ZRM), casussen (ZRM bij afsluiten)", IndicatorUnit.Average, Domains, AdditiveOverTime: false, AboutPersons: true, ZrmDelta),
    ];

    private static async Task<IReadOnlyList<FigureRow>> IntakesHeld(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var rows = await (
            from i in q.Intakes
            where i.HeldOn >= q.From && i.HeldOn < q.Until
            join p in q.People on i.PersonId equals p.Id
            let heavy = (i.DecidedWeight ?? i.ProposedWeight) == CaseWeight.Heavy
            group i.PersonId by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? i.HeldOn.Year * 100 + i.HeldOn.Month : 0, Heavy = heavy } into g
            select new { g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Heavy, Count = g.Count(), Persons = g.Distinct().Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, byMonth ? r.Month : null, r.Heavy ? "heavy" : "light", r.Count, null, r.Persons)).ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> FirstContact(ImpactQuery q, CancellationToken ct)
    {
        var (first, until) = (q.From, q.Until);
        var firsts = q.CaseContacts.GroupBy(c => c.CaseId).Select(g => new { CaseId = g.Key, First = g.Min(c => c.On) });
        var cases = await (
            from f in firsts
            where f.First >= first && f.First < until
            join c in q.Cases on f.CaseId equals c.Id
            join i in q.Intakes on c.IntakeId equals i.Id
            join p in q.People on c.PersonId equals p.Id
            select new { p.TenantId, p.BuurtCode, c.PersonId, f.First, i.HeldOn })
            .ToListAsync(ct);
        return cases.GroupBy(c => (c.TenantId, c.BuurtCode, Month: q.MonthOf(c.First)))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole,
                g.Sum(c => c.First.DayNumber - c.HeldOn.DayNumber), g.Count(), g.Select(c => c.PersonId).Distinct().Count()))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> ClosedCases(ImpactQuery q, CancellationToken ct)
    {
        var cases = await (
            from c in q.Cases
            where c.Status == CaseStatus.Closed && c.ClosedAt >= q.FromUtc && c.ClosedAt < q.UntilUtc && c.Outcome != null
            join p in q.People on c.PersonId equals p.Id
            select new { p.TenantId, p.BuurtCode, c.PersonId, c.Outcome, ClosedAt = c.ClosedAt!.Value })
            .ToListAsync(ct);
        return cases.GroupBy(c => (c.TenantId, c.BuurtCode, Month: q.MonthOf(DateOnly.FromDateTime(c.ClosedAt.ToAmsterdam())), Part: OutcomeKey(c.Outcome!.Value)))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Part, g.Count(), null, g.Select(c => c.PersonId).Distinct().Count()))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> LosingTouch(ImpactQuery q, CancellationToken ct)
    {
        // The state at the end of the period, or today when the period runs on past today.
        var end = q.Until <= q.Today ? q.Until : q.Today.AddDays(1);
        var endUtc = Clock.FromAmsterdam(end, TimeOnly.MinValue);
        var settings = await q.ProgrammeSettings.Select(s => new { s.TenantId, s.LosingTouchDays }).ToDictionaryAsync(s => s.TenantId, s => s.LosingTouchDays, ct);
        var open = await (
            from c in q.Cases
            where c.OpenedAt < endUtc && (c.ClosedAt == null || c.ClosedAt >= endUtc)
            join p in q.People on c.PersonId equals p.Id
            select new
            {
                p.TenantId, p.BuurtCode, c.PersonId, c.OpenedAt,
                LastContact = q.CaseContacts.Where(x => x.CaseId == c.Id && x.On < end).Max(x => (DateOnly?)x.On),
            })
            .ToListAsync(ct);
        return open
            .Where(c =>
            {
                var days = settings.GetValueOrDefault(c.TenantId, ProgrammeSettings.DefaultLosingTouchDays);
                var since = c.LastContact ?? DateOnly.FromDateTime(c.OpenedAt.ToAmsterdam());
                return since.AddDays(days) < end;
            })
            .GroupBy(c => (c.TenantId, c.BuurtCode))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, null, FigureRow.Whole, g.Count(), null, g.Select(c => c.PersonId).Distinct().Count()))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> ZrmDelta(ImpactQuery q, CancellationToken ct)
    {
        // Cases closed in a period are few; their sealed scores are opened in memory and only sums leave this method.
        var cases = await (
            from c in q.Cases
            where c.Status == CaseStatus.Closed && c.ClosedAt >= q.FromUtc && c.ClosedAt < q.UntilUtc && c.ClosingZrm != null
            join i in q.Intakes on c.IntakeId equals i.Id
            where i.Zrm != null
            select new { Case = c, Intake = i })
            .AsNoTracking()
            .ToListAsync(ct);
        ZrmScores Open(SealedText? sealedScores, IAudited owner, string field) => ZrmScores.FromJson(q.Cipher.Open(sealedScores, owner, field));
        var sums = new Dictionary<(Guid TenantId, int? Month, string Part), (decimal Sum, int Cases)>();
        foreach (var x in cases)
        {
            var first = Open(x.Intake.Zrm, x.Intake, nameof(Intake.Zrm));
            var latest = Open(x.Case.ClosingZrm, x.Case, nameof(Case.ClosingZrm));
            var month = q.MonthOf(DateOnly.FromDateTime(x.Case.ClosedAt!.Value.ToAmsterdam()));
            foreach (var (domain, before) in first.Scores)
            {
                if (latest.Scores.TryGetValue(domain, out var after))
                {
                    var key = (x.Case.TenantId, month, DomainKey(domain));
                    var (sum, n) = sums.GetValueOrDefault(key);
                    sums[key] = (sum + after - before, n + 1);
                }
            }
        }
        return sums.Select(s => new FigureRow(s.Key.TenantId, null, s.Key.Month, s.Key.Part, s.Value.Sum, s.Value.Cases, s.Value.Cases)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Partners;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Linking (the "linking" of bonding/bridging/linking): residents brought to organisations by a warm referral, and
/// how many arrived. A referral counts in the buurt of the resident; its persons are the residents referred.</summary>
public static class Linking
{
    public const string Referrals = "linking.referrals";
    public const string Arrived = "linking.arrived";

    public static readonly IReadOnlyList<IndicatorPart> ArrivedParts =
    [
        new("arrived", "Aangekomen"),
        new("helped", "Geholpen"),
    ];

    public static IEnumerable<Indicator> All =>
    [
        new(Referrals, IndicatorSection.Linking, "Doorverwijzingen",
            "Hoe vaak een bewoner met een warme overdracht naar een organisatie is gebracht, zoals de schuldhulp, de huisarts of het wijkteam.",
            "Het aantal doorverwijzingen met een datum in de periode, in de buurt van de bewoner. Het aantal personen is het aantal verschillende bewoners.",
            "Doorverwijzingen, personen (buurt)", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: true, MadeAsync),
        new(Arrived, IndicatorSection.Linking, "Doorverwijzingen aangekomen",
            "Hoe vaak een bewoner na een doorverwijzing echt bij de organisatie aankwam, en hoe vaak hij of zij daar geholpen is.",
            "Het aantal doorverwijzingen waarvan de uitkomst 'aangekomen' of 'geholpen' een datum in de periode heeft, in de buurt van de bewoner; per uitkomst. Een doorverwijzing telt bij de laatst vastgelegde uitkomst.",
            "Doorverwijzingen (uitkomst), personen (buurt)", IndicatorUnit.Count, ArrivedParts, AdditiveOverTime: true, AboutPersons: true, ArrivedAsync),
    ];

    private static async Task<IReadOnlyList<FigureRow>> MadeAsync(ImpactQuery q, CancellationToken ct)
    {
        var (from, until) = (q.From, q.Until);
        var rows = await q.Rows<Referral>().Where(r => r.ReferredOn >= from && r.ReferredOn < until)
            .Join(q.People, r => r.PersonId, p => p.Id, (r, p) => new { r.PersonId, r.ReferredOn, p.TenantId, p.BuurtCode })
            .ToListAsync(ct);
        return rows.GroupBy(x => (x.TenantId, x.BuurtCode, Month: q.MonthOf(x.ReferredOn)))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole, g.Count(), null,
                g.Select(x => x.PersonId).Distinct().Count()))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> ArrivedAsync(ImpactQuery q, CancellationToken ct)
    {
        var (from, until) = (q.From, q.Until);
        var rows = await q.Rows<Referral>()
            .Where(r => (r.Outcome == ReferralOutcome.Arrived || r.Outcome == ReferralOutcome.Helped)
                && r.OutcomeOn >= from && r.OutcomeOn < until)
            .Join(q.People, r => r.PersonId, p => p.Id, (r, p) => new { r.PersonId, r.Outcome, r.OutcomeOn, p.TenantId, p.BuurtCode })
            .ToListAsync(ct);
        return rows.GroupBy(x => (x.TenantId, x.BuurtCode, Month: q.MonthOf(x.OutcomeOn!.Value),
                Part: x.Outcome == ReferralOutcome.Helped ? "helped" : "arrived"))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Part, g.Count(), null,
                g.Select(x => x.PersonId).Distinct().Count()))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Budget;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>The neighbourhood pot: what was spent for residents, on what and on whose say-so. A spend counts in the buurt
/// of the resident of its case; a spend that was reversed (whenever) counts for nothing, and so does the reversal.</summary>
public static class NeighbourhoodPot
{
    public const string ByPurpose = "pot.byPurpose";
    public const string ByMandate = "pot.byMandate";

    public static readonly IReadOnlyList<IndicatorPart> Purposes =
        Enum.GetValues<SpendPurpose>().Select(p => new IndicatorPart(PurposeKey(p), Ledger.Label(p))).ToList();

    public static readonly IReadOnlyList<IndicatorPart> Mandates =
    [
        new("ownMandate", "Op eigen mandaat"),
        new("approved", "Met goedkeuring"),
    ];

    public static string PurposeKey(SpendPurpose purpose) => purpose switch
    {
        SpendPurpose.Transport => "transport",
        SpendPurpose.AdministrativeFees => "administrativeFees",
        SpendPurpose.HouseholdEmergency => "householdEmergency",
        SpendPurpose.LicenceOrEducation => "licenceOrEducation",
        _ => "other",
    };

    public static IEnumerable<Indicator> All =>
    [
        new(ByPurpose, IndicatorSection.NeighbourhoodPot, "Wijkpot: uitgegeven per doel",
            "Hoeveel geld uit de wijkpot naar bewoners ging, per doel. Een uitgave die is teruggeboekt telt niet mee.",
            "De som van de uitgaven uit de wijkpot met een boekdatum in de periode, per doel. Uitgaven die zijn teruggeboekt (ook later) en de terugboekingen zelf tellen niet. Het aantal personen telt de bewoners van de casussen.",
            "Wijkpot: boekingen, casussen, personen (buurt)", IndicatorUnit.Euros, Purposes, AdditiveOverTime: true, AboutPersons: true,
            (q, ct) => SpentAsync(q, byPurpose: true, ct)),
        new(ByMandate, IndicatorSection.NeighbourhoodPot, "Wijkpot: eigen mandaat of goedkeuring",
            "Hoeveel geld uit de wijkpot de buddy zelf mocht uitgeven (eigen mandaat), en hoeveel pas na goedkeuring.",
            "Dezelfde uitgaven als bij ‘per doel’, verdeeld naar: op eigen mandaat van de aanvrager, of goedgekeurd door een budgetbeheerder.",
            "Wijkpot: boekingen, casussen, personen (buurt)", IndicatorUnit.Euros, Mandates, AdditiveOverTime: true, AboutPersons: true,
            (q, ct) => SpentAsync(q, byPurpose: false, ct)),
    ];

    private static async Task<IReadOnlyList<FigureRow>> SpentAsync(ImpactQuery q, bool byPurpose, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var (first, until) = (q.From, q.Until);
        var ledger = q.LedgerEntries;
        var rows = await (
            from e in ledger
            where e.Kind == LedgerKind.Spend && e.BookedOn >= first && e.BookedOn < until && !ledger.Any(r => r.ReversesEntryId == e.Id)
            join c in q.Cases on e.CaseId equals (Guid?)c.Id
            join p in q.People on c.PersonId equals p.Id
            group new { e.AmountCents, c.PersonId } by new
            {
                p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? e.BookedOn.Year * 100 + e.BookedOn.Month : 0,
                Purpose = EF.Constant(byPurpose) ? e.Purpose : null,
                Own = !EF.Constant(byPurpose) && e.OnOwnMandate,
            } into g
            select new { g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Purpose, g.Key.Own, Cents = g.Sum(x => x.AmountCents), Persons = g.Select(x => x.PersonId).Distinct().Count() })
            .ToListAsync(ct);
        // Spends are stored negative (money leaving the pot); the figure is what was spent.
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, byMonth ? r.Month : null,
            byPurpose ? PurposeKey(r.Purpose ?? SpendPurpose.Other) : Mandates[r.Own ? 0 : 1].Key, -r.Cents, null, r.Persons)).ToList();
    }
}

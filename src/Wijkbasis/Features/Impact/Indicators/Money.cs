using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.MoneyFlows;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Money flows: where the income came from, what it was spent on, and how much of the spending stayed in the
/// neighbourhood. A reversal line carries the opposite amount and the same date as the line it undoes, so sums with
/// their sign leave a reversed line out (as the money-flows overview does).</summary>
public static class MoneyFlowFigures
{
    public const string Income = "money.income";
    public const string Spending = "money.spending";
    public const string LocalShare = "money.localShare";

    public static readonly IReadOnlyList<IndicatorPart> Sources =
        Enum.GetValues<IncomeSource>().Select(s => new IndicatorPart(Key(s.ToString()), MoneyRules.Label(s))).ToList();

    public static readonly IReadOnlyList<IndicatorPart> Categories =
        Enum.GetValues<SpendingCategory>().Select(c => new IndicatorPart(Key(c.ToString()), MoneyRules.Label(c))).ToList();

    public static string Key(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static IEnumerable<Indicator> All =>
    [
        new(Income, IndicatorSection.Money, "Inkomsten per bron",
            "Hoeveel geld er binnenkwam, en waarvandaan. Regels die zijn teruggeboekt tellen niet mee.",
            "De som van de inkomstenregels met een boekdatum in de periode, per bron. Een terugboeking heeft het tegengestelde bedrag en dezelfde datum, dus een teruggeboekte regel telt samen voor nul.",
            "Geldstromen: inkomsten", IndicatorUnit.Euros, Sources, AdditiveOverTime: true, AboutPersons: false,
            (q, ct) => SumAsync(q, MoneyDirection.Income, ct)),
        new(Spending, IndicatorSection.Money, "Uitgaven per soort",
            "Hoeveel geld er werd uitgegeven, en waaraan. Regels die zijn teruggeboekt tellen niet mee.",
            "De som van de uitgavenregels met een boekdatum in de periode, per soort. Een terugboeking heeft het tegengestelde bedrag en dezelfde datum, dus een teruggeboekte regel telt samen voor nul.",
            "Geldstromen: uitgaven", IndicatorUnit.Euros, Categories, AdditiveOverTime: true, AboutPersons: false,
            (q, ct) => SumAsync(q, MoneyDirection.Spending, ct)),
        new(LocalShare, IndicatorSection.Money, "Geld dat in de wijk blijft",
            "Welk deel van de uitgaven in de wijk bleef: bij een leverancier of ondernemer uit de buurt, of als betaling aan een bewoner voor werk.",
            "De uitgaven in de periode die in de wijk blijven (met een soort ‘lokaal’), gedeeld door alle uitgaven in de periode. Teruggeboekte regels tellen niet.",
            "Geldstromen: uitgaven", IndicatorUnit.Share, [], AdditiveOverTime: false, AboutPersons: false, StaysLocal),
    ];

    private static async Task<IReadOnlyList<FigureRow>> SumAsync(ImpactQuery q, MoneyDirection direction, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var income = direction == MoneyDirection.Income;
        var rows = await q.MoneyLines
            .Where(l => l.Direction == direction && l.BookedOn >= q.From && l.BookedOn < q.Until)
            .GroupBy(l => new
            {
                l.TenantId, Month = EF.Constant(byMonth) ? l.BookedOn.Year * 100 + l.BookedOn.Month : 0,
                l.Source, l.Category,
            })
            .Select(g => new { g.Key.TenantId, g.Key.Month, g.Key.Source, g.Key.Category, Cents = g.Sum(l => l.AmountCents) })
            .ToListAsync(ct);
        return rows.Where(r => r.Cents != 0)
            .Select(r => new FigureRow(r.TenantId, null, byMonth ? r.Month : null,
                Key(income ? (r.Source ?? IncomeSource.Other).ToString() : (r.Category ?? SpendingCategory.Other).ToString()), r.Cents, null, null))
            .ToList();
    }

    private static async Task<IReadOnlyList<FigureRow>> StaysLocal(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var rows = await q.MoneyLines
            .Where(l => l.Direction == MoneyDirection.Spending && l.BookedOn >= q.From && l.BookedOn < q.Until)
            .GroupBy(l => new { l.TenantId, Month = EF.Constant(byMonth) ? l.BookedOn.Year * 100 + l.BookedOn.Month : 0 })
            .Select(g => new { g.Key.TenantId, g.Key.Month, All = g.Sum(l => l.AmountCents), Local = g.Sum(l => l.Local != null ? l.AmountCents : 0) })
            .ToListAsync(ct);
        return rows.Where(r => r.All != 0)
            .Select(r => new FigureRow(r.TenantId, null, byMonth ? r.Month : null, FigureRow.Whole, r.Local, r.All, null)).ToList();
    }
}

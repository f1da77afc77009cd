using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.TimeCredits;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>The time bank: points that changed hands.</summary>
public static class TimeCredits
{
    public const string Exchanged = "timeCredits.exchanged";

    public static readonly IReadOnlyList<IndicatorPart> Directions =
    [
        new("betweenPersons", "Tussen bewoners"),
        new("fromEnterprise", "Van de onderneming aan bewoners"),
        new("toEnterprise", "Van bewoners aan de onderneming"),
    ];

    public static IEnumerable<Indicator> All =>
    [
        new(Exchanged, IndicatorSection.TimeCredits, "Tijdbankpunten uitgewisseld",
            "Hoeveel tijdbankpunten mensen aan elkaar gaven, en hoeveel de onderneming gaf of kreeg. Fouten die zijn teruggeboekt tellen niet mee.",
            "De som van de punten van alle overboekingen in de periode waarbij een bewoner betrokken is, verdeeld naar richting. Terugboekingen en overboekingen die zijn teruggeboekt tellen niet. Een overboeking telt in de buurt van de bewoner die de punten kreeg (of betaalde, als de onderneming ze kreeg); het aantal personen telt die bewoners.",
            "Tijdbank: overboekingen en rekeningen, personen (buurt)", IndicatorUnit.Points, Directions, AdditiveOverTime: true,
            AboutPersons: true, PointsExchanged),
    ];

    private static async Task<IReadOnlyList<FigureRow>> PointsExchanged(ImpactQuery q, CancellationToken ct)
    {
        var byMonth = q.ByMonth;
        var (first, until) = (q.From, q.Until);
        var transfers = q.TimeCreditTransfers;
        var rows = await (
            from t in transfers
            where t.ReversesTransferId == null && t.BookedOn >= first && t.BookedOn < until && !transfers.Any(r => r.ReversesTransferId == t.Id)
            join f in q.TimeCreditAccounts on t.FromAccountId equals f.Id
            join to in q.TimeCreditAccounts on t.ToAccountId equals to.Id
            let personId = to.Kind == AccountKind.Person ? to.PersonId : f.PersonId
            join p in q.People on personId equals (Guid?)p.Id
            let direction = f.Kind == AccountKind.Enterprise ? 1 : to.Kind == AccountKind.Enterprise ? 2 : 0
            group new { t.Points, PersonId = p.Id } by new { p.TenantId, p.BuurtCode, Month = EF.Constant(byMonth) ? t.BookedOn.Year * 100 + t.BookedOn.Month : 0, Direction = direction } into g
            select new { g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, g.Key.Direction, Points = g.Sum(x => x.Points), Persons = g.Select(x => x.PersonId).Distinct().Count() })
            .ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.TenantId, r.BuurtCode, byMonth ? r.Month : null, Directions[r.Direction].Key, r.Points, null, r.Persons)).ToList();
    }
}

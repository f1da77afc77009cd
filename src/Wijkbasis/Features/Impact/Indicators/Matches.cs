using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Impact.Indicators;

/// <summary>Talents and matches: neighbours brought together, and help that was given. A match counts in the buurt of
/// the person who received the help; its persons are the giver and the receiver.</summary>
public static class Matches
{
    public const string Made = "matches.made";
    public const string Completed = "matches.completed";

    public static IEnumerable<Indicator> All =>
    [
        new(Made, IndicatorSection.Matches, "Koppelingen gemaakt",
            "Hoeveel keer twee buren aan elkaar zijn voorgesteld om elkaar te helpen. Voorstellen die nog niet zijn doorgegeven tellen niet.",
            "Het aantal koppelingen waarvan de kennismaking (voorgesteld aan elkaar) in de periode was, in de buurt van wie geholpen wordt. Het aantal personen is helpers en geholpenen samen.",
            "Koppelingen, personen (buurt)", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: true,
            (q, ct) => CountAsync(q, m => m.IntroducedAt, ct)),
        new(Completed, IndicatorSection.Matches, "Koppelingen afgerond",
            "Hoeveel koppelingen klaar waren: de hulp is gegeven.",
            "Het aantal koppelingen dat in de periode klaar was (gedaan, en daarna misschien bedankt), in de buurt van wie geholpen wordt. Het aantal personen is helpers en geholpenen samen.",
            "Koppelingen, personen (buurt)", IndicatorUnit.Count, [], AdditiveOverTime: true, AboutPersons: true,
            (q, ct) => CountAsync(q, m => m.DoneAt, ct)),
    ];

    /// <summary>Matches whose moment <paramref name="when"/> falls in the period (matches are few: the rows are grouped
    /// in memory, by the Amsterdam month of that moment).</summary>
    private static async Task<IReadOnlyList<FigureRow>> CountAsync(ImpactQuery q, Expression<Func<Match, DateTime?>> when, CancellationToken ct)
    {
        var (fromUtc, untilUtc) = (q.FromUtc, q.UntilUtc);
        var at = when.Compile();
        var matches = await q.Matches.Where(Between(when, fromUtc, untilUtc))
            .Join(q.People, m => m.ReceiverPersonId, p => p.Id, (m, p) => new { Match = m, p.TenantId, p.BuurtCode })
            .AsNoTracking()
            .ToListAsync(ct);
        return matches
            .GroupBy(x => (x.TenantId, x.BuurtCode, Month: q.MonthOf(DateOnly.FromDateTime(at(x.Match)!.Value.ToAmsterdam()))))
            .Select(g => new FigureRow(g.Key.TenantId, g.Key.BuurtCode, g.Key.Month, FigureRow.Whole, g.Count(), null,
                g.SelectMany(x => new[] { x.Match.GiverPersonId, x.Match.ReceiverPersonId }).Distinct().Count()))
            .ToList();
    }

    private static Expression<Func<Match, bool>> Between(Expression<Func<Match, DateTime?>> when, DateTime from, DateTime until)
    {
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(when.Body, Expression.Constant(from, typeof(DateTime?))),
            Expression.LessThan(when.Body, Expression.Constant(until, typeof(DateTime?))));
        return Expression.Lambda<Func<Match, bool>>(body, when.Parameters);
    }
}

using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Impact;

/// <summary>Runs indicators of the registry for a scope and period. One query per indicator, one after the other on
/// the request's connection.</summary>
public sealed class ImpactCalculator(WijkbasisDb db, FieldCipher cipher, TimeProvider time)
{
    public async Task<IReadOnlyList<IndicatorFigures>> ComputeAsync(ImpactScope scope, ImpactPeriod period, bool byMonth,
        IEnumerable<Indicator> indicators, CancellationToken cancellationToken)
    {
        var query = new ImpactQuery(db, cipher, scope, period, byMonth, time.AmsterdamToday());
        var result = new List<IndicatorFigures>();
        foreach (var indicator in indicators)
        {
            result.Add(new IndicatorFigures(indicator, period, await indicator.Compute(query, cancellationToken)));
        }
        return result;
    }

    public async Task<IndicatorFigures> ComputeAsync(ImpactScope scope, ImpactPeriod period, bool byMonth, Indicator indicator,
        CancellationToken cancellationToken) =>
        (await ComputeAsync(scope, period, byMonth, [indicator], cancellationToken))[0];

    /// <summary>A monthly trend: every row carries its month. Figures that split by month are computed in one query
    /// over the whole range; stock figures (<see cref="Indicator.SplitsByMonth"/> false) once per month.</summary>
    public async Task<IReadOnlyList<IndicatorFigures>> ComputeTrendAsync(ImpactScope scope, DateOnly firstMonth, DateOnly lastMonth,
        IEnumerable<Indicator> indicators, CancellationToken cancellationToken)
    {
        var from = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        var until = new DateOnly(lastMonth.Year, lastMonth.Month, 1).AddMonths(1);
        if (until <= from || from.AddMonths(ImpactPeriod.MaxMonths) < until)
        {
            throw new ArgumentOutOfRangeException(nameof(lastMonth), "A trend covers 1 to 36 months.");
        }
        var range = new ImpactPeriod(PeriodKind.Custom, from, until);
        var today = time.AmsterdamToday();
        var result = new List<IndicatorFigures>();
        foreach (var indicator in indicators)
        {
            if (indicator.SplitsByMonth)
            {
                result.Add(new IndicatorFigures(indicator, range, await indicator.Compute(new ImpactQuery(db, cipher, scope, range, true, today), cancellationToken)));
                continue;
            }
            var rows = new List<FigureRow>();
            for (var month = from; month < until; month = month.AddMonths(1))
            {
                var query = new ImpactQuery(db, cipher, scope, ImpactPeriod.Month(month.Year, month.Month), false, today);
                var key = ImpactPeriod.MonthKey(month);
                rows.AddRange((await indicator.Compute(query, cancellationToken)).Select(r => r with { Month = key }));
            }
            result.Add(new IndicatorFigures(indicator, range, rows));
        }
        return result;
    }

    public Task<IReadOnlyList<IndicatorFigures>> ComputeAllAsync(ImpactScope scope, ImpactPeriod period, bool byMonth,
        CancellationToken cancellationToken) =>
        ComputeAsync(scope, period, byMonth, IndicatorRegistry.All, cancellationToken);
}

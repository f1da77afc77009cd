using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Impact;

/// <summary>Runs indicators of the registry for a scope and period. One query per indicator, one after the other on
/// the request's connection.</summary>
public sealed class ImpactCalculator(WijkbasisDb db, FieldCipher cipher, TimeProvider time)
{
    public Task<IReadOnlyList<IndicatorFigures>> ComputeAsync(ImpactScope scope, ImpactPeriod period, bool byMonth,
        IEnumerable<Indicator> indicators, CancellationToken cancellationToken) =>
        ComputeAsync(scope, period, byMonth, indicators, new ImpactMemo(null), cancellationToken);

    private async Task<IReadOnlyList<IndicatorFigures>> ComputeAsync(ImpactScope scope, ImpactPeriod period, bool byMonth,
        IEnumerable<Indicator> indicators, ImpactMemo memo, CancellationToken cancellationToken)
    {
        var query = new ImpactQuery(db, cipher, scope, period, byMonth, time.AmsterdamToday(), memo);
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
    public Task<IReadOnlyList<IndicatorFigures>> ComputeTrendAsync(ImpactScope scope, DateOnly firstMonth, DateOnly lastMonth,
        IEnumerable<Indicator> indicators, CancellationToken cancellationToken) =>
        ComputeTrendAsync(scope, firstMonth, lastMonth, indicators, new ImpactMemo(null), cancellationToken);

    private async Task<IReadOnlyList<IndicatorFigures>> ComputeTrendAsync(ImpactScope scope, DateOnly firstMonth, DateOnly lastMonth,
        IEnumerable<Indicator> indicators, ImpactMemo memo, CancellationToken cancellationToken)
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
                result.Add(new IndicatorFigures(indicator, range, await indicator.Compute(new ImpactQuery(db, cipher, scope, range, true, today, memo), cancellationToken)));
                continue;
            }
            var rows = new List<FigureRow>();
            for (var month = from; month < until; month = month.AddMonths(1))
            {
                var query = new ImpactQuery(db, cipher, scope, ImpactPeriod.Month(month.Year, month.Month), false, today, memo);
                var key = ImpactPeriod.MonthKey(month);
                rows.AddRange((await indicator.Compute(query, cancellationToken)).Select(r => r with { Month = key }));
            }
            result.Add(new IndicatorFigures(indicator, range, rows));
        }
        return result;
    }

    /// <summary>A calendar year at every grain, as the municipal cube needs it: per indicator its rows for 17 times (0 the
    /// year, 1–4 the quarters, 5–16 the months; a month's rows carry their month). The periods share one memo, so a
    /// source read for one indicator or period serves the others (<see cref="ImpactMemo"/>).</summary>
    public async Task<Dictionary<Indicator, IReadOnlyList<FigureRow>[]>> ComputeYearAsync(ImpactScope scope, int year,
        IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        const int times = 17;
        var memo = new ImpactMemo(year);
        var rows = indicators.ToDictionary(i => i, _ => new IReadOnlyList<FigureRow>[times]);
        for (var t = 0; t <= 4; t++)
        {
            var period = t == 0 ? ImpactPeriod.Year(year) : ImpactPeriod.Quarter(year, t);
            foreach (var figures in await ComputeAsync(scope, period, false, indicators, memo, cancellationToken))
            {
                rows[figures.Indicator][t] = figures.Rows;
            }
        }
        var trend = await ComputeTrendAsync(scope, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), indicators, memo, cancellationToken);
        foreach (var figures in trend)
        {
            var byMonth = figures.Rows.ToLookup(r => r.Month);
            for (var month = 1; month <= 12; month++)
            {
                rows[figures.Indicator][4 + month] = [.. byMonth[(int?)(year * 100 + month)]];
            }
        }
        return rows;
    }

    public Task<IReadOnlyList<IndicatorFigures>> ComputeAllAsync(ImpactScope scope, ImpactPeriod period, bool byMonth,
        CancellationToken cancellationToken) =>
        ComputeAsync(scope, period, byMonth, IndicatorRegistry.All, cancellationToken);
}

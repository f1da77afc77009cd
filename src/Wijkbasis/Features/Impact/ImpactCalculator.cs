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

    public Task<IReadOnlyList<IndicatorFigures>> ComputeAllAsync(ImpactScope scope, ImpactPeriod period, bool byMonth,
        CancellationToken cancellationToken) =>
        ComputeAsync(scope, period, byMonth, IndicatorRegistry.All, cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Report;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Partners;

/// <summary>A target's actual in one period, as the report shows the figure (the registry's value, rounded as shown).</summary>
public sealed record TargetPoint(string PeriodKey, string PeriodLabel, decimal Target, decimal? Actual)
{
    /// <summary>Met: the actual reaches the target.</summary>
    public bool Met => Actual is { } a && a >= Target;
}

/// <summary>One target with its actuals per period, oldest first; frozen into a fixed report as it was.</summary>
public sealed record TargetLine(
    Guid AgreementId,
    string Agreement,
    string Funder,
    string IndicatorId,
    string IndicatorName,
    IndicatorUnit Unit,
    decimal Target,
    PeriodKind Per,
    IReadOnlyList<TargetPoint> Points);

/// <summary>Targets against actuals. The actual of a period is the indicator's figure for that whole period, computed by
/// the <see cref="ImpactCalculator"/> and rounded by <see cref="ReportBuilder.Round"/>, exactly as the report shows it:
/// there is no second calculation (docs/decisions/0017, 0029).</summary>
public sealed class TargetActuals(WijkbasisDb db, ImpactCalculator calculator, TenantContext tenant, TimeProvider time)
{
    /// <summary>How many recent periods the agreement page shows per target: a year of months, two years of quarters,
    /// five years.</summary>
    public static int RecentCount(PeriodKind per) => per switch
    {
        PeriodKind.Month => 12,
        PeriodKind.Quarter => 8,
        _ => 5,
    };

    /// <summary>The periods of <paramref name="per"/> that overlap [from, until), oldest first.</summary>
    public static List<ImpactPeriod> PeriodsIn(PeriodKind per, DateOnly from, DateOnly until)
    {
        var result = new List<ImpactPeriod>();
        if (until <= from)
        {
            return result;
        }
        var p = Containing(per, from);
        while (p.From < until && result.Count < 1000)
        {
            result.Add(p);
            p = Containing(per, p.Until);
        }
        return result;
    }

    public static ImpactPeriod Containing(PeriodKind per, DateOnly day) => per switch
    {
        PeriodKind.Month => ImpactPeriod.Month(day.Year, day.Month),
        PeriodKind.Quarter => ImpactPeriod.Quarter(day.Year, (day.Month - 1) / 3 + 1),
        _ => ImpactPeriod.Year(day.Year),
    };

    /// <summary>The recent periods of a target on the agreement page: those in the agreement's term up to today's period,
    /// the last <see cref="RecentCount"/>.</summary>
    public List<ImpactPeriod> RecentPeriods(FundingAgreement agreement, PeriodKind per)
    {
        var today = time.AmsterdamToday();
        var last = agreement.EndsOn is { } end && end < today ? end : today;
        var periods = PeriodsIn(per, agreement.StartsOn, last.AddDays(1));
        return periods.Skip(Math.Max(0, periods.Count - RecentCount(per))).ToList();
    }

    /// <summary>The actual of <paramref name="indicator"/> in every period, as the report computes and rounds it.</summary>
    public async Task<List<decimal?>> ActualsAsync(Indicator indicator, IReadOnlyList<ImpactPeriod> periods, CancellationToken ct)
    {
        var scope = ImpactScope.Enterprise(tenant.TenantId);
        var result = new List<decimal?>(periods.Count);
        foreach (var period in periods)
        {
            var figures = await calculator.ComputeAsync(scope, period, false, indicator, ct);
            result.Add(ReportBuilder.Round(indicator, figures.Total.Shown(indicator)));
        }
        return result;
    }

    public async Task<TargetLine?> LineAsync(FundingAgreement agreement, string funder, AgreementTarget target, IReadOnlyList<ImpactPeriod> periods,
        CancellationToken ct)
    {
        if (!IndicatorRegistry.ById.TryGetValue(target.IndicatorId, out var indicator))
        {
            return null;
        }
        var actuals = await ActualsAsync(indicator, periods, ct);
        var points = periods.Select((p, i) => new TargetPoint(p.Key, p.Label, target.Value, actuals[i])).ToList();
        return new TargetLine(agreement.Id, agreement.Title, funder, indicator.Id, indicator.Name, indicator.Unit, target.Value, target.Per, points);
    }

    /// <summary>The targets of the agreements running in the report's period, each against its actuals in the periods of its
    /// kind that overlap the report's period (up to today; within the agreement's term).</summary>
    public async Task<List<TargetLine>> ForReportAsync(ImpactPeriod period, CancellationToken ct)
    {
        var agreements = await db.FundingAgreements.AsNoTracking()
            .Where(a => a.StartsOn < period.Until && (a.EndsOn == null || a.EndsOn >= period.From))
            .OrderBy(a => a.StartsOn).ThenBy(a => a.Title).ToListAsync(ct);
        if (agreements.Count == 0)
        {
            return [];
        }
        var ids = agreements.Select(a => a.Id).ToList();
        var targets = await db.AgreementTargets.AsNoTracking().Where(t => ids.Contains(t.AgreementId)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var funderIds = agreements.Select(a => a.FunderId).Distinct().ToList();
        var funders = await db.Organisations.AsNoTracking().Where(o => funderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = time.AmsterdamToday();
        var lines = new List<TargetLine>();
        foreach (var agreement in agreements)
        {
            foreach (var target in targets.Where(t => t.AgreementId == agreement.Id))
            {
                var from = agreement.StartsOn > period.From ? agreement.StartsOn : period.From;
                var until = period.Until;
                if (agreement.EndsOn is { } end && end.AddDays(1) < until)
                {
                    until = end.AddDays(1);
                }
                if (today.AddDays(1) < until)
                {
                    until = today.AddDays(1);
                }
                var periods = PeriodsIn(target.Per, from, until);
                if (await LineAsync(agreement, funders.GetValueOrDefault(agreement.FunderId, ""), target, periods, ct) is { } line)
                {
                    lines.Add(line);
                }
            }
        }
        return lines;
    }
}

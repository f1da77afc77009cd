using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Report;

/// <summary>Builds the live report of the enterprise of the request from the indicator registry: the period, the
/// period before and a monthly trend, each computed by the calculator (one query per indicator, a few dozen in all,
/// never one per row), plus the draft's texts and chosen stories.</summary>
public sealed class ReportBuilder(WijkbasisDb db, ImpactCalculator calculator, TenantContext tenant, TimeProvider time, ReportFigureCache cache,
    Partners.TargetActuals targets, Stories.StorySelections selections)
{
    /// <summary>A trend covers at least the twelve months up to the end of the period (or up to this month, for a
    /// period still running), and the whole period when it is longer (at most 36 months).</summary>
    public static (DateOnly First, DateOnly Last)? TrendWindow(ImpactPeriod period, DateOnly today)
    {
        var lastDay = period.To < today ? period.To : today;
        if (lastDay < period.From)
        {
            return null;
        }
        var last = new DateOnly(lastDay.Year, lastDay.Month, 1);
        var first = new DateOnly(period.From.Year, period.From.Month, 1);
        if (first > last.AddMonths(-11))
        {
            first = last.AddMonths(-11);
        }
        return (first, last);
    }

    /// <summary>The live report: the figures as <see cref="ReportFigureCache"/> serves them (possibly computed a few
    /// minutes ago; <paramref name="fresh"/> computes them now, as fixing does), the draft's texts and stories.</summary>
    public async Task<ReportContent> LiveAsync(ImpactPeriod period, ReportDraft? draft, CancellationToken ct, bool fresh = false)
    {
        var figures = fresh
            ? new ReportFigureCache.Served(await FiguresAsync(period, ct), time.UtcNow(), false)
            : await cache.GetAsync(tenant, period, ct);
        LastFigures = figures;
        var chosen = ParseIds(draft?.StoryIds);
        var stories = chosen.Count == 0 ? [] : await ConsentedStories(period, chosen).ToListAsync(ct);
        return new ReportContent(period.Key, period.Label, period.Previous.Label, period.From, period.Until, figures.Sections,
            stories.OrderBy(s => s.Date).ThenBy(s => s.Id).ToList(), draft?.WentWell, draft?.Learned, draft?.Plans,
            await targets.ForReportAsync(period, ct), await selections.ForReportAsync(period, ct));
    }

    /// <summary>When the figures of the last <see cref="LiveAsync"/> were computed, and whether newer ones are on their way.</summary>
    public ReportFigureCache.Served? LastFigures { get; private set; }

    /// <summary>Computes the figures of the period for the enterprise of this scope: the period, the period before and a
    /// monthly trend, by the calculator.</summary>
    public async Task<IReadOnlyList<ReportSection>> FiguresAsync(ImpactPeriod period, CancellationToken ct)
    {
        var scope = ImpactScope.Enterprise(tenant.TenantId);
        var indicators = IndicatorRegistry.All;
        var now = (await calculator.ComputeAsync(scope, period, false, indicators, ct)).ToDictionary(f => f.Indicator.Id);
        var before = (await calculator.ComputeAsync(scope, period.Previous, false, indicators, ct)).ToDictionary(f => f.Indicator.Id);
        var window = TrendWindow(period, time.AmsterdamToday());
        var trends = new Dictionary<string, IndicatorFigures>();
        var months = new List<int>();
        if (window is { } w)
        {
            foreach (var f in await calculator.ComputeTrendAsync(scope, w.First, w.Last, indicators.Where(i => !i.HasParts), ct))
            {
                trends[f.Indicator.Id] = f;
            }
            for (var m = w.First; m <= w.Last; m = m.AddMonths(1))
            {
                months.Add(ImpactPeriod.MonthKey(m));
            }
        }

        var sections = IndicatorRegistry.BySection.Select(group => new ReportSection(group.Key, IndicatorRegistry.SectionName(group.Key),
            group.Select(indicator =>
            {
                var current = now[indicator.Id];
                var previous = before[indicator.Id];
                var parts = indicator.Parts.Select(p => new ReportPart(p.Key, p.Label,
                    Round(indicator, current.Part(p.Key).Shown(indicator)), Round(indicator, previous.Part(p.Key).Shown(indicator)))).ToList();
                var trend = trends.TryGetValue(indicator.Id, out var t)
                    ? months.Select(m => new ReportPoint(m, Round(indicator, t.Month(m).Shown(indicator)))).ToList()
                    : [];
                return new ReportFigure(indicator.Id, indicator.Name, indicator.Explanation, indicator.Unit,
                    Round(indicator, current.Total.Shown(indicator)), Round(indicator, previous.Total.Shown(indicator)), parts, trend);
            }).ToList())).ToList();
        return sections;
    }

    /// <summary>The logbook's stories of the period that were told with consent to use them in a report: the only
    /// ones that can be chosen. (The tenant filter keeps them to this enterprise.)</summary>
    public IQueryable<ReportStory> ConsentedStories(ImpactPeriod period, IReadOnlyCollection<Guid>? only = null) =>
        from e in db.LogEntries
        where e.Kind == LogEntryKind.Story && e.ConsentToReport
        where only == null || only.Contains(e.Id)
        join s in db.Sessions on e.SessionId equals s.Id
        where s.OccurrenceDate >= period.From && s.OccurrenceDate < period.Until
        join a in db.Activities on s.ActivityId equals a.Id
        orderby s.OccurrenceDate, e.Id
        select new ReportStory(e.Id, s.OccurrenceDate, a.Name, e.Text);

    public Task<ReportDraft?> DraftAsync(ImpactPeriod period, CancellationToken ct) =>
        db.ReportDrafts.SingleOrDefaultAsync(d => d.PeriodKey == period.Key, ct);

    public static List<Guid> ParseIds(string? ids) =>
        (ids ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().ToList();

    /// <summary>Rounded as shown: whole persons and counts, one decimal for hours, shares and averages, cents for euros, two decimals for an index.</summary>
    public static decimal? Round(Indicator indicator, decimal? value) => value is not { } v ? null : indicator.Unit switch
    {
        IndicatorUnit.Euros or IndicatorUnit.Index => Math.Round(v, 2, MidpointRounding.AwayFromZero),
        IndicatorUnit.Hours or IndicatorUnit.Share or IndicatorUnit.Average or IndicatorUnit.Points => Math.Round(v, 1, MidpointRounding.AwayFromZero),
        _ => Math.Round(v, 0, MidpointRounding.AwayFromZero),
    };
}

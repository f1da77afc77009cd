using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Impact;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Report;

public sealed class ReportSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        // The demo fixes no report: a sample version of an empty year of its own.
        ["rapportage/vastgesteld"] = app => app.InDbAsync("huiskamer", async db =>
        {
            var existing = await db.FixedReports.OrderBy(f => f.Id).Select(f => (Guid?)f.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }
            var period = ImpactPeriod.Year(2001);
            var report = new FixedReport
            {
                PeriodKey = "2001", PeriodFrom = period.From, PeriodUntil = period.Until, Number = 1, FixedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
                FixedByName = "test", Content = new Wijkbasis.Features.Report.ReportContent("2001", "2001", "2000", period.From, period.Until,
                    [], [], null, null, null).ToJson(),
            };
            db.FixedReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        }),
    };
}

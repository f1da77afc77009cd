using System.Text;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Import;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Import;

/// <summary>The demo has no imports: the sample is an open one made here, in the demo enterprise.</summary>
public sealed class ImportSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["importeren"] = app => app.InDbAsync("huiskamer", async db =>
        {
            if (await db.ImportJobs.Where(j => j.FileName == "voorbeeld.csv").Select(j => (Guid?)j.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }
            var job = new ImportJob
            {
                Kind = ImportKind.People, FileName = "voorbeeld.csv", Content = Encoding.UTF8.GetBytes("Naam\r\nVoorbeeld\r\n"), Rows = 1,
                Mapping = """{"naam":"Naam"}""", Status = ImportStatus.Open, ByName = "test", CreatedAt = TimeProvider.System.UtcNow(),
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        }),
    };
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.TimeCredits;

public sealed class TimeCreditSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["tijdbank"] = app => app.InDbAsync("huiskamer", db => db.TimeCreditAccounts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()),
    };
}

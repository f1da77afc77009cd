using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Activities;

public sealed class ActivitySamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["activiteiten"] = app => app.InDbAsync("huiskamer", db => db.Activities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()),
    };
}

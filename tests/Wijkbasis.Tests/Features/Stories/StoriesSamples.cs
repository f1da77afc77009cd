using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Stories;

public sealed class StoriesSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["verhalen"] = app => app.InDbAsync("huiskamer", db => db.ChangeStories.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()),
    };
}

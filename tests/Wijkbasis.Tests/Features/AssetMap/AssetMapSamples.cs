using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.AssetMap;

public sealed class AssetMapSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["buurtkaart"] = app => app.InDbAsync("huiskamer", db => db.Assets.OrderBy(a => a.Name).Select(a => a.Id).FirstAsync()),
    };
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Ownership;

public sealed class OwnershipSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["eigenaarschap/rondes"] = app => app.InDbAsync("huiskamer", db => db.OwnershipRounds.OrderBy(r => r.HeldOn).Select(r => r.Id).FirstAsync()),
    };
}

using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.People;

public sealed class PeopleSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["mensen"] = app => DemoPeople.AnyPersonIdAsync(app, "huiskamer"),
    };
}

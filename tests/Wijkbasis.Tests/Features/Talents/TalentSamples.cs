using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Talents;

public sealed class TalentSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        // A talent card is keyed by its person.
        ["talenten/kaart"] = app => DemoPeople.AnyPersonIdAsync(app, "huiskamer"),
        ["koppelingen"] = app => app.InDbAsync("huiskamer", db => db.Matches.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()),
    };
}

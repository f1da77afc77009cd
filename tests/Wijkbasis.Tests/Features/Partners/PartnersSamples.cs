using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Partners;

public sealed class PartnersSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["partners"] = app => app.InDbAsync("huiskamer", db => db.Organisations.OrderBy(o => o.NameKey).Select(o => o.Id).FirstAsync()),
        ["partners/afspraken"] = app => app.InDbAsync("huiskamer", db => db.FundingAgreements.OrderBy(a => a.Title).Select(a => a.Id).FirstAsync()),
    };
}

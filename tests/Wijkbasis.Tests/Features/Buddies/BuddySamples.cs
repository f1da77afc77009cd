using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Buddies;

public sealed class BuddySamples : ISampleRecords
{
    private static readonly string[] Casework = [Wijkbasis.Infrastructure.Auth.Roles.Caseworker];

    /// <summary>The buddy programme's records (buddies, intakes, cases, outreach rounds).</summary>
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["buddies"] = app => app.InDbAsync("huiskamer", db => db.Buddies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync()),
        ["intakes"] = app => app.InDbAsync("huiskamer", Casework, db => db.Intakes.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()),
        ["casussen"] = app => app.InDbAsync("huiskamer", Casework, db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()),
        ["outreach"] = app => app.InDbAsync("huiskamer", db => db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()),
    };
}

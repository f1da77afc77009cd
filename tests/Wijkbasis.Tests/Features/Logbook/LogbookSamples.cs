using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Logbook;

public sealed class LogbookSamples : ISampleRecords
{
    /// <summary>A session the demo volunteer hosts, so "may view" means the volunteer's own logbook.</summary>
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["sessies"] = app => app.InDbAsync("huiskamer", db => db.Sessions
            .Where(s => s.Activity!.HostUserId != null && db.Users.Any(u => u.Id == s.Activity.HostUserId && u.Email == DemoUsers.Volunteer))
            .OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync()),
    };
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Volunteers;

public sealed class VolunteerSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["vrijwilligers"] = app => app.InDbAsync("huiskamer", db => db.Volunteers.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync()),
        // The demo volunteer's own hours, so "may view" means their own.
        ["uren"] = app => app.InDbAsync("huiskamer", db => db.VolunteerHours
            .Where(h => db.Volunteers.Any(v => v.PersonId == h.PersonId && db.Users.Any(u => u.Id == v.UserId && u.Email == DemoUsers.Volunteer)))
            .OrderBy(h => h.Id).Select(h => h.Id).FirstAsync()),
    };
}

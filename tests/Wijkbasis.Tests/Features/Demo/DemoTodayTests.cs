using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Demo;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Testing.DemoUsers;

namespace Wijkbasis.Tests.Features.Demo;

/// <summary>The README's walk-through works on any day: a demo kept from an earlier day gives the volunteer a session
/// to keep today at the next start, once.</summary>
public sealed class DemoTodayTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task OnALaterStartTheVolunteerAgainHostsASessionTodayAndOnlyOne()
    {
        var today = TimeProvider.System.AmsterdamToday();
        var volunteer = await app.InDbAsync(null, db => db.Users.Where(u => u.Email == Volunteer).Select(u => u.Id).SingleAsync());
        Task<int> HostedTodayAsync() => app.InDbAsync("huiskamer", db =>
            db.Sessions.CountAsync(s => s.OccurrenceDate == today && s.Activity!.HostUserId == volunteer));
        Assert.True(await HostedTodayAsync() > 0, "a fresh demo gives the volunteer a session today");

        // As if the demo was made yesterday: the volunteer's sessions of today are yesterday's.
        await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.OccurrenceDate == today && s.Activity!.HostUserId == volunteer)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.OccurrenceDate, today.AddDays(-1))));
        Assert.Equal(0, await HostedTodayAsync());

        for (var start = 0; start < 2; start++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoNeighbourhood>().KeepTodayOpenAsync();
        }

        Assert.Equal(1, await HostedTodayAsync());
    }
}

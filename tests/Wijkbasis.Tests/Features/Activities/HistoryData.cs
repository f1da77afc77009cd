using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Activities;

/// <summary>History written straight into the database, for the tests of the session list and a person's visits:
/// an activity with <c>count</c> weekly past sessions (the newest a week ago), at a location of its own.</summary>
public static class HistoryData
{
    public sealed record Series(Guid ActivityId, Guid LocationId, List<Guid> SessionIds, List<DateTime> Starts);

    public static Task<Series> PastWeeklyAsync(WijkbasisFactory app, int count, string name, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, async db =>
        {
            var now = TimeProvider.System.UtcNow();
            var today = TimeProvider.System.AmsterdamToday();
            var first = today.AddDays(-7 * count);
            var location = new Location { Name = "Zaal " + Guid.NewGuid().ToString("N")[..6], CreatedAt = now };
            var activity = new Activity
            {
                Name = name, LocationId = location.Id, Recurrence = Recurrence.Weekly, Day = first.DayOfWeek, FirstDate = first,
                LastDate = first.AddDays(7 * (count - 1)), StartTime = new TimeOnly(10, 0), EndTime = new TimeOnly(12, 0),
                CreatedAt = now, UpdatedAt = now, PlannedUntil = first.AddDays(7 * (count - 1)),
            };
            var sessions = Enumerable.Range(0, count).Select(i => first.AddDays(7 * i)).Select(d => new Session
            {
                ActivityId = activity.Id, OccurrenceDate = d, StartsAt = Clock.FromAmsterdam(d, activity.StartTime),
                EndsAt = Clock.FromAmsterdam(d, activity.EndTime), LocationId = location.Id,
            }).ToList();
            db.AddRange(location, activity);
            db.AddRange(sessions);
            await db.SaveChangesAsync();
            return new Series(activity.Id, location.Id, sessions.Select(s => s.Id).ToList(), sessions.Select(s => s.StartsAt).ToList());
        });

    /// <summary>Checks a person in at each of these sessions.</summary>
    public static Task CheckInAsync(WijkbasisFactory app, Guid personId, IEnumerable<Guid> sessionIds, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, async db =>
        {
            db.CheckIns.AddRange(sessionIds.Select(s => new CheckIn { SessionId = s, PersonId = personId, At = TimeProvider.System.UtcNow(), ByName = "Test" }));
            return await db.SaveChangesAsync();
        });
}

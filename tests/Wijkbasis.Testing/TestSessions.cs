using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Testing;

public static class TestSessions
{
    /// <summary>A one-off activity with one session that started <paramref name="startedAgo"/> ago (negative: in the future).</summary>
    public static Task<Guid> NewSessionAsync(this WijkbasisFactory app, string enterprise = "huiskamer", TimeSpan? startedAgo = null,
        string? hostEmail = null, bool cancelled = false, bool closed = false, string name = "Testochtend") =>
        app.InDbAsync(enterprise, async db =>
        {
            var now = TimeProvider.System.UtcNow();
            // By default half an hour ago, but never before midnight, so the session is today's ("Vandaag").
            var midnight = Clock.FromAmsterdam(TimeProvider.System.AmsterdamToday(), TimeOnly.MinValue);
            var start = startedAgo is { } ago ? now - ago : new[] { now - TimeSpan.FromMinutes(30), midnight }.Max();
            var host = hostEmail is null ? (Guid?)null : await db.Users.Where(u => u.Email == hostEmail).Select(u => u.Id).SingleAsync();
            var location = new Location { Name = "Testzaal " + Guid.NewGuid().ToString("N")[..6], CreatedAt = now };
            var local = start.ToAmsterdam();
            var activity = new Activity
            {
                Name = name, LocationId = location.Id, Recurrence = Recurrence.Once, FirstDate = DateOnly.FromDateTime(local),
                StartTime = TimeOnly.FromDateTime(local), EndTime = TimeOnly.FromDateTime(local).Add(TimeSpan.FromHours(2)),
                HostUserId = host, CreatedAt = now, UpdatedAt = now, PlannedUntil = DateOnly.FromDateTime(local),
            };
            var session = new Session
            {
                ActivityId = activity.Id, OccurrenceDate = activity.FirstDate, StartsAt = start, EndsAt = start.AddHours(2),
                LocationId = location.Id, CancelledAt = cancelled ? now : null, ClosedAt = closed ? now : null,
            };
            db.AddRange(location, activity, session);
            await db.SaveChangesAsync();
            return session.Id;
        });

}

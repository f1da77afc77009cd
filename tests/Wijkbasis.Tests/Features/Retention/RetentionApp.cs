using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Retention;

/// <summary>Old records put straight into the database, at a date relative to now, for the retention tests.</summary>
public static class RetentionApp
{
    public const string Settings = "/huiskamer/instellingen/bewaartermijnen";
    public const string Due = "/huiskamer/instellingen/bewaartermijnen/opschonen";

    public static DateTime Now => TimeProvider.System.UtcNow();

    /// <summary>A sent form's key, sent this long ago.</summary>
    public static Task<Guid> SentFormAsync(WijkbasisFactory app, TimeSpan ago, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, async db =>
        {
            var form = new Wijkbasis.Features.Shared.SentForm { Key = Guid.NewGuid(), SentAt = Now - ago, Result = "/" + enterprise };
            db.SentForms.Add(form);
            await db.SaveChangesAsync();
            return form.Key;
        });

    public static Task<bool> SentFormExistsAsync(WijkbasisFactory app, Guid key, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.SentForms.AnyAsync(f => f.Key == key));

    /// <summary>A session of a new activity that started <paramref name="ago"/> ago, with these people checked in and a
    /// note and two stories (one with consent for publication). Returns the session's id.</summary>
    public static Task<Guid> OldSessionAsync(WijkbasisFactory app, TimeSpan ago, IReadOnlyList<Guid> visitors, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, async db =>
        {
            var start = Now - ago;
            var local = start.ToAmsterdam();
            var location = new Location { Name = "Oude zaal " + Guid.NewGuid().ToString("N")[..6], CreatedAt = start };
            var activity = new Activity
            {
                Name = "Oude ochtend", LocationId = location.Id, Recurrence = Recurrence.Once, FirstDate = DateOnly.FromDateTime(local),
                StartTime = TimeOnly.FromDateTime(local), EndTime = TimeOnly.FromDateTime(local).Add(TimeSpan.FromHours(2)),
                CreatedAt = start, UpdatedAt = start, PlannedUntil = DateOnly.FromDateTime(local),
            };
            var session = new Session
            {
                ActivityId = activity.Id, OccurrenceDate = activity.FirstDate, StartsAt = start, EndsAt = start.AddHours(2),
                LocationId = location.Id, ClosedAt = start.AddHours(2), ClosedByName = "test",
            };
            db.AddRange(location, activity, session);
            foreach (var person in visitors)
            {
                db.CheckIns.Add(new CheckIn { SessionId = session.Id, PersonId = person, At = start, ByName = "test" });
            }
            db.LogEntries.Add(new LogEntry { SessionId = session.Id, Kind = LogEntryKind.Note, Text = "Oude notitie", At = start, ByName = "test" });
            db.LogEntries.Add(new LogEntry { SessionId = session.Id, Kind = LogEntryKind.Story, Text = "Oud verhaal zonder toestemming", At = start, ByName = "test" });
            db.LogEntries.Add(new LogEntry { SessionId = session.Id, Kind = LogEntryKind.Story, Text = "Oud verhaal met toestemming", ConsentToReport = true, At = start, ByName = "test" });
            db.HeadCounts.Add(new HeadCount { SessionId = session.Id, Adults = 2, At = start, ByName = "test" });
            await db.SaveChangesAsync();
            return session.Id;
        });

    /// <summary>New people with these birth years (null: unknown), for an old session's visitors.</summary>
    public static Task<List<Guid>> PeopleAsync(WijkbasisFactory app, params int?[] birthYears) =>
        app.InDbAsync("huiskamer", async db =>
        {
            var people = birthYears.Select(y => new Person
            {
                Name = "Bezoeker " + Guid.NewGuid().ToString("N")[..8], SearchName = "bezoeker", BirthYear = y, CreatedAt = Now, UpdatedAt = Now,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.Select(p => p.Id).ToList();
        });

    /// <summary>Everyone who came to a session: by name and counted.</summary>
    public static Task<(int Named, int Counted, int Children, int Adults, int Seniors)> VisitorsAsync(WijkbasisFactory app, Guid session) =>
        app.InDbAsync("huiskamer", async db =>
        {
            var named = await db.CheckIns.CountAsync(c => c.SessionId == session);
            var counts = await db.HeadCounts.Where(h => h.SessionId == session).ToListAsync();
            return (named, counts.Sum(c => c.Total), counts.Sum(c => c.Children), counts.Sum(c => c.Adults), counts.Sum(c => c.Seniors));
        });

    public static Task<List<string>> EntriesAsync(WijkbasisFactory app, Guid session) =>
        app.InDbAsync("huiskamer", db => db.LogEntries.Where(e => e.SessionId == session).Select(e => e.Text).ToListAsync());

    /// <summary>The purge rows written for a kind since <paramref name="since"/>.</summary>
    public static Task<List<string[]?>> PurgeRowsAsync(WijkbasisFactory app, string kind, DateTime since, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.AuditEntries.Where(a => a.EntityType == "Retention" && a.EntityId == kind && a.Action == "purge" && a.At >= since)
            .Select(a => a.EntityIds).ToListAsync());
}

/// <summary>Old and fresh room requests and invitations, for the job's round.</summary>
public static class RetentionRequests
{
    /// <summary>A request for a room from the public form, received (and, when <paramref name="decided"/>, decided) this long ago.</summary>
    public static Task<Guid> RoomRequestAsync(WijkbasisFactory app, TimeSpan ago, bool decided) => app.InDbAsync("huiskamer", async db =>
    {
        var at = RetentionApp.Now - ago;
        var room = await db.Rooms.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var request = new Wijkbasis.Features.Rooms.BookingRequest
        {
            RoomId = room, StartsAt = at.AddDays(14), EndsAt = at.AddDays(14).AddHours(2), Organisation = "Yogaclub", Purpose = "Yogales",
            ContactName = "Yara Yoga", ContactEmail = "yara@example.org", ReceivedAt = at,
            Status = decided ? Wijkbasis.Features.Rooms.RequestStatus.Declined : Wijkbasis.Features.Rooms.RequestStatus.Pending,
            DecidedAt = decided ? at.AddDays(1) : null, DecidedByName = decided ? "test" : null,
        };
        db.BookingRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    public static Task<bool> RoomRequestExistsAsync(WijkbasisFactory app, Guid id) =>
        app.InDbAsync("huiskamer", db => db.BookingRequests.AnyAsync(r => r.Id == id));

    /// <summary>An invitation made this long ago, valid 14 days, accepted or not.</summary>
    public static Task<Guid> InvitationAsync(WijkbasisFactory app, TimeSpan ago, bool accepted) => app.InDbAsync("huiskamer", async db =>
    {
        var at = RetentionApp.Now - ago;
        var invitation = new Wijkbasis.Data.Invitation
        {
            Email = $"{Guid.NewGuid():N}@example.org", Role = "Volunteer", TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = at,
            ExpiresAt = at.AddDays(14), AcceptedAt = accepted ? at.AddDays(1) : null, CreatedByUserId = Guid.Empty,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id;
    });

    public static Task<bool> InvitationExistsAsync(WijkbasisFactory app, Guid id) =>
        app.InDbAsync("huiskamer", db => db.Invitations.AnyAsync(i => i.Id == id));
}

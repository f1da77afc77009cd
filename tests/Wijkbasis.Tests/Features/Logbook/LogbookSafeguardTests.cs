using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Logbook;

/// <summary>The cases a review found: crafted posts, withdrawn consent, planning that races or rewrites history.</summary>
public sealed class LogbookSafeguardTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task AFormPostedWithoutItsPrefixIsValidatedAsEmptyNotSlippedThrough()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var person = await PostAsync(client, session, "NewPerson", new() { ["Name"] = "Zonder Voorvoegsel", ["BirthYear"] = "1850" });
        var story = await PostAsync(client, session, "Entry", new() { ["Text"] = new string('x', 5000) });
        var count = await PostAsync(client, session, "HeadCount", new() { ["Children"] = "10000" });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [person.StatusCode, story.StatusCode, count.StatusCode]);
        Assert.Empty(await FindAsync(app, "Zonder Voorvoegsel"));
        Assert.False(await app.InDbAsync("huiskamer", db => db.LogEntries.AnyAsync(e => e.SessionId == session)));
        Assert.False(await app.InDbAsync("huiskamer", db => db.HeadCounts.AnyAsync(h => h.SessionId == session)));
    }

    [Fact]
    public async Task SomeoneWhoWithdrewParticipationConsentIsNotCheckedIn()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 11);
        await app.InDbAsync("huiskamer", async db =>
        {
            db.Consents.Add(new ConsentRecord
            {
                PersonId = person, Purpose = ConsentPurpose.Participation, LegalBasis = LegalBasis.Consent, Given = false,
                RecordedAt = TimeProvider.System.UtcNow().AddSeconds(1), RecordedByName = "test",
            });
            return await db.SaveChangesAsync();
        });
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = person.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wil niet meer dat we het bezoek bijhouden", await AlertTextAsync(response));
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task AStoryCanOnlyBeLinkedToSomeoneWhoIsCheckedIn()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await PostAsync(client, session, "Entry", new()
        {
            ["Entry.Kind"] = "Story", ["Entry.Text"] = "Een verhaal", ["Entry.PersonId"] = (await PersonIdAsync(app, 12)).ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.InDbAsync("huiskamer", db => db.LogEntries.AnyAsync(e => e.SessionId == session)));
    }

    [Fact]
    public async Task ANewcomerWithTheSameNameAsSomeoneRegisteredIsAddedAfterConfirming()
    {
        var existing = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.ArchivedAt == null && p.BirthYear == null && p.Postcode == null).OrderBy(p => p.Name).ThenBy(p => p.Id).FirstOrDefaultAsync())
            ?? await app.InDbAsync("huiskamer", async db =>
            {
                var p = new Person { Name = "Mohammed", SearchName = "mohammed", CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow() };
                db.People.Add(p);
                await db.SaveChangesAsync();
                return p;
            });
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var form = new Dictionary<string, string> { ["NewPerson.Name"] = existing.Name, ["NewPerson.Consent"] = "true" };

        var first = await PostAsync(client, session, "NewPerson", new(form));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("vink aan dat het iemand anders is", await AlertTextAsync(first));
        Assert.NotNull((await HtmlClient.ParseAsync(first)).QuerySelector("input[name='NewPerson.SomeoneElse']"));

        form["NewPerson.SomeoneElse"] = "true";
        var second = await PostAsync(client, session, "NewPerson", form);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task LookingAtALogbookIsAuditedAsOneRowNamingEveryVisitorShown()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var (a, b) = (await PersonIdAsync(app, 13), await PersonIdAsync(app, 14));
        await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = a.ToString() });
        await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = b.ToString() });
        var before = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(x => x.EntityId == session.ToString() && x.Action == "view"));

        await client.GetPageAsync($"/huiskamer/sessies/{session}");

        var view = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(x => x.EntityId == session.ToString() && x.Action == "view")
            .OrderByDescending(x => x.Id).FirstAsync());
        Assert.Equal(before + 1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(x => x.EntityId == session.ToString() && x.Action == "view")));
        Assert.Equal(new[] { a, b }.Order(), view.PersonIds!);
    }

    [Fact]
    public async Task StoppingAnActivityKeepsASessionWhoseLogbookIsAlreadyInUse()
    {
        var session = await NewSessionAsync(app, startedAgo: TimeSpan.FromMinutes(-30));
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = (await PersonIdAsync(app, 15)).ToString() })).StatusCode);
        var activity = await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Id == session).Select(s => s.ActivityId).SingleAsync());

        var stop = await client.SubmitAsync($"/huiskamer/activiteiten/{activity}", new Dictionary<string, string> { ["Confirm"] = "true" }, "handler=Archive");

        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal(1, await CheckInsAsync(app, session));
        Assert.True(await app.InDbAsync("huiskamer", db => db.Sessions.AnyAsync(s => s.Id == session)));
    }

    [Fact]
    public async Task OpeningVandaagOnManyDevicesAtOncePlansOnceAndNeverFails()
    {
        await app.InDbAsync("huiskamer", db => db.Activities.Where(a => a.Recurrence != Recurrence.Once)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.PlannedUntil, (DateOnly?)null)));
        var horizon = TimeProvider.System.AmsterdamToday().AddDays(7 * SessionPlanner.WeeksAhead - 14);
        await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.OccurrenceDate > horizon && s.Activity!.Recurrence != Recurrence.Once).ExecuteDeleteAsync());
        var since = TimeProvider.System.UtcNow();
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.Http.GetAsync("/huiskamer/vandaag")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var duplicates = await app.InDbAsync("huiskamer", db => db.Sessions.GroupBy(s => new { s.ActivityId, s.OccurrenceDate }).CountAsync(g => g.Count() > 1));
        Assert.Equal(0, duplicates);
        // The system planned; the volunteer who opened the page did not change any activity.
        var actors = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.At >= since && (a.EntityType == "Activity" || a.EntityType == "Session") && a.Action != "view")
            .Select(a => a.UserName).Distinct().ToListAsync());
        Assert.Equal(["planner"], actors);
    }

    [Fact]
    public async Task EditingTheRuleAddsNoSessionsInThePastAndAnOldActivityCanStillBeEdited()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var location = await app.InDbAsync("huiskamer", db => db.Locations.OrderBy(l => l.Name).Select(l => l.Id).FirstAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Halfjaar Oud", ["Input.LocationId"] = location.ToString(), ["Input.Recurrence"] = "Weekly", ["Input.Day"] = "Tuesday",
            ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00", ["Input.FirstDate"] = TimeProvider.System.AmsterdamToday().AddMonths(-6).ToString("yyyy-MM-dd"),
            ["Input.IsPublic"] = "true",
        };
        await client.SubmitAsync("/huiskamer/activiteiten/nieuw", form);
        var id = await app.InDbAsync("huiskamer", db => db.Activities.Where(a => a.Name == "Halfjaar Oud").Select(a => a.Id).SingleAsync());
        var now = TimeProvider.System.UtcNow();
        var pastBefore = await app.InDbAsync("huiskamer", db => db.Sessions.CountAsync(s => s.ActivityId == id && s.StartsAt < now));
        // Make it older than a year, as the demo's activities are.
        var old = TimeProvider.System.AmsterdamToday().AddMonths(-14);
        await app.InDbAsync("huiskamer", db => db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.FirstDate, old)));
        form["Input.FirstDate"] = old.ToString("yyyy-MM-dd");
        form["Input.Day"] = "Thursday";

        var edit = await client.SubmitAsync($"/huiskamer/activiteiten/{id}/bewerken", form);

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(pastBefore, await app.InDbAsync("huiskamer", db => db.Sessions.CountAsync(s => s.ActivityId == id && s.StartsAt < now)));
        Assert.All(await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.ActivityId == id && s.StartsAt > now.AddHours(2)).ToListAsync()),
            s => Assert.Equal(DayOfWeek.Thursday, s.OccurrenceDate.DayOfWeek));
    }

    [Fact]
    public async Task ASessionCannotBeMovedFarIntoThePastOrFuture()
    {
        var session = await NewSessionAsync(app, startedAgo: TimeSpan.FromDays(-3));
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var location = await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Id == session).Select(s => s.LocationId).SingleAsync());
        // Within the years any date field accepts, the session's own rule speaks; beyond them the binder refuses first.
        foreach (var (date, message) in new[]
        {
            ("1990-01-01", "Kies een datum tussen een jaar geleden en twee jaar vooruit."), ("2150-12-31", "Kies een datum tussen een jaar geleden en twee jaar vooruit."),
            ("0001-01-01", "een datum in tussen 1-1-1900 en 31-12-2199"), ("9999-12-31", "een datum in tussen 1-1-1900 en 31-12-2199"),
        })
        {
            var response = await client.SubmitAsync($"/huiskamer/sessies/{session}/wijzigen", new Dictionary<string, string>
            {
                ["Move.Date"] = date, ["Move.StartTime"] = "10:00", ["Move.EndTime"] = "11:00", ["Move.LocationId"] = location.ToString(),
            }, "handler=Move");
            Assert.Contains(message, (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        }
        Assert.False(await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Id == session).Select(s => s.IsMoved).SingleAsync()));
    }

    [Fact]
    public void TheRepeatedAutumnHourIsReadAsSummerTimeAsCalendarAppsDo() =>
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), Clock.FromAmsterdam(new(2026, 10, 25), new TimeOnly(2, 30)));
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Activities;

/// <summary>History that can be entered and reached: activities back to ten years ago, back-filled records marked in
/// the audit, and every session of an activity in a paged, filtered list (docs/decisions/0014).</summary>
public sealed class HistoryTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string NewUrl = "/huiskamer/activiteiten/nieuw";

    private static DateOnly Today => TimeProvider.System.AmsterdamToday();

    private async Task<Dictionary<string, string>> FormAsync(string name, DateOnly first, string day = "Tuesday") => new()
    {
        ["Input.Name"] = name,
        ["Input.LocationId"] = (await app.InDbAsync("huiskamer", db => db.Locations.Where(l => l.ArchivedAt == null).OrderBy(l => l.Name).Select(l => l.Id).FirstAsync())).ToString(),
        ["Input.Recurrence"] = "Weekly",
        ["Input.Day"] = day,
        ["Input.StartTime"] = "10:00",
        ["Input.EndTime"] = "12:00",
        ["Input.FirstDate"] = first.ToString("yyyy-MM-dd"),
        ["Input.IsPublic"] = "true",
    };

    private Task<List<Session>> SessionsOfAsync(string name) =>
        app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Activity!.Name == name).OrderBy(s => s.OccurrenceDate).ToListAsync());

    private Task<string> AuditActionOfAsync(Guid id) =>
        app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).FirstAsync());

    [Fact]
    public async Task AnActivityBackFilledTwoYearsCreatesItsPastSessionsAndACheckInOnOneIsAuditedAsBackfill()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await client.SubmitAsync(NewUrl, await FormAsync("Buurtsoep Vroeger", Today.AddYears(-2)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sessions = await SessionsOfAsync("Buurtsoep Vroeger");
        Assert.InRange(sessions.Count(s => s.OccurrenceDate < Today), 103, 105);
        Assert.All(sessions, s => Assert.Equal(DayOfWeek.Tuesday, s.OccurrenceDate.DayOfWeek));
        // The planner's past sessions are marked as entered afterwards; the coming ones are plain creates.
        Assert.Equal("backfill", await AuditActionOfAsync(sessions[0].Id));
        Assert.Equal("create", await AuditActionOfAsync(sessions[^1].Id));

        var pastSession = sessions.First(s => s.OccurrenceDate >= Today.AddYears(-1));
        var person = await PersonIdAsync(app, 3);
        var checkIn = await PostAsync(client, pastSession.Id, "CheckIn", new() { ["PersonId"] = person.ToString() });
        var count = await PostAsync(client, pastSession.Id, "HeadCount", new() { ["Count.Adults"] = "4" });
        var story = await PostAsync(client, pastSession.Id, "Entry", new() { ["Entry.Kind"] = "Note", ["Entry.Text"] = "Veel nieuwe mensen" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (checkIn.StatusCode, count.StatusCode, story.StatusCode));
        var ids = await app.InDbAsync("huiskamer", async db => (
            await db.CheckIns.Where(c => c.SessionId == pastSession.Id).Select(c => c.Id).SingleAsync(),
            await db.HeadCounts.Where(c => c.SessionId == pastSession.Id).Select(c => c.Id).SingleAsync(),
            await db.LogEntries.Where(c => c.SessionId == pastSession.Id).Select(c => c.Id).SingleAsync()));
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.SingleAsync(a => a.EntityId == ids.Item1.ToString()));
        Assert.Equal(("CheckIn", "backfill", person, Coordinator), (audit.EntityType, audit.Action, audit.PersonId!.Value, audit.UserName));
        Assert.Equal("backfill", await AuditActionOfAsync(ids.Item2));
        Assert.Equal("backfill", await AuditActionOfAsync(ids.Item3));
        // The person's page shows the mark in Dutch in who saw or changed their data.
        Assert.Contains("achteraf ingevoerd", (await client.GetPageAsync($"/huiskamer/mensen/{person}")).QuerySelector("#inzagelijst")!.TextContent);
    }

    [Fact]
    public async Task ACheckInOnTodaysSessionIsAPlainCreate()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = (await PersonIdAsync(app, 4)).ToString() });

        var id = await app.InDbAsync("huiskamer", db => db.CheckIns.Where(c => c.SessionId == session).Select(c => c.Id).SingleAsync());
        Assert.Equal("create", await AuditActionOfAsync(id));
    }

    [Theory]
    [InlineData(-10, -1, "De eerste datum mag hoogstens 10 jaar geleden zijn")]
    [InlineData(2, 1, "De eerste datum ligt te ver vooruit (meer dan twee jaar).")]
    public async Task AFirstDateBeyondTheRangeIsRefusedInDutch(int years, int days, string message)
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var name = "Te ver " + Guid.NewGuid().ToString("N")[..8];

        var response = await client.SubmitAsync(NewUrl, await FormAsync(name, Today.AddYears(years).AddDays(days)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await TestForms.ErrorsAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.Activities.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task MovingTheFirstDateOfAnActivityBackAddsTheSessionsBeforeIt()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var created = await client.SubmitAsync(NewUrl, await FormAsync("Later Begonnen", Today.AddDays(-14), "Wednesday"));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var before = await SessionsOfAsync("Later Begonnen");

        var edit = await client.SubmitAsync($"/huiskamer/activiteiten/{id}/bewerken", await FormAsync("Later Begonnen", Today.AddDays(-14).AddYears(-1), "Wednesday"));

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var after = await SessionsOfAsync("Later Begonnen");
        Assert.InRange(after.Count - before.Count, 51, 53);
        Assert.All(before, s => Assert.Contains(after, a => a.Id == s.Id));
        Assert.Equal("backfill", await AuditActionOfAsync(after[0].Id));
    }

    [Fact]
    public async Task EverySessionIsListedNewestFirstTwentyFiveAPageWithItsCounts()
    {
        var series = await HistoryData.PastWeeklyAsync(app, 30, "Dertig Keer");
        await HistoryData.CheckInAsync(app, await PersonIdAsync(app, 5), [series.SessionIds[^1]]);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/activiteiten/{series.ActivityId}/sessies";

        var first = await client.GetPageAsync(url);
        var rows = first.QuerySelectorAll("#sessies tbody tr").ToList();
        Assert.Equal(25, rows.Count);
        Assert.Equal(series.SessionIds[^1].ToString(), rows[0].GetAttribute("data-session"));
        Assert.Equal("1", rows[0].QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Contains("nog niet ingevuld", rows[1].TextContent);
        Assert.Contains("30 sessies", first.QuerySelector("#aantal")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;

        var second = await client.GetPageAsync(url + next);
        var rest = second.QuerySelectorAll("#sessies tbody tr").ToList();
        Assert.Equal(5, rest.Count);
        Assert.Equal(series.SessionIds[0].ToString(), rest[^1].GetAttribute("data-session"));
        Assert.Contains("Pagina 2 van 2", second.QuerySelector(".wb-pager")!.TextContent);
        // Each row links to its logbook.
        Assert.EndsWith($"/huiskamer/sessies/{series.SessionIds[0]}", rest[^1].QuerySelector("a")!.GetAttribute("href"));
        // The activity page links to the whole list.
        Assert.Contains("(30)", (await client.GetPageAsync($"/huiskamer/activiteiten/{series.ActivityId}")).QuerySelector("#alle-sessies")!.TextContent);
    }

    [Fact]
    public async Task TheListIsFilteredByPeriodAndLocationAndThePageKeepsTheFilter()
    {
        var series = await HistoryData.PastWeeklyAsync(app, 30, "Twee Plekken");
        var other = await app.InDbAsync("huiskamer", async db =>
        {
            var location = new Location { Name = "Andere zaal " + Guid.NewGuid().ToString("N")[..4], CreatedAt = TimeProvider.System.UtcNow() };
            db.Locations.Add(location);
            foreach (var s in await db.Sessions.Where(s => series.SessionIds.Take(3).Contains(s.Id)).ToListAsync())
            {
                s.LocationId = location.Id;
            }
            await db.SaveChangesAsync();
            return location.Id;
        });
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/activiteiten/{series.ActivityId}/sessies";

        var atOther = await client.GetPageAsync($"{url}?locatie={other}");
        Assert.Equal(3, atOther.QuerySelectorAll("#sessies tbody tr").Length);

        var from = DateOnly.FromDateTime(series.Starts[0].ToAmsterdam());
        var period = await client.GetPageAsync($"{url}?van={from:yyyy-MM-dd}&tot={from.AddDays(7 * 3):yyyy-MM-dd}");
        Assert.Equal(4, period.QuerySelectorAll("#sessies tbody tr").Length);

        var firstPage = await client.GetPageAsync($"{url}?locatie={series.LocationId}");
        Assert.Contains("27 sessies", firstPage.QuerySelector("#aantal")!.TextContent);
        Assert.Contains($"locatie={series.LocationId}", firstPage.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var none = await client.GetPageAsync($"{url}?van={Today.AddDays(1):yyyy-MM-dd}");
        Assert.Contains("Geen sessies in deze periode", none.QuerySelector("[role=status]")!.TextContent);
    }

    [Theory]
    [InlineData("van=2026-03-10&tot=2026-03-01", "ligt voor de datum bij")]
    [InlineData("van=gisteren", "")]
    [InlineData("van=1990-01-01", "Kies een datum tussen")]
    [InlineData("locatie=00000000-0000-0000-0000-000000000001", "Kies een locatie uit de lijst.")]
    public async Task AnUnreadableOrOutOfRangeFilterIsRefusedInDutch(string query, string message)
    {
        var series = await HistoryData.PastWeeklyAsync(app, 2, "Filter Fout");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await client.Http.GetAsync($"/huiskamer/activiteiten/{series.ActivityId}/sessies?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await TestForms.ErrorsAsync(response);
        Assert.NotEmpty(errors);
        Assert.Contains(message, errors);
        Assert.Empty((await HtmlClient.ParseAsync(response)).QuerySelectorAll("#sessies"));
    }

    [Fact]
    public async Task AnotherEnterprisesActivityAnswers404AndAVolunteerMayNotOpenTheList()
    {
        var theirs = await HistoryData.PastWeeklyAsync(app, 2, "Van Hen", "groene-spijker");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/activiteiten/{theirs.ActivityId}/sessies")).StatusCode);

        var ours = await HistoryData.PastWeeklyAsync(app, 2, "Van Ons");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"/huiskamer/activiteiten/{ours.ActivityId}/sessies"))).StatusCode);
    }
}

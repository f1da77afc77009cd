using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Logbook;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Logbook;

/// <summary>Head counts, stories and notes, closing the log and corrections afterwards, and who may keep a logbook.</summary>
public sealed class LogbookTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static Dictionary<string, string> Count(string children = "", string teens = "", string adults = "", string seniors = "") => new()
    {
        ["Count.Children"] = children, ["Count.Teens"] = teens, ["Count.Adults"] = adults, ["Count.Seniors"] = seniors,
    };

    [Fact]
    public async Task AHeadCountOfFourChildrenIsStoredWithoutNames()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "HeadCount", Count(children: "4", seniors: "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var count = await app.InDbAsync("huiskamer", db => db.HeadCounts.SingleAsync(h => h.SessionId == session));
        Assert.Equal((4, 0, 0, 1), (count.Children, count.Teens, count.Adults, count.Seniors));
        var page = await client.GetPageAsync($"/huiskamer/sessies/{session}");
        Assert.Contains("5 geteld zonder registratie", page.QuerySelector("#totaal")!.TextContent);
    }

    [Theory]
    [InlineData("-1", "", "Vul bij 0–12 jaar een aantal in van 0 tot en met 500.")]
    [InlineData("10000", "", "Vul bij 0–12 jaar een aantal in van 0 tot en met 500.")]
    [InlineData("", "", "Vul bij minstens één leeftijdsgroep een aantal in.")]
    [InlineData("0", "veel", "Vul bij 13–17 jaar een geldige waarde in")]
    public async Task AnImpossibleHeadCountIsRefusedAndNothingIsSaved(string children, string teens, string message)
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "HeadCount", Count(children, teens));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await AlertTextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.HeadCounts.AnyAsync(h => h.SessionId == session)));
    }

    [Fact]
    public async Task AStoryKeepsWhetherThePersonConsentedToItsUseInReports()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 4);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = person.ToString() });

        var response = await PostAsync(client, session, "Entry", new()
        {
            ["Entry.Kind"] = "Story", ["Entry.Text"] = "Mijn dochter wilde naar binnen, nu kom ik zelf.", ["Entry.PersonId"] = person.ToString(),
            ["Entry.ConsentToReport"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var story = await app.InDbAsync("huiskamer", db => db.LogEntries.SingleAsync(e => e.SessionId == session));
        Assert.Equal((LogEntryKind.Story, true, person), (story.Kind, story.ConsentToReport, story.PersonId!.Value));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == story.Id.ToString() && a.PersonId == person)));
    }

    [Theory]
    [InlineData(1001, "Een verhaal of notitie mag maximaal 1000 tekens lang zijn.")]
    [InlineData(0, "Schrijf eerst iets op.")]
    public async Task AStoryOverTheLengthLimitOrEmptyIsRefused(int length, string message)
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(client, session, "Entry", new() { ["Entry.Kind"] = "Story", ["Entry.Text"] = new string('x', length) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await AlertTextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.LogEntries.AnyAsync(e => e.SessionId == session)));
    }

    [Fact]
    public async Task AVolunteerKeepsTheLogbookOfASessionTheyHostButNotOfAnother()
    {
        var mine = await NewSessionAsync(app, hostEmail: Volunteer);
        var notMine = await NewSessionAsync(app, hostEmail: Coordinator);
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var person = await PersonIdAsync(app, 5);
        // A volunteer sees only their own people (docs/decisions/0024): this one came to an activity they host before.
        var earlier = await NewSessionAsync(app, hostEmail: Volunteer, startedAgo: TimeSpan.FromDays(7));
        await app.InDbAsync("huiskamer", async db =>
        {
            db.CheckIns.Add(new Wijkbasis.Features.Logbook.CheckIn { SessionId = earlier, PersonId = person, At = TimeProvider.System.GetUtcNow().UtcDateTime, ByName = "test" });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, mine, "CheckIn", new() { ["PersonId"] = person.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/huiskamer/sessies/{notMine}")).StatusCode);
        var token = await TokenAsync(client, $"/huiskamer/sessies/{mine}");
        var post = await client.PostRawAsync($"/huiskamer/sessies/{notMine}?handler=CheckIn",
            new Dictionary<string, string> { ["PersonId"] = person.ToString(), ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await CheckInsAsync(app, notMine));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == notMine.ToString() && a.Outcome == "denied")));
    }

    [Fact]
    public async Task AfterClosingOnlyTheCoordinatorCorrectsAndTheCorrectionIsAudited()
    {
        var session = await NewSessionAsync(app, hostEmail: Volunteer);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var close = await PostAsync(volunteer, session, "Close", []);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.NotNull(await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Id == session).Select(s => s.ClosedAt).SingleAsync()));

        var late = await PostAsync(volunteer, session, "CheckIn", new() { ["PersonId"] = (await PersonIdAsync(app, 6)).ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Vraag de coördinator om een correctie", (await HtmlClient.ParseAsync(late)).Body!.TextContent);
        Assert.Equal(0, await CheckInsAsync(app, session));

        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var person = await PersonIdAsync(app, 6);
        var correction = await PostAsync(coordinator, session, "CheckIn", new() { ["PersonId"] = person.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, correction.StatusCode);
        Assert.Equal(1, await CheckInsAsync(app, session));
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.SingleAsync(a => a.EntityId == session.ToString() && a.Action == "correct"));
        Assert.Equal((Coordinator, person), (audit.UserName, audit.PersonId!.Value));
    }

    [Fact]
    public async Task AFutureSessionCannotBeClosed()
    {
        var session = await NewSessionAsync(app, startedAgo: TimeSpan.FromDays(-2));
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await PostAsync(client, session, "Close", []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Een sessie die nog moet beginnen, kunt u nog niet afsluiten.", await AlertTextAsync(response));
        Assert.Null(await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Id == session).Select(s => s.ClosedAt).SingleAsync()));
    }
}

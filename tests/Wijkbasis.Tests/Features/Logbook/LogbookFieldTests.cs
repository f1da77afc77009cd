using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Logbook;

/// <summary>The logbook at the door (issue 19): the partial answers for the page's script, the regulars, the
/// steppers, closing with a summary, the coming sessions on Vandaag and the week of sessions.</summary>
public sealed class LogbookFieldTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static Dictionary<string, string> Person(Guid id) => new() { ["PersonId"] = id.ToString() };

    /// <summary>Posts a handler as the page's script does: the same form and token, plus the live header.</summary>
    private static async Task<HttpResponseMessage> LivePostAsync(HtmlClient client, Guid session, string handler, Dictionary<string, string> values,
        string enterprise = "huiskamer", string? tokenFrom = null)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(tokenFrom ?? $"/{enterprise}/sessies/{session}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{enterprise}/sessies/{session}?handler={handler}") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add(SessionModel.LiveHeader, "1");
        return await client.Http.SendAsync(request);
    }

    private Task<string> NameAsync(Guid person) =>
        app.InDbAsync("huiskamer", db => db.People.Where(p => p.Id == person).Select(p => p.Name).SingleAsync());

    [Fact]
    public async Task ALiveCheckInAnswersWithTheChangedPartsOfThePageAndASecondTapDoesTheWorkOnce()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 3);
        var name = await NameAsync(person);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await LivePostAsync(client, session, "CheckIn", Person(person));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var part = await HtmlClient.ParseAsync(response);
        Assert.Contains(name, part.QuerySelector("#aangemeld")!.TextContent);
        Assert.Contains($"{name} is aangemeld", part.QuerySelector("#meldingen")!.TextContent);
        Assert.Contains("1 aangemeld", part.QuerySelector("#totaal")!.TextContent);
        // The message was shown in the part: it does not come back on the next full page.
        Assert.DoesNotContain("is aangemeld.", (await client.GetPageAsync($"/huiskamer/sessies/{session}")).Body!.TextContent);

        var again = await LivePostAsync(client, session, "CheckIn", Person(person));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("is al aangemeld voor deze sessie", (await HtmlClient.ParseAsync(again)).QuerySelector("#meldingen [role=alert]")!.TextContent);
        Assert.Equal(1, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task ALiveCheckInWithoutTheAntiforgeryTokenIsRefusedAndSavesNothing()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/huiskamer/sessies/{session}?handler=CheckIn")
        {
            Content = new FormUrlEncodedContent(Person(await PersonIdAsync(app, 2))),
        };
        request.Headers.Add(SessionModel.LiveHeader, "1");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task AVolunteerCannotUseTheLivePartsOfASessionTheyDoNotHost()
    {
        var session = await NewSessionAsync(app, hostEmail: Coordinator);
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await LivePostAsync(client, session, "CheckIn", Person(await PersonIdAsync(app, 2)), tokenFrom: "/huiskamer/vandaag");
        var step = await LivePostAsync(client, session, "Step", new() { ["Step.Band"] = "Children", ["Step.Delta"] = "1" }, tokenFrom: "/huiskamer/vandaag");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task AnotherEnterpriseGetsNotFoundFromTheLivePartsAndTheWeekAndSeesNoneOfIt()
    {
        var session = await NewSessionAsync(app, name: "Alleen de huiskamer deze week");
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);

        var viaTheirs = await LivePostAsync(client, session, "CheckIn", Person(await PersonIdAsync(app, 2)), enterprise: "groene-spijker", tokenFrom: "/groene-spijker/vandaag");
        var search = await client.Http.GetAsync($"/groene-spijker/sessies/{session}?handler=Search&q=a");
        var week = await client.Http.GetAsync("/huiskamer/week");
        var theirWeek = (await client.GetPageAsync("/groene-spijker/week")).Body!.TextContent;

        Assert.Equal(HttpStatusCode.NotFound, viaTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, week.StatusCode);
        Assert.DoesNotContain("Alleen de huiskamer deze week", theirWeek);
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task TheRegularsAreWhoCameToAtLeastHalfOfTheLastSixSessionsAndAreCheckedInWithOneTap()
    {
        var a = await PersonIdAsync(app, 20);
        var b = await PersonIdAsync(app, 21);
        var c = await PersonIdAsync(app, 22);
        var d = await PersonIdAsync(app, 23);
        // Seven earlier weekly sessions (1 = last week … 7 = seven weeks ago) and one now.
        var session = await app.InDbAsync("huiskamer", async db =>
        {
            var now = TimeProvider.System.UtcNow();
            var location = new Location { Name = "Vaste zaal " + Guid.NewGuid().ToString("N")[..6], CreatedAt = now };
            var today = TimeProvider.System.AmsterdamToday();
            var activity = new Activity
            {
                Name = "Vaste ochtend", LocationId = location.Id, Recurrence = Recurrence.Weekly, Day = today.DayOfWeek,
                FirstDate = today.AddDays(-49), StartTime = new(0, 0), EndTime = new(23, 59), CreatedAt = now, UpdatedAt = now, PlannedUntil = today,
            };
            db.AddRange(location, activity);
            var sessions = Enumerable.Range(0, 8).Select(k => new Session
            {
                ActivityId = activity.Id, OccurrenceDate = today.AddDays(-7 * k), StartsAt = now.AddDays(-7 * k).AddMinutes(-30),
                EndsAt = now.AddDays(-7 * k).AddHours(1), LocationId = location.Id,
            }).ToList();
            db.Sessions.AddRange(sessions);
            void Came(Guid person, params int[] weeksAgo)
            {
                foreach (var k in weeksAgo)
                {
                    db.CheckIns.Add(new CheckIn { SessionId = sessions[k].Id, PersonId = person, At = sessions[k].StartsAt, ByName = "test" });
                }
            }
            Came(a, 1, 2, 3);     // half of the last six: a regular
            Came(b, 1, 2);        // a third: not
            Came(c, 7, 1, 2);     // the seventh is too long ago: not
            Came(d, 4, 5, 6, 0);  // a regular, already here today
            await db.SaveChangesAsync();
            return sessions[0].Id;
        });
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var page = await client.GetPageAsync($"/huiskamer/sessies/{session}");

        var regulars = page.QuerySelector("#vaste")!;
        Assert.Equal([a.ToString()], regulars.QuerySelectorAll("input[name=PersonId]").Select(i => i.GetAttribute("value")!));
        Assert.Contains(await NameAsync(d), regulars.TextContent);
        Assert.DoesNotContain(await NameAsync(b), regulars.TextContent);
        Assert.DoesNotContain(await NameAsync(c), regulars.TextContent);

        var tapped = await LivePostAsync(client, session, "CheckIn", Person(a));

        Assert.Equal(HttpStatusCode.OK, tapped.StatusCode);
        Assert.Empty((await HtmlClient.ParseAsync(tapped)).QuerySelectorAll("#vaste input[name=PersonId]"));
        Assert.Equal(2, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task TheSteppersAddAndTakeAwayOneWalkInAtATime()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        Dictionary<string, string> Step(string band, string delta) => new() { ["Step.Band"] = band, ["Step.Delta"] = delta };

        Assert.Equal(HttpStatusCode.OK, (await LivePostAsync(client, session, "Step", Step("Children", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LivePostAsync(client, session, "Step", Step("Children", "1"))).StatusCode);
        var less = await LivePostAsync(client, session, "Step", Step("Children", "-1"));
        // Without script: the same stepper as a plain form, answered with a redirect.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, session, "Step", Step("Seniors", "1"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, less.StatusCode);
        var part = await HtmlClient.ParseAsync(less);
        Assert.Contains("0–12 jaar: 1.", part.QuerySelector("#meldingen")!.TextContent);
        Assert.Equal("1", part.QuerySelector("#telling output")!.TextContent.Trim());
        var (children, seniors) = await app.InDbAsync("huiskamer", async db => (
            await db.HeadCounts.Where(h => h.SessionId == session).SumAsync(h => h.Children),
            await db.HeadCounts.Where(h => h.SessionId == session).SumAsync(h => h.Seniors)));
        Assert.Equal((1, 1), (children, seniors));

        var nobody = await LivePostAsync(client, session, "Step", Step("Teens", "-1"));
        var unreadable = await LivePostAsync(client, session, "Step", Step("7", "1"));
        var tooMany = await LivePostAsync(client, session, "Step", Step("Adults", "5"));

        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("Bij 13–17 jaar is nog niemand geteld", (await HtmlClient.ParseAsync(nobody)).QuerySelector("#meldingen")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(2, await app.InDbAsync("huiskamer", db => db.HeadCounts.Where(h => h.SessionId == session).SumAsync(h => h.Children + h.Teens + h.Adults + h.Seniors)));
    }

    [Fact]
    public async Task ClosingShowsASummaryToConfirmFirst()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(client, session, "CheckIn", Person(await PersonIdAsync(app, 5)));
        await PostAsync(client, session, "Step", new() { ["Step.Band"] = "Children", ["Step.Delta"] = "1" });

        var page = await client.GetPageAsync($"/huiskamer/sessies/{session}?handler=Close");

        var summary = page.QuerySelector("#afsluiten")!.TextContent;
        Assert.Contains("1 mensen aangemeld", summary);
        Assert.Contains("1 kinderen", summary);
        Assert.Contains("Ja, afsluiten", summary);
        Assert.Null(await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Id == session).Select(s => s.ClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task VandaagLinksTheComingSessionsSoAVolunteerOpensTheLogbookToPrepare()
    {
        var coming = await NewSessionAsync(app, hostEmail: Volunteer, startedAgo: TimeSpan.FromDays(-2), name: "Komende ochtend");
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);

        var today = await client.GetPageAsync("/huiskamer/vandaag");

        var link = today.QuerySelectorAll("a").Single(l => l.TextContent.Contains("Komende ochtend"));
        Assert.Equal($"/huiskamer/sessies/{coming}", link.GetAttribute("href"));
        var logbook = await client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("Het logboek gaat een uur voor de start open", logbook.Body!.TextContent);
    }

    [Fact]
    public async Task TheWeekShowsEachSessionAsALinkToItsLogbookAndMovesByWeek()
    {
        var session = await NewSessionAsync(app, name: "Weekochtend");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var page = await client.GetPageAsync("/huiskamer/week");

        var today = TimeProvider.System.AmsterdamToday().ToString("yyyy-MM-dd");
        var day = page.QuerySelector($"#kalender [data-date='{today}']")!;
        Assert.Contains(day.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/huiskamer/sessies/{session}");
        Assert.Equal(7, page.QuerySelectorAll("#kalender > li").Length);
        var next = page.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var nextWeek = await client.GetPageAsync(next);
        Assert.DoesNotContain(nextWeek.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/huiskamer/sessies/{session}");
        Assert.Null(nextWeek.QuerySelector($"[data-date='{today}']"));
    }

    [Fact]
    public async Task AVolunteersWeekShowsOnlyTheSessionsTheyHost()
    {
        await NewSessionAsync(app, hostEmail: Volunteer, name: "Mijn weekochtend");
        await NewSessionAsync(app, hostEmail: Coordinator, name: "Andermans weekochtend");
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);

        var text = (await client.GetPageAsync("/huiskamer/week")).Body!.TextContent;

        Assert.Contains("Mijn weekochtend", text);
        Assert.DoesNotContain("Andermans weekochtend", text);
    }

    [Theory]
    [InlineData("geen-datum")]
    [InlineData("1800-01-01")]
    public async Task TheWeekRefusesADateItCannotUseAndShowsThisWeek(string date)
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await client.Http.GetAsync($"/huiskamer/week?datum={date}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#fouten"));
        Assert.NotNull(page.QuerySelector($"[data-date='{TimeProvider.System.AmsterdamToday():yyyy-MM-dd}']"));
    }
}

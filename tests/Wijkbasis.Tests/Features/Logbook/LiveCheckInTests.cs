using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Logbook;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Logbook;

/// <summary>The live check-in (issue 14) answers the page's own check-in address when the page's script posts it, without
/// the Razor Page. It must refuse exactly what the page refuses and write exactly what the page writes: each fact posts
/// the same check-in both ways, the page's form post and the live one.</summary>
public sealed class LiveCheckInTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Url(Guid session) => $"/huiskamer/sessies/{session}";

    /// <summary>The page's check-in form as the script sends it (header and all) or as a browser without script does.</summary>
    private static async Task<HttpResponseMessage> CheckInAsync(HtmlClient client, Guid session, Guid person, bool live, string? token = "page")
    {
        var url = Url(session);
        var values = new Dictionary<string, string> { ["PersonId"] = person.ToString() };
        if (token is not null)
        {
            values["__RequestVerificationToken"] = token == "page" ? await client.TokenAsync("/") : token;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "?handler=CheckIn") { Content = new FormUrlEncodedContent(values) };
        if (live)
        {
            request.Headers.Add(SessionModel.LiveHeader, "1");
            request.Headers.Add("Accept", "application/json, text/html");
        }
        return await client.Http.SendAsync(request);
    }

    private static async Task<LiveCheckIn.Answer> AnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<LiveCheckIn.Answer>())!;
    }

    private Task<List<Wijkbasis.Infrastructure.Audit.AuditEntry>> AuditAsync(string entityId) =>
        app.InDbAsync("huiskamer", db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task ALiveCheckInWritesTheSameCheckInAndAuditRowsAsTheFormPostAndAnswersWithItsMessage()
    {
        var byPage = await NewSessionAsync(app);
        var live = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 5);
        var name = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Id == person).Select(p => p.Name).SingleAsync());
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var pageAnswer = await CheckInAsync(client, byPage, person, live: false);
        var liveAnswer = await CheckInAsync(client, live, person, live: true);

        Assert.Equal(HttpStatusCode.Redirect, pageAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveAnswer.StatusCode);
        var answer = await AnswerAsync(liveAnswer);
        Assert.Equal($"{name} is aangemeld.", answer.Message);
        Assert.False(answer.Refused);
        var rows = await app.InDbAsync("huiskamer", db => db.CheckIns.AsNoTracking().Where(c => c.SessionId == byPage || c.SessionId == live).ToListAsync());
        var (pageRow, liveRow) = (rows.Single(r => r.SessionId == byPage), rows.Single(r => r.SessionId == live));
        Assert.Equal((pageRow.PersonId, pageRow.ByName, pageRow.TenantId), (liveRow.PersonId, liveRow.ByName, liveRow.TenantId));
        var pageAudit = Assert.Single(await AuditAsync(pageRow.Id.ToString()));
        var liveAudit = Assert.Single(await AuditAsync(liveRow.Id.ToString()));
        Assert.Equal(("CheckIn", "create", "success", person), (liveAudit.EntityType, liveAudit.Action, liveAudit.Outcome, liveAudit.PersonId!.Value));
        Assert.Equal((pageAudit.TenantId, pageAudit.UserId, pageAudit.UserName, pageAudit.Role, pageAudit.EntityType, pageAudit.Action, pageAudit.Outcome, pageAudit.PersonId),
            (liveAudit.TenantId, liveAudit.UserId, liveAudit.UserName, liveAudit.Role, liveAudit.EntityType, liveAudit.Action, liveAudit.Outcome, liveAudit.PersonId));

        // The script then fetches the changed parts of the page: who is shown there is a look, and logged.
        var parts = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, answer.Refresh) { Headers = { { SessionModel.LiveHeader, "1" } } });
        Assert.True(parts.StatusCode == HttpStatusCode.OK, $"{answer.Refresh}: {parts.StatusCode}");
        var html = await HtmlClient.ParseAsync(parts);
        Assert.Contains(name, html.QuerySelector("#aangemeld")!.TextContent);
        Assert.Contains("1 aangemeld", html.QuerySelector("#totaal")!.TextContent);
        Assert.Contains(await AuditAsync(live.ToString()), a => a.Action == "view" && a.PersonIds!.Contains(person));
    }

    [Fact]
    public async Task ACheckInOfAClosedLogbookByTheCoordinatorIsACorrectionOnBothPaths()
    {
        var byPage = await NewSessionAsync(app, closed: true);
        var live = await NewSessionAsync(app, closed: true);
        var person = await PersonIdAsync(app, 6);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        Assert.Equal(HttpStatusCode.Redirect, (await CheckInAsync(client, byPage, person, live: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CheckInAsync(client, live, person, live: true)).StatusCode);

        foreach (var session in new[] { byPage, live })
        {
            var correction = Assert.Single(await AuditAsync(session.ToString()), a => a.Action == "correct");
            Assert.Equal(person, correction.PersonId);
        }
    }

    [Fact]
    public async Task ARepeatIsAConflictAndStoresNothingMore()
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 7);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var audited = () => app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityType == "CheckIn" && a.PersonId == person));
        var before = await audited();
        await CheckInAsync(client, session, person, live: true);

        var again = await CheckInAsync(client, session, person, live: true);
        var againByPage = await CheckInAsync(client, session, person, live: false);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var answer = await AnswerAsync(again);
        Assert.True(answer.Refused);
        Assert.Contains("is al aangemeld voor deze sessie", answer.Message);
        Assert.Equal(HttpStatusCode.BadRequest, againByPage.StatusCode);
        Assert.Contains("is al aangemeld voor deze sessie", await AlertTextAsync(againByPage));
        var stored = await app.InDbAsync("huiskamer", db => db.CheckIns.SingleAsync(c => c.SessionId == session));
        Assert.Single(await AuditAsync(stored.Id.ToString()));
        // The refused inserts took their audit rows with them (on PostgreSQL the live save has no explicit transaction:
        // the batch is one).
        Assert.Equal(before + 1, await audited());
    }

    [Theory]
    [InlineData("cancelled", "Deze sessie is afgelast")]
    [InlineData("future", "Deze sessie is nog niet begonnen")]
    [InlineData("unknown person", "Deze persoon staat niet in het register.")]
    public async Task WhatThePageRefusesWithAMessageTheLiveCheckInRefusesWithTheSameMessage(string kind, string message)
    {
        var session = kind switch
        {
            "cancelled" => await NewSessionAsync(app, cancelled: true),
            "future" => await NewSessionAsync(app, startedAgo: TimeSpan.FromHours(-3)),
            _ => await NewSessionAsync(app),
        };
        var person = kind == "unknown person" ? await PersonIdAsync(app, 0, "groene-spijker") : await PersonIdAsync(app, 8);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var byPage = await CheckInAsync(client, session, person, live: false);
        var live = await CheckInAsync(client, session, person, live: true);

        Assert.Equal(HttpStatusCode.BadRequest, byPage.StatusCode);
        Assert.Contains(message, (await HtmlClient.ParseAsync(byPage)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, live.StatusCode);
        Assert.Contains(message, (await AnswerAsync(live)).Message);
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Fact]
    public async Task AnotherEnterprisesSessionIsNotFoundOnBothPathsAndTheAttemptIsAudited()
    {
        var theirs = await NewSessionAsync(app, "groene-spijker");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var byPage = await CheckInAsync(client, theirs, await PersonIdAsync(app), live: false);
        var live = await CheckInAsync(client, theirs, await PersonIdAsync(app), live: true);

        Assert.Equal(HttpStatusCode.NotFound, byPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode);
        Assert.Equal(0, await CheckInsAsync(app, theirs, "groene-spijker"));
        var attempts = (await AuditAsync(theirs.ToString())).Where(a => a.Outcome == "not-found").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal((attempts[0].EntityType, attempts[0].Action, attempts[0].UserName), (attempts[1].EntityType, attempts[1].Action, attempts[1].UserName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8-not-a-token")]
    [InlineData("another user's")]
    public async Task AMissingOrWrongAntiforgeryTokenIsRefusedOnBothPaths(string? token)
    {
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 9);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        if (token == "another user's")
        {
            token = await (await HtmlClient.LoggedInAsync(app, Wijkverbinder)).TokenAsync("/huiskamer/vandaag");
        }

        var byPage = await CheckInAsync(client, session, person, live: false, token);
        var live = await CheckInAsync(client, session, person, live: true, token);

        Assert.Equal(HttpStatusCode.BadRequest, byPage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, live.StatusCode);
        Assert.NotEqual("application/json", live.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CheckInsAsync(app, session));
    }

    [Theory]
    [InlineData(Approver, "Page", HttpStatusCode.Redirect)]
    [InlineData(Volunteer, "Session", HttpStatusCode.Forbidden)]
    public async Task AUserWhoDoesNotKeepThisLogbookIsForbiddenOnBothPathsAndTheAttemptIsAudited(string user, string auditedAs, HttpStatusCode forbidden)
    {
        // The budget approver has no logbook role at all (the policy refuses: to the access-denied page); the volunteer has, but does not host this session.
        var session = await NewSessionAsync(app);
        var person = await PersonIdAsync(app, 10);
        var client = await HtmlClient.LoggedInAsync(app, user);
        var before = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.Outcome == "denied" && a.EntityType == auditedAs));

        var byPage = await CheckInAsync(client, session, person, live: false);
        var live = await CheckInAsync(client, session, person, live: true);

        Assert.Equal(forbidden, byPage.StatusCode);
        Assert.Equal(forbidden, live.StatusCode);
        Assert.Equal(byPage.Headers.Location, live.Headers.Location);
        Assert.Equal(0, await CheckInsAsync(app, session));
        Assert.Equal(before + 2, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.Outcome == "denied" && a.EntityType == auditedAs)));
    }

    [Fact]
    public async Task TheScriptsHeadersOnAnyOtherFormStillReachThePage()
    {
        var session = await NewSessionAsync(app);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = Url(session);
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "?handler=HeadCount")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Count.Adults"] = "2", ["__RequestVerificationToken"] = await client.TokenAsync(url),
            }),
            Headers = { { SessionModel.LiveHeader, "1" }, { "Accept", "application/json, text/html" } },
        };

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 geteld zonder registratie", (await HtmlClient.ParseAsync(response)).QuerySelector("#totaal")!.TextContent);
    }
}

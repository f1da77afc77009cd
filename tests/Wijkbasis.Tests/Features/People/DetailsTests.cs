using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

public sealed class DetailsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task ViewingAPersonsPageWritesAnAuditRow()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await AnyPersonIdAsync(app, "huiskamer");
        var before = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "view"));

        await client.GetPageAsync($"/huiskamer/mensen/{id}");

        var views = await app.InDbAsync("huiskamer", db => db.AuditEntries
            .Where(a => a.EntityId == id.ToString() && a.Action == "view").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(before + 1, views.Count);
        Assert.Equal(Wijkverbinder, views[^1].UserName);
        Assert.Equal("Wijkverbinder", views[^1].Role);
        Assert.Equal(id, views[^1].PersonId);
    }

    [Fact]
    public async Task APersonOfAnotherEnterpriseAnswers404AndIsNotShown()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var theirs = await AnyPersonIdAsync(app, "groene-spijker");
        var response = await client.Http.GetAsync($"/huiskamer/mensen/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Niet gevonden", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.AuditEntries.CountAsync(a => a.EntityId == theirs.ToString() && a.Action == "view")));
        // The attempt is in the looker's own audit log, as not found.
        var attempt = await app.InDbAsync("huiskamer", db => db.AuditEntries.SingleAsync(a => a.EntityId == theirs.ToString()));
        Assert.Equal("not-found", attempt.Outcome);
        Assert.Equal(Coordinator, attempt.UserName);
    }

    [Fact]
    public async Task AUserOfAnotherEnterpriseGets404ForThatEnterprisesPage()
    {
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        var id = await AnyPersonIdAsync(app, "huiskamer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/mensen/{id}")).StatusCode);
    }

    [Fact]
    public async Task TheCoordinatorSeesWhoLookedAtAPerson()
    {
        var id = await AnyPersonIdAsync(app, "huiskamer");
        await (await HtmlClient.LoggedInAsync(app, Wijkverbinder)).GetPageAsync($"/huiskamer/mensen/{id}");
        var page = await (await HtmlClient.LoggedInAsync(app, Coordinator)).GetPageAsync($"/huiskamer/mensen/{id}");
        Assert.Contains($"{Wijkverbinder} · bekeken", page.QuerySelector("#inzagelijst")!.TextContent);
        var asWijkverbinder = await (await HtmlClient.LoggedInAsync(app, Wijkverbinder)).GetPageAsync($"/huiskamer/mensen/{id}");
        Assert.Null(asWijkverbinder.QuerySelector("#inzagelijst"));
    }

    [Fact]
    public async Task AVolunteerDoesNotOpenAPersonsRecord()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var id = await AnyPersonIdAsync(app, "huiskamer");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync($"/huiskamer/mensen/{id}"))).StatusCode);
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "view" && a.Outcome == "success" && a.UserName == Volunteer)));
    }

    [Fact]
    public async Task AnUnknownIdAnswers404()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/mensen/{Guid.NewGuid()}")).StatusCode);
    }
}

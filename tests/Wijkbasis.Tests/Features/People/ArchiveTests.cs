using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

public sealed class ArchiveTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task ArchivingAsksFirstHidesThePersonAndCanBeUndone()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Archie Ven", "6822 AB"));
        var id = Assert.Single(await FindAsync(app, "Archie Ven")).Id;

        var confirm = await client.GetPageAsync($"/huiskamer/mensen/{id}/archiveren");
        Assert.Contains("archiveren?", confirm.QuerySelector("h1")!.TextContent);
        Assert.Null((await FindAsync(app, "Archie Ven"))[0].ArchivedAt);

        await client.SubmitAsync($"/huiskamer/mensen/{id}/archiveren", new Dictionary<string, string>());
        Assert.NotNull((await FindAsync(app, "Archie Ven"))[0].ArchivedAt);
        Assert.Null((await client.GetPageAsync("/huiskamer/mensen?q=archie")).QuerySelector("table"));
        Assert.Contains("Archie Ven", (await client.GetPageAsync("/huiskamer/mensen?q=archie&archief=true")).QuerySelector("table")!.TextContent);

        var restore = await client.SubmitAsync($"/huiskamer/mensen/{id}", new Dictionary<string, string>(), formAction: "handler=restore");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Null((await FindAsync(app, "Archie Ven"))[0].ArchivedAt);
        var actions = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == "update").CountAsync());
        Assert.Equal(2, actions);
    }

    [Fact]
    public async Task AnotherEnterpriseCannotArchive()
    {
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        var id = await AnyPersonIdAsync(app, "huiskamer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/mensen/{id}/archiveren")).StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.Logbook;

public sealed class TodayTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task VandaagShowsTodaysSessionsWithLiveCounts()
    {
        var session = await NewSessionAsync(app, name: "Vandaagochtend");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(client, session, "CheckIn", new() { ["PersonId"] = (await PersonIdAsync(app, 7)).ToString() });
        await PostAsync(client, session, "HeadCount", new() { ["Count.Children"] = "3" });

        var page = await client.GetPageAsync("/huiskamer/vandaag");
        var card = page.QuerySelectorAll(".wb-session").Single(c => c.TextContent.Contains("Vandaagochtend"));
        Assert.Equal("1", card.QuerySelector("[data-count=checkIns]")!.TextContent);
        Assert.Equal("3", card.QuerySelector("[data-count=walkIns]")!.TextContent);

        var counts = JsonDocument.Parse(await client.Http.GetStringAsync("/huiskamer/vandaag?handler=Counts")).RootElement;
        Assert.Equal(1, counts.GetProperty(session.ToString()).GetProperty("checkIns").GetInt32());
        Assert.Equal(3, counts.GetProperty(session.ToString()).GetProperty("walkIns").GetInt32());
    }

    [Fact]
    public async Task AVolunteerSeesOnlyTheSessionsTheyHost()
    {
        await NewSessionAsync(app, hostEmail: Volunteer, name: "Mijn ochtend");
        await NewSessionAsync(app, hostEmail: Coordinator, name: "Andermans ochtend");
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);

        var text = (await client.GetPageAsync("/huiskamer/vandaag")).Body!.TextContent;

        Assert.Contains("Mijn ochtend", text);
        Assert.DoesNotContain("Andermans ochtend", text);
    }

    [Fact]
    public async Task AnotherEnterpriseSeesNoneOfThis()
    {
        await NewSessionAsync(app, name: "Alleen voor de huiskamer");
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/huiskamer/vandaag")).StatusCode);
        var theirs = (await client.GetPageAsync("/groene-spijker/vandaag")).Body!.TextContent;
        Assert.DoesNotContain("Alleen voor de huiskamer", theirs);
    }
}

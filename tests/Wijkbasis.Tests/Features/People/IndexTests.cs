using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

public sealed class IndexTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task FindsAPersonByPartOfTheNameIgnoringCaseAndAccents()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Zoë Zoekbaar", "6828 AA"));
        var page = await client.GetPageAsync("/huiskamer/mensen?q=zoe+zoek");
        Assert.Equal(["Zoë Zoekbaar"], Names(page));
    }

    [Fact]
    public async Task FindsPeopleByPostcodeWithOrWithoutSpace()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Postcode Paula", "6829 DE"));
        foreach (var q in new[] { "6829DE", "6829 de", "6829" })
        {
            var page = await client.GetPageAsync("/huiskamer/mensen?q=" + Uri.EscapeDataString(q));
            Assert.Contains("Postcode Paula", Names(page));
            Assert.All(page.QuerySelectorAll("tbody tr td:nth-child(3)"), td => Assert.StartsWith("6829", td.TextContent));
        }
    }

    [Fact]
    public async Task FiltersByBuurt()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Buurt Bettie", "6815 AA"));
        var page = await client.GetPageAsync("/huiskamer/mensen?buurt=BU02020801");
        Assert.Contains("Buurt Bettie", Names(page));
        Assert.All(page.QuerySelectorAll("tbody tr td:nth-child(4)"), td => Assert.Equal("Geitenkamp", td.TextContent.Trim()));
    }

    [Fact]
    public async Task ListsArePagedWithTwentyFivePerPage()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var total = await app.InDbAsync("huiskamer", db => db.People.CountAsync(p => p.ArchivedAt == null));
        Assert.True(total > 25, "the fixture has more than one page");
        var first = await client.GetPageAsync("/huiskamer/mensen");
        Assert.Equal(25, Names(first).Count);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetPageAsync("/huiskamer/mensen" + next);
        Assert.Empty(Names(first).Intersect(Names(second)));
    }

    [Fact]
    public async Task NoMatchesSaysWhatToTry()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await client.GetPageAsync("/huiskamer/mensen?q=xyzzy-niemand");
        Assert.Contains("Niemand gevonden", page.QuerySelector("main [role=status]")!.TextContent);
        Assert.Null(page.QuerySelector("table"));
    }

    [Fact]
    public async Task AVolunteerFindsNamesButNotWhyPeopleCameNorTheirRecord()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var page = await client.GetPageAsync("/huiskamer/mensen");
        Assert.Equal(25, page.QuerySelectorAll("tbody tr").Length);
        Assert.Empty(Names(page));
        Assert.DoesNotContain("Vrager / drager", page.QuerySelector("thead")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/huiskamer/mensen/nieuw']"));
    }

    [Fact]
    public async Task AnotherEnterpriseSeesNoneOfTheseNamesAndGets404OnThisList()
    {
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/huiskamer/mensen")).StatusCode);
        var own = await client.GetPageAsync("/groene-spijker/mensen?q=Zoekbaar");
        Assert.DoesNotContain("Zoë Zoekbaar", Names(own));
    }
}

public sealed class EmptyRegisterTests(EmptyRegisterTests.EmptyApp app) : IClassFixture<EmptyRegisterTests.EmptyApp>
{
    public sealed class EmptyApp : WijkbasisFactory
    {
        public override int People => 0;
    }

    [Fact]
    public async Task AnEmptyRegisterSaysWhatToDoNext()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await client.GetPageAsync("/huiskamer/mensen");
        Assert.Contains("Er staat nog niemand in het register", page.QuerySelector("main [role=status]")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/huiskamer/mensen/nieuw']"));
    }
}

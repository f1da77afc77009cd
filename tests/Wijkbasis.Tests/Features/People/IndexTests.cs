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
        var second = await client.GetPageAsync(next);
        Assert.Empty(Names(first).Intersect(Names(second)));
    }

    /// <summary>Adds people straight into an enterprise's register, named "{prefix} 01" and on.</summary>
    private Task<int> AddPeopleAsync(string enterprise, string prefix, int count, string? postcode = null, string? buurt = null) =>
        app.InDbAsync(enterprise, async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= count; i++)
            {
                var name = $"{prefix} {i:00}";
                db.People.Add(new Wijkbasis.Features.People.Person
                {
                    Name = name, SearchName = Wijkbasis.Features.People.SearchText.Normalize(name), Postcode = postcode, BuurtCode = buurt,
                    CreatedAt = now, UpdatedAt = now,
                });
            }
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task PageTwoShowsTheNextPeopleAndTheSearchSurvivesPaging()
    {
        await AddPeopleAsync("huiskamer", "Pagineer Pien", 30);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var first = await client.GetPageAsync("/huiskamer/mensen?q=pagineer+pien");
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Pagineer Pien {i:00}"), Names(first));
        Assert.Contains("30 gevonden", first.QuerySelector("#aantal")!.TextContent);
        Assert.Contains("Pagina 1 van 2", first.QuerySelector("nav.wb-pager")!.TextContent);
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.StartsWith("/huiskamer/mensen?", next);
        Assert.Contains("q=pagineer", next);

        var second = await client.GetPageAsync(next);
        Assert.Equal(Enumerable.Range(26, 5).Select(i => $"Pagineer Pien {i:00}"), Names(second));
        Assert.Contains("Pagina 2 van 2", second.QuerySelector("nav.wb-pager")!.TextContent);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        var back = await client.GetPageAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Names(first), Names(back));
    }

    [Fact]
    public async Task TheBuurtAndArchiveFiltersSurvivePaging()
    {
        await AddPeopleAsync("huiskamer", "Buurtpager Bas", 27, "6815 AA", "BU02020801");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var first = await client.GetPageAsync("/huiskamer/mensen?buurt=BU02020801&archief=true");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("buurt=BU02020801", next);
        Assert.Contains("archief=true", next);
        var second = await client.GetPageAsync(next);
        Assert.NotEmpty(Names(second));
        Assert.All(second.QuerySelectorAll("tbody tr td:nth-child(4)"), td => Assert.Equal("Geitenkamp", td.TextContent.Trim()));
        Assert.Equal("BU02020801", second.QuerySelector("#buurt option[selected]")!.GetAttribute("value"));
        Assert.True(second.QuerySelector("#archief")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task AnotherEnterprisesPeopleAppearOnNoPageOfTheList()
    {
        await AddPeopleAsync("groene-spijker", "Grensganger Gijs", 30);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Contains("Niemand gevonden", (await client.GetPageAsync("/huiskamer/mensen?q=grensganger")).QuerySelector("main [role=status]")!.TextContent);

        var seen = new List<string>();
        var url = "/huiskamer/mensen";
        for (var pages = 0; url is not null && pages < 200; pages++)
        {
            var page = await client.GetPageAsync(url);
            seen.AddRange(Names(page));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        var own = await app.InDbAsync("huiskamer", db => db.People.CountAsync(p => p.ArchivedAt == null));
        Assert.Equal(own, seen.Count);
        Assert.DoesNotContain(seen, n => n.StartsWith("Grensganger", StringComparison.Ordinal));
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

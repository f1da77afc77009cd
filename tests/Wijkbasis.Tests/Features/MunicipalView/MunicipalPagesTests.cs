using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.MunicipalView;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Tests.Infrastructure;
using static Wijkbasis.Testing.DemoUsers;
using Reach = Wijkbasis.Features.Impact.Indicators.Reach;

namespace Wijkbasis.Tests.Features.MunicipalView;

/// <summary>The analyst's pages: the figures are the cube's, the CSV holds exactly the page's cells, nobody else gets
/// in, the analyst gets nowhere near a person, and a parameter the page cannot read is refused.</summary>
public sealed class MunicipalPagesTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static int ThisYear => TimeProvider.System.AmsterdamToday().Year;

    private Task<Guid> ArnhemAsync() => app.InDbAsync(null, db => db.Municipalities.Where(m => m.Code == "GM0202").Select(m => m.Id).SingleAsync());

    private async Task<MunicipalCube> CubeAsync(Guid municipality, int year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>().LoadAsync(municipality, year, CancellationToken.None)).Ready;
    }

    private static string Url(string indicator, string view, string period, string? format = null) =>
        $"/gemeente/cijfers?indicator={indicator}&weergave={view}&periode={period}" + (format is null ? "" : "&format=" + format);

    private static List<List<string>> TableOf(AngleSharp.Html.Dom.IHtmlDocument page, string id) =>
        page.QuerySelectorAll($"#{id} tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();

    private static List<List<string>> CsvOf(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';').Select(c => c.Trim('"')).ToList()).ToList();
    }

    [Fact]
    public async Task TheAnalystSeesEveryIndicatorWithThisYearsTotalFromTheCube()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var page = await analyst.GetPageAsync("/gemeente");
        var cube = await CubeAsync(await ArnhemAsync(), ThisYear);
        var total = cube.UnitsOf(UnitKind.Total).Single();
        foreach (var indicator in IndicatorRegistry.All)
        {
            var item = page.QuerySelector($"[id='cijfer-{indicator.Id}']");
            Assert.NotNull(item);
            Assert.Equal(MunicipalTable.Text(indicator, cube.Cell(indicator, total, ImpactPeriod.Year(ThisYear))),
                item!.QuerySelector(".wb-figure")!.TextContent.Trim());
            Assert.NotNull(item.QuerySelector("details"));
        }
        Assert.Contains("Gemeente", (await analyst.GetPageAsync("/")).QuerySelectorAll("nav.wb-nav a").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData("ondernemingen", UnitKind.Enterprise)]
    [InlineData("wijken", UnitKind.Wijk)]
    [InlineData("buurten", UnitKind.Buurt)]
    public async Task EveryViewShowsTheCubesCellsAndItsCsvHoldsExactlyThePagesCells(string view, UnitKind kind)
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var cube = await CubeAsync(await ArnhemAsync(), ThisYear);
        var month = TimeProvider.System.AmsterdamToday().Month;
        foreach (var period in new[] { ImpactPeriod.Year(ThisYear), ImpactPeriod.Quarter(ThisYear, (month - 1) / 3 + 1), ImpactPeriod.Month(ThisYear, month) })
        {
            foreach (var id in new[] { Reach.Persons, Reach.ByAge, Reach.Returning })
            {
                var indicator = IndicatorRegistry.Get(id);
                var page = await analyst.GetPageAsync(Url(id, view, period.Key));
                var table = TableOf(page, "eenheden");
                var units = cube.UnitsOf(kind).ToList();
                Assert.Equal(units.Count + 2, table.Count);
                for (var i = 0; i < units.Count; i++)
                {
                    Assert.Equal(MunicipalTable.Text(indicator, cube.Cell(indicator, units[i], period)), table[i + 1][1]);
                    for (var p = 0; p < indicator.Parts.Count; p++)
                    {
                        Assert.Equal(MunicipalTable.Text(indicator, cube.Cell(indicator, units[i], period, indicator.Parts[p].Key)), table[i + 1][3 + p]);
                    }
                }
                Assert.Equal(MunicipalTable.Text(indicator, cube.Cell(indicator, cube.UnitsOf(UnitKind.Total).Single(), period)), table[^1][1]);

                var csv = await analyst.Http.GetAsync(Url(id, view, period.Key, "csv"));
                Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
                Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
                Assert.Equal(table, CsvOf(await csv.Content.ReadAsByteArrayAsync()));

                var trend = await analyst.Http.GetAsync(Url(id, view, period.Key, "trend-csv"));
                Assert.Equal(TableOf(page, "trend"), CsvOf(await trend.Content.ReadAsByteArrayAsync()));
            }
        }
    }

    [Fact]
    public async Task AHiddenCellShowsTheSameMarkOnThePageAndInTheCsvWithTheLegend()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var cube = await CubeAsync(await ArnhemAsync(), ThisYear);
        // The demo's buurten are small: some buurt in some month is hidden.
        var hidden = (from indicator in new[] { IndicatorRegistry.Get(Reach.Persons) }
                      from t in Enumerable.Range(0, MunicipalCube.Times)
                      let period = MunicipalCube.PeriodOf(ThisYear, t)
                      from unit in cube.UnitsOf(UnitKind.Buurt)
                      where cube.Cell(indicator, unit, period).State != CellState.Shown
                      select (unit, period)).First();
        var page = await analyst.GetPageAsync(Url(Reach.Persons, "buurten", hidden.period.Key));
        Assert.Contains(TableOf(page, "eenheden"), row => row[0] == hidden.unit.Name && row[1] == MunicipalTable.Hidden);
        Assert.Contains(MunicipalTable.Hidden, page.QuerySelector("#legenda")!.TextContent);
        var csv = CsvOf(await (await analyst.Http.GetAsync(Url(Reach.Persons, "buurten", hidden.period.Key, "csv"))).Content.ReadAsByteArrayAsync());
        Assert.Contains(csv, row => row[0] == hidden.unit.Name && row[1] == MunicipalTable.Hidden);
    }

    [Fact]
    public async Task ThePreviousPeriodOfJanuaryIsDecemberOfTheYearBeforeFromThatYearsCube()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var arnhem = await ArnhemAsync();
        var before = await CubeAsync(arnhem, ThisYear - 1);
        var indicator = IndicatorRegistry.Get(Reach.Persons);
        var page = await analyst.GetPageAsync(Url(Reach.Persons, "ondernemingen", $"{ThisYear}-01"));
        var table = TableOf(page, "eenheden");
        Assert.Contains(ImpactPeriod.Month(ThisYear - 1, 12).Label, table[0][2]);
        Assert.Equal(MunicipalTable.Text(indicator, before.Cell(indicator, before.UnitsOf(UnitKind.Total).Single(), ImpactPeriod.Month(ThisYear - 1, 12))), table[^1][2]);
        Assert.NotNull(page.QuerySelector("svg.wb-chart"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#samenvatting")!.TextContent));
    }

    [Fact]
    public async Task AnEnglishAnalystReadsTheMonthsInEnglish()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        await analyst.SubmitAsync("/gemeente", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/gemeente" }, formAction: "/taal");

        var page = await analyst.GetPageAsync(Url(Reach.Persons, "ondernemingen", $"{ThisYear}-01"));

        Assert.Contains($"December {ThisYear - 1}", TableOf(page, "eenheden")[0][2]);
        Assert.Contains($"January {ThisYear}", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("januari", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("indicator=bestaat-niet&weergave=ondernemingen&periode=2026")]
    [InlineData("weergave=ondernemingen&periode=2026")]
    [InlineData("indicator=reach.persons&weergave=personen&periode=2026")]
    [InlineData("indicator=reach.persons&weergave=ondernemingen&periode=2026-01-01..2026-03-31")]
    [InlineData("indicator=reach.persons&weergave=ondernemingen&periode=1999")]
    [InlineData("indicator=reach.persons&weergave=ondernemingen&periode=2099")]
    [InlineData("indicator=reach.persons&weergave=ondernemingen&periode=gisteren")]
    [InlineData("indicator=reach.persons&weergave=ondernemingen&periode=2026-13")]
    [InlineData("indicator=reach.persons&weergave=ondernemingen&periode=2026&format=pdf")]
    public async Task AParameterThePageCannotReadIsRefusedNeverDefaulted(string query)
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        query = query.Replace("reach.persons", Reach.Persons, StringComparison.Ordinal);
        var response = await analyst.Http.GetAsync("/gemeente/cijfers?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#fouten"));
        Assert.Null(page.QuerySelector("#eenheden"));
    }

    [Fact]
    public async Task AYearThreeYearsBackCanBeChosenAndFourYearsBackCannot()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Http.GetAsync(Url(Reach.Persons, "wijken", $"{ThisYear - 3}-Q4"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.Http.GetAsync(Url(Reach.Persons, "wijken", $"{ThisYear - 4}-Q4"))).StatusCode);
    }

    [Theory]
    [InlineData(Coordinator)]
    [InlineData(Volunteer)]
    [InlineData(Caseworker)]
    [InlineData(OtherCoordinator)]
    [InlineData(PlatformAdmin)]
    public async Task NobodyButTheAnalystOpensTheMunicipalPages(string user)
    {
        var client = await HtmlClient.LoggedInAsync(app, user);
        foreach (var url in new[] { "/gemeente", Url(Reach.Persons, "ondernemingen", ThisYear.ToString()), Url(Reach.Persons, "buurten", ThisYear.ToString(), "csv") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync(url))).StatusCode);
        }
        Assert.DoesNotContain("Gemeente", (await client.GetPageAsync("/")).QuerySelectorAll("nav.wb-nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToLogin()
    {
        var response = await HtmlClient.For(app).Http.GetAsync("/gemeente");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/inloggen", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TheAnalystGetsNoEnterprisePageAtAll()
    {
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        foreach (var (pattern, _) in EnterpriseRoutes.All)
        {
            var url = await EnterpriseRoutes.UrlAsync(app, pattern);
            var response = await analyst.FollowAsync(await analyst.Http.GetAsync(url));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task NoMunicipalPageOrCsvNamesAPerson()
    {
        var names = await app.InDbAsync(null, db => db.Users.Select(u => u.DisplayName).ToListAsync());
        foreach (var slug in new[] { "huiskamer", "groene-spijker" })
        {
            names.AddRange(await app.InDbAsync(slug, db => db.People.Select(p => p.Name).Take(200).ToListAsync()));
        }
        names.Remove("Ali Analist"); // the analyst's own name is in the page header
        var analyst = await HtmlClient.LoggedInAsync(app, Analyst);
        var texts = new List<string> { (await analyst.GetPageAsync("/gemeente")).Body!.TextContent };
        foreach (var view in new[] { "ondernemingen", "wijken", "buurten" })
        {
            foreach (var id in new[] { Reach.Persons, Reach.ByAge })
            {
                texts.Add((await analyst.GetPageAsync(Url(id, view, ThisYear.ToString()))).QuerySelector("main")!.TextContent);
                texts.Add(await analyst.Http.GetStringAsync(Url(id, view, ThisYear.ToString(), "csv")));
            }
        }
        foreach (var name in names.Where(n => n.Length > 4).Distinct())
        {
            Assert.All(texts, text => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnAnalystOfAnotherMunicipalitySeesOnlyTheirOwn()
    {
        const string email = "analist@nijmegen.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var nijmegen = new Municipality { Name = "Nijmegen", Code = "GM0268" };
            db.Municipalities.Add(nijmegen);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Nina Nijmegen", AnalystMunicipalityId = nijmegen.Id,
            }, WijkbasisFactory.Password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        }
        var arnhemNames = await app.InDbAsync(null, db => db.Enterprises.Select(e => e.Name).ToListAsync());
        var other = await HtmlClient.LoggedInAsync(app, email);
        var start = await other.GetPageAsync("/gemeente");
        Assert.Contains("Nijmegen", start.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Arnhem", start.QuerySelector("main")!.TextContent);
        var page = await other.GetPageAsync(Url(Reach.Persons, "ondernemingen", ThisYear.ToString()));
        var table = TableOf(page, "eenheden");
        Assert.Equal(2, table.Count); // the header and the municipality's total: no enterprise of Arnhem
        Assert.Equal("0", table[^1][1]);
        foreach (var name in arnhemNames)
        {
            Assert.DoesNotContain(name, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }
}

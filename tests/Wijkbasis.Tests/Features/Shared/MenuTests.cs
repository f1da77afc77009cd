namespace Wijkbasis.Tests.Features.Shared;

/// <summary>The main menu is built from the areas' declarations: each entry shows for whoever its policy lets in, and
/// every entry opens.</summary>
public sealed class MenuTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private async Task<List<string>> MenuOfAsync(string user)
    {
        var client = await HtmlClient.LoggedInAsync(app, user);
        var page = await client.GetPageAsync(user.EndsWith("@wijkbasis.demo", StringComparison.Ordinal) ? "/" : "/huiskamer/" + Start(user));
        return page.QuerySelectorAll("nav.wb-nav a").Select(a => a.TextContent.Trim()).ToList();
    }

    /// <summary>A page every one of these users may open, so the enterprise's menu shows.</summary>
    private static string Start(string user) => user.StartsWith("buddy@", StringComparison.Ordinal) ? "mijn-bewoners"
        : user.StartsWith("budget@", StringComparison.Ordinal) ? "budget"
        : user.StartsWith("casusregisseur@", StringComparison.Ordinal) ? "casussen" : "vandaag";

    [Fact]
    public async Task AVolunteerSeesTheirShiftsAndHoursButNotTheCoordinatorsPages()
    {
        var menu = await MenuOfAsync("vrijwilliger@huiskamer.demo");
        Assert.Equal(["Vandaag", "Mensen", "Talenten", "Ruimtes", "Diensten", "Mijn uren", "Partners", "Buurtkaart", "Mijn account"], menu);
    }

    [Fact]
    public async Task ACoordinatorSeesTheVolunteersInsteadOfShifts()
    {
        var menu = await MenuOfAsync("coordinator@huiskamer.demo");
        Assert.Equal(["Vandaag", "Mensen", "Talenten", "Ruimtes", "Vrijwilligers", "Activiteiten", "Buddies", "Outreach", "Partners", "Buurtkaart", "Metingen", "Buurtpot",
            "Geldstromen", "Tijdbank", "Rapportage", "Verhalen", "Eigenaarschap", "Gebruikers", "Importeren", "API-sleutels", "Mijn account"], menu);
    }

    [Fact]
    public async Task ABuddySeesOnlyTheirResidents()
    {
        Assert.Equal(["Mijn bewoners", "Buurtkaart", "Mijn account"], await MenuOfAsync("buddy@huiskamer.demo"));
    }

    [Fact]
    public async Task ABudgetApproverSeesThePotAndTheMoneyFlows()
    {
        Assert.Equal(["Buurtpot", "Geldstromen", "Mijn account"], await MenuOfAsync("budget@huiskamer.demo"));
    }

    [Fact]
    public async Task ACaseworkerSeesIntakesCasesAndThePool()
    {
        Assert.Equal(["Intakes", "Casussen", "Buddies", "Outreach", "Buurtpot", "Mijn account"], await MenuOfAsync("casusregisseur@huiskamer.demo"));
    }

    [Fact]
    public async Task ThePlatformAdministratorSeesAdministrationOnly()
    {
        Assert.Equal(["Beheer", "Mijn account"], await MenuOfAsync("beheer@wijkbasis.demo"));
    }

    [Fact]
    public async Task TheMunicipalityAnalystSeesTheMunicipalityOnly()
    {
        var client = await HtmlClient.LoggedInAsync(app, "analist@arnhem.demo");
        var page = await client.GetPageAsync("/");
        Assert.Equal(["Gemeente", "Mijn account"], page.QuerySelectorAll("nav.wb-nav a").Select(a => a.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task EveryEntryOfTheCoordinatorsMenuOpens()
    {
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var page = await client.GetPageAsync("/huiskamer/vandaag");
        var links = page.QuerySelectorAll("nav.wb-nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(21, links.Count);
        foreach (var link in links)
        {
            Assert.StartsWith("/", link);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.Http.GetAsync(link)).StatusCode);
        }
    }
}

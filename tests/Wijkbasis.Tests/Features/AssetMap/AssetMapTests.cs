using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Admin;
using Wijkbasis.Features.AssetMap;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Tests.Features.AssetMap;

/// <summary>The ABCD asset map (issue 17): places by a click on the map or by their postcode, the directory and the map
/// with the same items, residents' gifts only from shared talents, the printed list, bad input, roles and tenancy. One app
/// for all (each test adds its own, uniquely named places).</summary>
public sealed class AssetMapTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string New = "/huiskamer/buurtkaart/nieuw";

    private async Task<HttpResponseMessage> PostAsync(HtmlClient client, string url, Dictionary<string, string> values, string? handler = null)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(New);
        return await client.PostRawAsync(handler is null ? url : $"{url}?handler={handler}", values);
    }

    private Task<Asset?> AssetAsync(string name) =>
        app.InDbAsync("huiskamer", db => db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Name == name));

    private static JsonElement MapPoints(AngleSharp.Html.Dom.IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("#buurtkaart-punten")!.TextContent).RootElement.GetProperty("points");

    [Fact]
    public async Task AWijkverbinderAddsAnInformalPlaceByItsMapPositionAndAVolunteerFindsItOnTheMapButCannotChangeIt()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var added = await PostAsync(wijkverbinder, New, new()
        {
            ["Category"] = "Place", ["Name"] = "Bankje bij de Zwanenspeeltuin", ["Informal"] = "true",
            ["Description"] = "Moeders na schooltijd", ["Latitude"] = "51,99127", ["Longitude"] = "5.92011",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var asset = (await AssetAsync("Bankje bij de Zwanenspeeltuin"))!;
        Assert.Equal((AssetCategory.Place, true, 51.99127, 5.92011), (asset.Category, asset.Informal, asset.Latitude, asset.Longitude));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Asset) && e.EntityId == asset.Id.ToString() && e.Action == AuditActions.Create)));

        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var page = await volunteer.GetPageAsync("/huiskamer/buurtkaart?q=zwanen&soort=Place");
        Assert.Contains("Bankje bij de Zwanenspeeltuin", page.QuerySelector("#plekken")!.TextContent);
        Assert.Contains("informele plek", page.QuerySelector("#plekken")!.TextContent);
        var point = Assert.Single(MapPoints(page).EnumerateArray());
        Assert.Equal(("Bankje bij de Zwanenspeeltuin", 51.99127), (point.GetProperty("name").GetString(), point.GetProperty("lat").GetDouble()));
        // Partner organisations are listed under their category, from the partner pages (not typed twice).
        var institutions = await volunteer.GetPageAsync("/huiskamer/buurtkaart?soort=Institution");
        Assert.Contains("Schuldhulpmaatje Arnhem", institutions.QuerySelector("#plekken")!.TextContent);
        Assert.DoesNotContain("Kapsalon Yasmina", institutions.QuerySelector("#plekken")!.TextContent);
        // The tests set no tile server: the map is drawn without tiles.
        Assert.Equal("", page.QuerySelector("#buurtkaart")!.GetAttribute("data-tiles"));
        // A volunteer looks, but does not keep the map.
        Assert.Null(page.QuerySelector($"a[href='/huiskamer/buurtkaart/{asset.Id}/wijzigen']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(New))).StatusCode);
        var edit = $"/huiskamer/buurtkaart/{asset.Id}/wijzigen";
        var refused = await volunteer.PostRawAsync($"{edit}?handler=Remove", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.TokenOf(page),
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(refused)).StatusCode);
        Assert.NotNull(await AssetAsync("Bankje bij de Zwanenspeeltuin"));
    }

    [Fact]
    public async Task APlaceWithoutAPositionTakesItFromItsPostcodeWhereTheTableHasCoordinates()
    {
        var buurt = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.BuurtCode != null).Select(p => p.BuurtCode!).FirstAsync());
        await app.InDbAsync(null, async db =>
        {
            var area = await db.PostcodeAreas.FirstAsync(a => a.BuurtCode == buurt);
            db.PostcodeAreas.Add(new PostcodeArea
            {
                Postcode = "6821ZX", BuurtCode = area.BuurtCode, BuurtName = area.BuurtName, WijkCode = area.WijkCode, WijkName = area.WijkName,
                GemeenteCode = area.GemeenteCode, Latitude = 51.9877, Longitude = 5.9244,
            });
            return await db.SaveChangesAsync();
        });
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var added = await PostAsync(coordinator, New, new() { ["Category"] = "LocalEconomy", ["Name"] = "Groenteboer Ali", ["Postcode"] = "6821 zx" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var asset = (await AssetAsync("Groenteboer Ali"))!;
        Assert.Equal(("6821 ZX", buurt, 51.9877, 5.9244), (asset.Postcode, asset.BuurtCode, asset.Latitude, asset.Longitude));
        var page = await coordinator.GetPageAsync("/huiskamer/buurtkaart");
        Assert.Contains("met de plek van postcode 6821 ZX op de kaart", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task BadInputIsRefusedInDutchAndNothingIsSaved()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.InDbAsync("huiskamer", db => db.Assets.CountAsync());
        (Dictionary<string, string> Form, string Message)[] cases =
        [
            (new() { ["Category"] = "Place", ["Name"] = "" }, "Vul de naam in."),
            (new() { ["Category"] = "", ["Name"] = "Iets" }, "Kies wat voor iets het is."),
            (new() { ["Category"] = "Garage", ["Name"] = "Iets" }, "Kies wat voor iets het is."),
            (new() { ["Category"] = "Place", ["Name"] = "Iets", ["Latitude"] = "48.85", ["Longitude"] = "2.35" }, "Kies een plek in Nederland"),
            (new() { ["Category"] = "Place", ["Name"] = "Iets", ["Latitude"] = "51.98" }, "Kies een plek in Nederland"),
            (new() { ["Category"] = "Place", ["Name"] = "Iets", ["Postcode"] = "0123 AB" }, "Vul de postcode in als 1234 AB."),
            (new() { ["Category"] = "Place", ["Name"] = "Iets", ["Buurt"] = "BU99999999" }, "Kies een buurt uit de lijst."),
            (new() { ["Category"] = "Place", ["Name"] = new string('x', Asset.NameMax + 1) }, "De naam is te lang"),
            (new() { ["Category"] = "Place", ["Name"] = "Iets", ["Informal"] = "misschien" }, "informele plek"),
        ];
        foreach (var (form, message) in cases)
        {
            var response = await PostAsync(coordinator, New, form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, (await HtmlClient.ParseAsync(response)).QuerySelector(".utrecht-alert--error, [role=alert]")?.TextContent ?? "");
        }
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.Assets.CountAsync()));

        // An unreadable filter is refused, not read as "everything".
        var filter = await coordinator.Http.GetAsync("/huiskamer/buurtkaart?soort=Onzin");
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("Kies een soort uit de lijst.", await filter.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResidentsGiftsComeOnlyFromTalentsSharedWithConsentAndNeverOnTheMap()
    {
        var offer = await app.InDbAsync("huiskamer", async db =>
        {
            var person = await db.People.Where(p => p.ArchivedAt == null && !db.SharedOffers.Any(o => o.PersonId == p.Id)).Select(p => p.Id).FirstAsync();
            var shared = new SharedOffer
            {
                PersonId = person, EnterpriseName = "De Huiskamer Klarendal", FirstName = "Zwaantje", TagKeys = ";accordeon;", TagNames = "Accordeon spelen",
                MunicipalityId = await db.Enterprises.Select(e => e.MunicipalityId).FirstAsync(), UpdatedAt = DateTime.UnixEpoch,
            };
            db.SharedOffers.Add(shared);
            await db.SaveChangesAsync();
            return shared.Id;
        });
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var page = await volunteer.GetPageAsync("/huiskamer/buurtkaart?q=accordeon");
        Assert.Contains("Accordeon spelen: Zwaantje", page.QuerySelector("#gaven-lijst")!.TextContent);
        Assert.DoesNotContain("Zwaantje", page.QuerySelector("#buurtkaart-punten")?.TextContent ?? "");

        // Consent withdrawn: the shared offer goes (TalentSharing), and with it the gift.
        await app.InDbAsync("huiskamer", db => db.SharedOffers.Where(o => o.Id == offer).ExecuteDeleteAsync());
        page = await volunteer.GetPageAsync("/huiskamer/buurtkaart?q=accordeon");
        Assert.Null(page.QuerySelector("#gaven-lijst"));
    }

    [Fact]
    public async Task AnotherEnterpriseNeitherSeesNorChangesTheMapsPlaces()
    {
        var asset = (await AssetAsync("Kapsalon Yasmina"))!;
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/buurtkaart/{asset.Id}/wijzigen")).StatusCode);
        var list = await other.GetPageAsync("/groene-spijker/buurtkaart");
        Assert.DoesNotContain("Kapsalon Yasmina", list.Body!.TextContent);
        Assert.DoesNotContain("Kapsalon Yasmina", (await other.GetPageAsync("/groene-spijker/buurtkaart/lijst")).Body!.TextContent);
        var removed = await other.PostRawAsync($"/groene-spijker/buurtkaart/{asset.Id}/wijzigen?handler=Remove", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await other.TokenAsync("/groene-spijker/buurtkaart/nieuw"),
        });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull(await AssetAsync("Kapsalon Yasmina"));
    }

    [Fact]
    public async Task ACoordinatorTakesAPlaceOffTheMapOnceAndTheRoundsListShowsWhatIsLeftPerBuurt()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, New, new() { ["Category"] = "Story", ["Name"] = "Het verhaal van de oude bakker" })).StatusCode);
        var asset = (await AssetAsync("Het verhaal van de oude bakker"))!;
        var edit = $"/huiskamer/buurtkaart/{asset.Id}/wijzigen";
        Assert.Contains("Van de buurtkaart halen", (await coordinator.GetPageAsync(edit)).QuerySelector("details summary")!.TextContent);

        var print = await coordinator.GetPageAsync("/huiskamer/buurtkaart/lijst?soort=Story");
        Assert.Contains("Het verhaal van de oude bakker", print.Body!.TextContent);
        Assert.DoesNotContain("Kapsalon Yasmina", print.Body!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, edit, [], "Remove")).StatusCode);
        var again = await coordinator.FollowAsync(await PostAsync(coordinator, edit, [], "Remove"));
        Assert.Contains("Dit stond al niet meer op de buurtkaart.", await again.Content.ReadAsStringAsync());
        Assert.Null(await AssetAsync("Het verhaal van de oude bakker"));
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(e => e.EntityId == asset.Id.ToString() && e.Action == AuditActions.Delete)));
        Assert.DoesNotContain("Het verhaal van de oude bakker", (await coordinator.GetPageAsync("/huiskamer/buurtkaart/lijst?soort=Story")).Body!.TextContent);
    }

    [Fact]
    public void ThePostcodeTableReadsCoordinatesWhenGivenAndRefusesOnesOutsideTheNetherlands()
    {
        var (rows, errors) = PostcodeImport.Parse(new StringReader(
            "postcode;buurtcode;buurtnaam;wijkcode;wijknaam;gemeentecode;breedtegraad;lengtegraad\n" +
            "6822AB;BU02020101;Klarendal;WK020201;Klarendal;GM0202;51,9905;5,9230\n" +
            "6822AC;BU02020101;Klarendal;WK020201;Klarendal;GM0202\n" +
            "6822AD;BU02020101;Klarendal;WK020201;Klarendal;GM0202;5.9230;51.9905\n"));
        Assert.Equal([(51.9905, 5.9230), (null, null)], rows.Select(r => (r.Latitude, r.Longitude)).ToArray<(double?, double?)>());
        var error = Assert.Single(errors);
        Assert.Equal("Regel {0}: breedtegraad en lengtegraad moeten een plek in Nederland zijn, zoals 51.985 en 5.915.", error.Format);
        Assert.Equal(4, error.Args[0]);
    }
}

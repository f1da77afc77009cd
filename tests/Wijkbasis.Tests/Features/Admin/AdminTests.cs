using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Tests.Features.Admin;

public sealed class AdminTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{

    [Fact]
    public async Task APlatformAdminCreatesAMunicipalityAndAnEnterpriseWithAFirstCoordinator()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        await client.SubmitAsync("/beheer", new Dictionary<string, string> { ["MunicipalityName"] = "Nijmegen", ["MunicipalityCode"] = "gm0268" }, "Municipality");
        var nijmegen = await app.InDbAsync(null, db => db.Municipalities.SingleAsync(m => m.Code == "GM0268"));

        var response = await client.SubmitAsync("/beheer", new Dictionary<string, string>
        {
            ["EnterpriseMunicipality"] = nijmegen.Id.ToString(), ["EnterpriseName"] = "HEEM", ["EnterpriseSlug"] = "heem",
            ["EnterpriseKind"] = "Garden", ["CoordinatorEmail"] = "jorine@heem.demo",
        }, "Enterprise");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The link goes to the coordinator's mailbox, not to the platform admin's screen.
        Assert.StartsWith("/uitnodiging/", app.InvitationPathFor("jorine@heem.demo"));
        Assert.DoesNotContain("/uitnodiging/", (await client.GetPageAsync("/beheer")).Body!.TextContent);
        var heem = await app.InDbAsync(null, db => db.Enterprises.SingleAsync(e => e.Slug == "heem"));
        Assert.Equal(nijmegen.Id, heem.MunicipalityId);
        Assert.Equal(1, await app.InDbAsync("heem", db => db.Invitations.CountAsync(i => i.Role == "Coordinator")));
    }

    [Theory]
    [InlineData("huiskamer", "Deze korte naam is al in gebruik.")]
    [InlineData("Met Spaties", "Kies een korte naam")]
    [InlineData("beheer", "Kies een korte naam")]
    public async Task AnEnterpriseNeedsAFreeValidSlug(string slug, string message)
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        var arnhem = await app.InDbAsync(null, db => db.Municipalities.SingleAsync(m => m.Code == "GM0202"));
        var before = await app.InDbAsync(null, db => db.Enterprises.CountAsync());
        var response = await client.SubmitAsync("/beheer", new Dictionary<string, string>
        {
            ["EnterpriseMunicipality"] = arnhem.Id.ToString(), ["EnterpriseName"] = "Dubbel", ["EnterpriseSlug"] = slug,
            ["EnterpriseKind"] = "Other", ["CoordinatorEmail"] = "x@y.demo",
        }, "Enterprise");
        Assert.Contains(message, (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(before, await app.InDbAsync(null, db => db.Enterprises.CountAsync()));
    }

    [Fact]
    public async Task APlatformAdminSeesNoPersonalData()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/huiskamer/mensen")).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorCannotReachPlatformAdministration()
    {
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync("/beheer"))).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HtmlClient client, string csv)
    {
        var page = await client.GetPageAsync("/beheer/postcodes");
        var token = HtmlClient.TokenOf(page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "postcodes.csv");
        return await client.Http.PostAsync("/beheer/postcodes", content);
    }

    [Fact]
    public async Task APostcodeTableIsImportedFromCsvAndUpdatesExistingRows()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        var resident = await app.InDbAsync("huiskamer", async db =>
        {
            var p = new Wijkbasis.Features.People.Person { Name = "Al Geregistreerd", Postcode = "6822 AA", BuurtCode = "BU02020501" };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var response = await UploadAsync(client,
            "postcode;buurtcode;buurtnaam;wijkcode;wijknaam;gemeentecode\n6541 AA;BU02680101;Hees;WK026801;Nijmegen-West;GM0268\n6822AA;BU02020599;Hernoemd;WK020205;Klarendal;GM0202\n");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("BU02680101", await app.InDbAsync(null, db => db.PostcodeAreas.Where(a => a.Postcode == "6541AA").Select(a => a.BuurtCode).SingleAsync()));
        Assert.Equal("Hernoemd", await app.InDbAsync(null, db => db.PostcodeAreas.Where(a => a.Postcode == "6822AA").Select(a => a.BuurtName).SingleAsync()));
        // People already registered at 6822 AA now live in the new buurt.
        Assert.Equal("BU02020599", await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Id == resident).Select(p => p.BuurtCode).SingleAsync()));
    }

    [Fact]
    public async Task AnEnglishReaderIsToldInEnglishWhichLineIsWrong()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        await client.SubmitAsync("/beheer/postcodes", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/beheer/postcodes" }, formAction: "/taal");

        var response = await UploadAsync(client, "postcode;buurtcode;buurtnaam;wijkcode;wijknaam;gemeentecode\n6543AB;BU02680102;Goed;WK026801;West;GM0268\n12AB;BU02680103;Fout;WK026801;West;GM0268\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Line 3: the postcode must be 1234AB.", text);
        Assert.DoesNotContain("Regel", text);
        Assert.DoesNotContain("postcode moet", text);
    }

    [Fact]
    public async Task ABadPostcodeFileSaysWhichLinesAreWrongAndImportsNothing()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        var before = await app.InDbAsync(null, db => db.PostcodeAreas.CountAsync());
        var response = await UploadAsync(client,
            "postcode;buurtcode;buurtnaam;wijkcode;wijknaam;gemeentecode\n6543AB;BU02680102;Goed;WK026801;West;GM0268\n12AB;BU1;x;WK1;y;GM1\n");
        var text = (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Regel 3", text);
        Assert.Equal(before, await app.InDbAsync(null, db => db.PostcodeAreas.CountAsync()));
    }
}

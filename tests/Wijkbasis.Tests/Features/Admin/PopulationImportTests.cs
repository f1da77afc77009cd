using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Admin;

namespace Wijkbasis.Tests.Features.Admin;

public sealed class PopulationImportTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    // The yearly download from cbs.nl: lower-case codes, the country, municipality and wijk rows in between, "." for secret.
    private const string Kwb =
        "gwb_code_10;gwb_code_8;regio;gm_naam;recs;gwb_code;ind_wbi;a_inw;a_man;a_vrouw;a_00_14;a_15_24;a_25_44;a_45_64;a_65_oo\n" +
        "NL00;0;Nederland;Nederland;Land;NL00;.;17811291;8850309;8960982;2772224;2207437;4494906;4708112;3628612\n" +
        "GM0202;0202;Arnhem;Arnhem;Gemeente;GM0202;.;164996;81000;83996;25000;25000;45000;40000;29996\n" +
        "WK020205;020205;Klarendal;Arnhem;Wijk;WK020205;1;8965;4400;4565;1500;1200;3000;2000;1265\n" +
        "BU02020501;02020501;Klarendal-Noord;Arnhem;Buurt;BU02020501;1;2 345;1100;1245;400;300;900;500;245\n" +
        "BU02020502;02020502;Klarendal-Zuid;Arnhem;Buurt;BU02020502;1;1210;600;610;.;.;.;.;.\n" +
        "BU02020503;02020503;Bedrijventerrein;Arnhem;Buurt;BU02020503;1;.;.;.;.;.;.;.;.\n";

    // A StatLine table saved as CSV: quoted, padded, numbered column names.
    private const string StatLine =
        "\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"SoortRegio_2\";\"Codering_3\";\"IndelingswijzigingWijkenEnBuurten_4\";\"AantalInwoners_5\";\"Mannen_6\";\"Vrouwen_7\";\"k_0Tot15Jaar_8\";\"k_15Tot25Jaar_9\";\"k_25Tot45Jaar_10\";\"k_45Tot65Jaar_11\";\"k_65JaarOfOuder_12\"\n" +
        "1;\"GM0202    \";\"Arnhem                                  \";\"Gemeente  \";\"GM0202    \";\"1\";164996;81000;83996;25000;25000;45000;40000;29996\n" +
        "2;\"BU02020501\";\"Arnhem                                  \";\"Buurt     \";\"BU02020501\";\"1\";2350;1100;1250;400;300;900;500;250\n";

    private static PopulationImport.Parsed Parse(string csv) => PopulationImport.Parse(new StringReader(csv));

    [Fact]
    public void TheYearlyCbsDownloadIsReadAsItIsWithCountryMunicipalityAndWijkRowsSkipped()
    {
        var parsed = Parse(Kwb);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["BU02020501", "BU02020502"], parsed.Rows.Select(r => r.BuurtCode));
        var north = parsed.Rows[0];
        Assert.Equal((2345, 400, 300, 900, 500, 245), (north.Inhabitants, north.Age0To15, north.Age15To25, north.Age25To45, north.Age45To65, north.Age65Plus));
        Assert.Null(parsed.Rows[1].Age0To15); // "." is CBS's mark for secret: unknown, not zero
        Assert.Equal(3, parsed.OtherRegions);
        Assert.Equal(1, parsed.WithoutInhabitants);
    }

    [Fact]
    public void AStatLineTableIsRecognisedByItsColumnNamesWhateverTheirNumbers()
    {
        var parsed = Parse(StatLine);

        Assert.Empty(parsed.Errors);
        var row = Assert.Single(parsed.Rows);
        Assert.Equal(("BU02020501", 2350, 250), (row.BuurtCode, row.Inhabitants, row.Age65Plus));
        Assert.Equal(1, parsed.OtherRegions);
    }

    [Fact]
    public void EveryBadLineIsNamedAndAFileWithoutTheCbsColumnsIsRefused()
    {
        var bad = Parse("gwb_code_10;recs;a_inw;a_00_14\nBU02020501;Buurt;veel;1\nBU0202;Buurt;10;1\nBU02020502;Buurt;10;1\nBU02020502;Buurt;11;1\n");
        Assert.Equal(
            ["Regel 2: in kolom a_inw staat veel; dat is geen aantal.", "Regel 3: de buurtcode BU0202 is niet BU gevolgd door 8 cijfers.",
             "Regel 5: buurt BU02020502 staat twee keer in het bestand."],
            bad.Errors.Select(e => e.ToString()));

        var other = Parse("postcode;buurtcode\n6822AA;BU02020501\n");
        Assert.Contains("gwb_code_10", Assert.Single(other.Errors).ToString());
        Assert.Empty(other.Rows);
    }

    private static async Task<HttpResponseMessage> CheckAsync(HtmlClient client, string year, string csv)
    {
        var token = await client.TokenAsync("/beheer/inwoners");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year), "Year" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "kwb.csv");
        return await client.Http.PostAsync("/beheer/inwoners?handler=Check", content);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HtmlClient client, HttpResponseMessage checkedPage)
    {
        var page = await HtmlClient.ParseAsync(checkedPage);
        var form = HtmlClient.FindForm(page, "/beheer/inwoners?handler=Import");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        return await client.Http.PostAsync("/beheer/inwoners?handler=Import", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task APlatformAdminChecksAFileFirstAndOnlyTheConfirmationSavesTheYearOnce()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);

        var check = await CheckAsync(client, "2011", Kwb);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var text = (await HtmlClient.ParseAsync(check)).Body!.TextContent;
        Assert.Contains("Jaar 2011: 2 buurten", text);
        Assert.Contains("Overgeslagen: 3 regels", text);
        Assert.Equal(0, await app.InDbAsync(null, db => db.BuurtPopulations.CountAsync(p => p.Year == 2011)));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, check)).StatusCode);
        var saved = await app.InDbAsync(null, db => db.BuurtPopulations.Where(p => p.Year == 2011).OrderBy(p => p.BuurtCode).ToListAsync());
        Assert.Equal([("BU02020501", 2345), ("BU02020502", 1210)], saved.Select(p => (p.BuurtCode, p.Inhabitants)));

        // The same confirmation a second time finds nothing left to do.
        var twice = await ConfirmAsync(client, check);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("al ingelezen", (await HtmlClient.ParseAsync(twice)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(2, await app.InDbAsync(null, db => db.BuurtPopulations.CountAsync(p => p.Year == 2011)));
        Assert.Contains("2011", (await client.GetPageAsync("/beheer/inwoners")).QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task NewInhabitantsHaveThePublishedMunicipalFiguresComputedAgain()
    {
        var arnhem = await app.InDbAsync(null, db => db.Municipalities.Where(m => m.Code == "GM0202").Select(m => m.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var loader = scope.ServiceProvider.GetRequiredService<Wijkbasis.Features.MunicipalView.MunicipalCubeLoader>();
            await loader.LoadAsync(arnhem, 2012, CancellationToken.None);
        }
        Assert.Equal(1, await app.InDbAsync(null, db => db.PublishedCubes.CountAsync(c => c.Year == 2012)));

        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, await CheckAsync(client, "2012", Kwb))).StatusCode);

        // The shares of the inhabitants in the published cube are of the old figures: it goes, and is computed anew.
        Assert.Equal(0, await app.InDbAsync(null, db => db.PublishedCubes.CountAsync()));
    }

    [Fact]
    public async Task ANewFileForAYearReplacesThatYearWholeAndLeavesOtherYearsAlone()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, await CheckAsync(client, "2012", Kwb))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, await CheckAsync(client, "2013", Kwb))).StatusCode);

        var check = await CheckAsync(client, "2012", StatLine);
        Assert.Contains("1 buurten van dit jaar staan niet in het bestand", (await HtmlClient.ParseAsync(check)).Body!.TextContent);
        await ConfirmAsync(client, check);

        var y2012 = await app.InDbAsync(null, db => db.BuurtPopulations.Where(p => p.Year == 2012).ToListAsync());
        Assert.Equal(("BU02020501", 2350), (Assert.Single(y2012).BuurtCode, y2012[0].Inhabitants));
        Assert.Equal(2, await app.InDbAsync(null, db => db.BuurtPopulations.CountAsync(p => p.Year == 2013)));
    }

    [Theory]
    [InlineData("1999", "Het jaar moet tussen 2000 en")]
    [InlineData("twintig", "")]
    [InlineData("", "Vul het jaar van de cijfers in.")]
    public async Task AYearOutsideTheRangeOrUnreadableIsRefusedAndNothingIsChecked(string year, string message)
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        var response = await CheckAsync(client, year, Kwb);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*=Import]"));
    }

    [Fact]
    public async Task AnEnglishReaderReadsTheFilesProblemsInEnglish()
    {
        var client = await HtmlClient.LoggedInAsync(app, PlatformAdmin);
        await client.SubmitAsync("/beheer/inwoners", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/beheer/inwoners" }, formAction: "/taal");

        var response = await CheckAsync(client, "2014", "gwb_code_10;a_inw\nBU02020501;veel\n");

        var text = (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Line 2", text);
        Assert.DoesNotContain("Regel", text);
    }

    [Fact]
    public async Task OnlyThePlatformAdminReachesThePopulationImport()
    {
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync("/beheer/inwoners"))).StatusCode);
    }
}

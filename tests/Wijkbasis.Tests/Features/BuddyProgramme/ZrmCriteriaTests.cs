using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>We ship only domain and level names; an enterprise with a licence loads the criteria per cell.</summary>
public sealed class ZrmCriteriaTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task ACoordinatorLoadsCriteriaAndTheIntakeFormShowsThem()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await coordinator.SubmitAsync("/huiskamer/instellingen/zrm", new Dictionary<string, string>
        {
            ["Lines"] = "Financiën;3;Heeft schulden met een regeling die loopt\nHousing;2;Dreigt het huis uit te moeten; heeft een aanzegging",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var form = await wijkverbinder.GetPageAsync($"/huiskamer/intakes/nieuw?persoon={await FreshPersonAsync(app)}");
        Assert.Contains("Heeft schulden met een regeling die loopt", form.QuerySelector("main")!.TextContent);
        Assert.Contains("heeft een aanzegging", form.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task OneBadLineAndNothingIsSaved()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.InDbAsync("huiskamer", db => db.ZrmCriteria.CountAsync());

        var response = await coordinator.SubmitAsync("/huiskamer/instellingen/zrm", new Dictionary<string, string>
        {
            ["Lines"] = "Justitie;4;Geen contact met justitie\nToverij;3;bestaat niet\nFinanciën;6;te hoog",
        });

        var errors = await ErrorsAsync(response);
        Assert.Contains("Regel 2 klopt niet", errors);
        Assert.Contains("Regel 3 klopt niet", errors);
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.ZrmCriteria.CountAsync()));
    }

    [Fact]
    public async Task ATwiceLoadedCellIsRefusedInEnglishWithTheLineDomainAndLevel()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        const string page = "/huiskamer/instellingen/zrm";
        await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = page }, formAction: "/taal");
        var before = await app.InDbAsync("huiskamer", db => db.ZrmCriteria.CountAsync());

        var response = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Lines"] = "Financiën;3;Eén\nFinances;3;Twee" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("Line 2: Finances level 3 is in it twice.", errors);
        Assert.DoesNotContain("staat er twee keer in", errors);
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.ZrmCriteria.CountAsync()));
    }

    [Fact]
    public async Task AnotherEnterpriseDoesNotSeeTheCriteria()
    {
        await app.InDbAsync("groene-spijker", async db =>
        {
            db.ZrmCriteria.Add(new Wijkbasis.Features.Intakes.ZrmCriterion { Domain = Wijkbasis.Features.Intakes.ZrmDomain.Justice, Level = 1, Text = "ALLEEN-GROENE-SPIJKER" });
            return await db.SaveChangesAsync();
        });
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var page = await coordinator.GetPageAsync("/huiskamer/instellingen/zrm");

        Assert.DoesNotContain("ALLEEN-GROENE-SPIJKER", page.Body!.TextContent);
    }
}

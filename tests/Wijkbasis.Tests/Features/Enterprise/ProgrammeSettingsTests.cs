using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Tests.Features.BuddyProgramme;

namespace Wijkbasis.Tests.Features.Enterprise;

/// <summary>The coordinator's settings of the buddy programme, through the settings page, and what they change.</summary>
public sealed class ProgrammeSettingsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Page = "/huiskamer/instellingen/buddyprogramma";

    private async Task<HttpResponseMessage> SaveAsync(string heavyAtOrBelow, string losingTouchDays, bool safetyConcernIsHeavy = true)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var form = new Dictionary<string, string> { ["HeavyAtOrBelow"] = heavyAtOrBelow, ["LosingTouchDays"] = losingTouchDays };
        if (safetyConcernIsHeavy)
        {
            form["SafetyConcernIsHeavy"] = "true";
        }
        return await coordinator.SubmitAsync(Page, form);
    }

    private Task<(int, bool, int)?> SettingsAsync() => app.AsCaseworkAsync(async db =>
        await db.ProgrammeSettings.AsNoTracking().SingleOrDefaultAsync() is { } s ? (s.HeavyAtOrBelow, s.SafetyConcernIsHeavy, s.LosingTouchDays) : ((int, bool, int)?)null);

    /// <summary>Sets when a demo case last had contact; returns its id.</summary>
    private Task<Guid> CaseLastSeenAsync(int skip, int daysAgo) => app.AsCaseworkAsync(async db =>
    {
        var c = await db.Cases.Where(x => x.Status == CaseStatus.Open).OrderBy(x => x.Id).Skip(skip).FirstAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        c.OpenedAt = now.AddDays(-60);
        c.LastContactAt = now.AddDays(-daysAgo);
        await db.SaveChangesAsync();
        return c.Id;
    });

    /// <summary>Every case link on every page of the losing-touch list.</summary>
    private static async Task<List<string>> LosingTouchListAsync(HtmlClient client)
    {
        var links = new List<string>();
        for (var page = 1; page <= 20; page++)
        {
            var doc = await client.GetPageAsync($"/huiskamer/casussen?contact-kwijt=true&pagina={page}");
            links.AddRange(doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").Where(h => h.StartsWith("/huiskamer/casussen/", StringComparison.Ordinal)));
            if (!doc.QuerySelectorAll("a").Any(a => a.TextContent.Trim() == "Volgende"))
            {
                break;
            }
        }
        return links;
    }

    [Fact]
    public async Task TheCoordinatorsNAndTriageLevelDecideTheLosingTouchListAndTheProposal()
    {
        var eightDays = await CaseLastSeenAsync(skip: 0, daysAgo: 8);
        var fiveDays = await CaseLastSeenAsync(skip: 1, daysAgo: 5);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);

        var saved = await SaveAsync(heavyAtOrBelow: "3", losingTouchDays: "7");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((3, true, 7), await SettingsAsync());
        var list = await LosingTouchListAsync(wijkverbinder);
        Assert.Contains($"/huiskamer/casussen/{eightDays}", list);
        Assert.DoesNotContain($"/huiskamer/casussen/{fiveDays}", list);
        Assert.Contains("7 dagen of meer", (await wijkverbinder.GetPageAsync("/huiskamer/casussen")).Body!.TextContent);

        var intake = await ProgrammeApp.IntakeAsync(wijkverbinder, await ProgrammeApp.FreshPersonAsync(app, skip: 3), ProgrammeApp.IntakeForm(zrmFinances: "3"));

        var row = await ProgrammeApp.IntakeRowAsync(app, intake);
        Assert.Equal((CaseWeight.Heavy, 3), (row.ProposedWeight, row.RuleHeavyAtOrBelow));
        var triage = (await wijkverbinder.GetPageAsync($"/huiskamer/intakes/{intake}")).QuerySelector("#triage + .wb-card")!.TextContent;
        Assert.Contains("Voorstel: zwaar", triage);
        Assert.Contains("Financiën staat op niveau 3", triage);
    }

    [Theory]
    [InlineData("2", "0", "Kies een aantal dagen van 1 tot en met 365")]
    [InlineData("2", "1000", "Kies een aantal dagen van 1 tot en met 365")]
    [InlineData("2", "-3", "Kies een aantal dagen van 1 tot en met 365")]
    [InlineData("2", "veel", "Vul bij het aantal dagen een geldige waarde in")]
    [InlineData("drie", "14", "Vul bij het niveau een geldige waarde in")]
    [InlineData("2", "", "Vul een waarde in")]
    [InlineData("0", "14", "Kies een niveau van 1 tot en met 4")]
    [InlineData("5", "14", "Kies een niveau van 1 tot en met 4")]
    public async Task BadSettingsAreRefusedInDutchAndNothingChanges(string heavyAtOrBelow, string losingTouchDays, string message)
    {
        var before = await SettingsAsync();

        var response = await SaveAsync(heavyAtOrBelow, losingTouchDays, safetyConcernIsHeavy: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task AnIntakeShowsTheRuleItWasProposedWithNotTodaysSettings()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(heavyAtOrBelow: "2", losingTouchDays: "14")).StatusCode);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var intake = await ProgrammeApp.IntakeAsync(wijkverbinder, await ProgrammeApp.FreshPersonAsync(app, skip: 4), ProgrammeApp.IntakeForm(zrmFinances: "3"));

        // Later the coordinator makes the rule stricter: the intake still shows the rule its proposal came from.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(heavyAtOrBelow: "4", losingTouchDays: "14", safetyConcernIsHeavy: false)).StatusCode);

        var triage = (await wijkverbinder.GetPageAsync($"/huiskamer/intakes/{intake}")).QuerySelector("#triage + .wb-card")!.TextContent;
        Assert.Contains("Voorstel: licht", triage);
        Assert.Contains(Wijkbasis.Features.Shared.LocalText.Dutch(TriageRule.Default.Explain()), triage);
        Assert.DoesNotContain("niveau 4 of lager", triage);
    }
}

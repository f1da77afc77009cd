using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Ownership;

namespace Wijkbasis.Tests.Features.Ownership;

/// <summary>The trap van eigenaarschap (issue 16): a small fixture of two rounds whose spread, change and disagreement are worked
/// out by hand below, the score form's refusals and once-only saving, tenancy and roles. One app for all; the fixture's rounds
/// lie in 2019, before the demo's.</summary>
public sealed class OwnershipTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HtmlClient client, string url, Dictionary<string, string> values, string? handler = null)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(url);
        return await client.PostRawAsync(handler is null ? url : url + "?handler=" + handler, values);
    }

    private async Task<Guid> RoundAsync(HtmlClient coordinator, string name, string day)
    {
        var response = await PostAsync(coordinator, "/huiskamer/eigenaarschap", new() { ["Name"] = name, ["HeldOn"] = day, ["FormKey"] = Guid.NewGuid().ToString() }, "Round");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.InDbAsync("huiskamer", db => db.OwnershipRounds.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
    }

    /// <summary>A partner's form: every ingrediënt at rung 3 unless <paramref name="scores"/> says otherwise (by number 1–20; "?" weet niet).</summary>
    private static Dictionary<string, string> Scoring(string partner, string role, Dictionary<int, string> scores, Guid? key = null)
    {
        var form = new Dictionary<string, string> { ["PartnerName"] = partner, ["Role"] = role, ["FormKey"] = (key ?? Guid.NewGuid()).ToString() };
        for (var i = 1; i <= Trap.Count; i++)
        {
            form[$"Scores[{i - 1}]"] = scores.GetValueOrDefault(i, "3");
        }
        return form;
    }

    private static async Task ScoreAsync(HtmlClient coordinator, Guid round, Dictionary<string, string> form) =>
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, $"/huiskamer/eigenaarschap/rondes/{round}/invoeren", form)).StatusCode);

    [Fact]
    public async Task SpreadChangeAndDisagreementMatchTheFixtureWorkedOutByHand()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var spring = await RoundAsync(coordinator, "Fixture voorjaar 2019", "2019-03-01");
        var autumn = await RoundAsync(coordinator, "Fixture najaar 2019", "2019-09-01");
        await ScoreAsync(coordinator, spring, Scoring("Bewoners A", "Resident", new() { [1] = "1", [2] = "2", [3] = "?" }));
        await ScoreAsync(coordinator, spring, Scoring("Gemeente", "Municipality", new() { [1] = "3", [2] = "2", [3] = "4" }));
        await ScoreAsync(coordinator, spring, Scoring("Corporatie", "HousingCorporation", new() { [1] = "2", [2] = "2", [3] = "5" }));
        await ScoreAsync(coordinator, autumn, Scoring("Bewoners A", "Resident", new() { [1] = "1", [2] = "3", [3] = "?" }));
        await ScoreAsync(coordinator, autumn, Scoring("Gemeente", "Municipality", new() { [1] = "5", [2] = "3", [3] = "4" }));
        await ScoreAsync(coordinator, autumn, Scoring("Corporatie", "HousingCorporation", new() { [1] = "4", [2] = "2", [3] = "4" }));
        await ScoreAsync(coordinator, autumn, Scoring("Bewoners B", "Resident", new() { [1] = "2", [2] = "3", [3] = "?", [20] = "?" }));

        var page = await coordinator.GetPageAsync($"/huiskamer/eigenaarschap?ronde={autumn}");
        string Cell(int ingredient, string css) => page.QuerySelector($"#spreiding tr[data-ingredient='{ingredient}'] {css}")!.TextContent.Trim();
        // 1: autumn 1,5,4,2 -> sorted 1 2 4 5: lowest 1, highest 5, median (2+4)/2 = 3; spring 1,3,2 -> median 2; change +1.
        //    Residents 1 and 2 -> median 1,5.
        Assert.Equal(("1", "5", "3", "2", "+1"), (Cell(1, ".wb-min"), Cell(1, ".wb-max"), Cell(1, ".wb-median"), Cell(1, ".wb-before"), Cell(1, ".wb-change")));
        Assert.Equal(("1,5", "5", "4"), (Cell(1, "[data-role='Resident']"), Cell(1, "[data-role='Municipality']"), Cell(1, "[data-role='HousingCorporation']")));
        // 2: autumn 3,3,2,3 -> median 3, one rung apart; spring 2,2,2 -> median 2; change +1.
        Assert.Equal(("2", "3", "3", "2", "+1"), (Cell(2, ".wb-min"), Cell(2, ".wb-max"), Cell(2, ".wb-median"), Cell(2, ".wb-before"), Cell(2, ".wb-change")));
        // 3: autumn two "weet niet" and 4,4 -> median 4; spring 4,5 -> median 4,5; change -0,5.
        Assert.Equal(("2", "2", "4", "4,5", "-0,5"), (Cell(3, "td:nth-of-type(1)"), Cell(3, "td:nth-of-type(2)"), Cell(3, ".wb-median"), Cell(3, ".wb-before"), Cell(3, ".wb-change")));
        // 20: three at 3 and one "weet niet": no change.
        Assert.Equal(("3", "1", "3", "0"), (Cell(20, "td:nth-of-type(1)"), Cell(20, "td:nth-of-type(2)"), Cell(20, ".wb-median"), Cell(20, ".wb-change")));
        // Where they disagree most: 1 (four rungs apart), then 2 (one); all others agree.
        Assert.Equal(["1", "2"], page.QuerySelectorAll("#oneens-lijst li").Select(li => li.GetAttribute("data-ingredient")!).ToList());
        Assert.NotNull(page.QuerySelector("canvas[data-ownership]"));

        // The same from the computation itself, exactly.
        var rows = OwnershipMath.Analyse(
            [(PartnerRole.Resident, Rungs((1, 1), (2, 3), (3, null))), (PartnerRole.Municipality, Rungs((1, 5), (2, 3), (3, 4))),
             (PartnerRole.HousingCorporation, Rungs((1, 4), (2, 2), (3, 4))), (PartnerRole.Resident, Rungs((1, 2), (2, 3), (3, null), (20, null)))],
            [(PartnerRole.Resident, Rungs((1, 1), (2, 2), (3, null))), (PartnerRole.Municipality, Rungs((1, 3), (2, 2), (3, 4))),
             (PartnerRole.HousingCorporation, Rungs((1, 2), (2, 2), (3, 5)))]);
        Assert.Equal(new Spread(4, 0, 1, 5, 3m), rows[0].Now);
        Assert.Equal(1m, rows[0].Change);
        Assert.Equal(1.5m, rows[0].ByRole[PartnerRole.Resident].Median);
        Assert.Equal(new Spread(2, 2, 4, 4, 4m), rows[2].Now);
        Assert.Equal(-0.5m, rows[2].Change);
        Assert.Equal([1, 2], OwnershipMath.Disagreements(rows).Select(r => r.Number).ToList());
    }

    private static int?[] Rungs(params (int Number, int? Rung)[] set)
    {
        var rungs = Enumerable.Repeat<int?>(3, Trap.Count).ToArray();
        foreach (var (number, rung) in set)
        {
            rungs[number - 1] = rung;
        }
        return rungs;
    }

    [Fact]
    public async Task AFormWithAMissingOrUnreadableChoiceIsRefusedWholeAndADoubleSubmitSavesOnce()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var round = await RoundAsync(coordinator, "Invoer 2018", "2018-04-01");
        var url = $"/huiskamer/eigenaarschap/rondes/{round}/invoeren";
        var missing = Scoring("Zorggroep", "CareOrganisation", []);
        missing.Remove("Scores[7]");
        foreach (var form in new[]
        {
            missing,
            Scoring("Zorggroep", "CareOrganisation", new() { [5] = "6" }),
            Scoring("Zorggroep", "CareOrganisation", new() { [5] = "0" }),
            Scoring("Zorggroep", "CareOrganisation", new() { [9] = "weet ik veel" }),
            Scoring("Zorggroep", "Nonsense", []),
            Scoring("", "CareOrganisation", []),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coordinator, url, form)).StatusCode);
        }
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.OwnershipScorings.CountAsync(s => s.RoundId == round)));

        var key = Guid.NewGuid();
        await ScoreAsync(coordinator, round, Scoring("Zorggroep", "CareOrganisation", [], key));
        await ScoreAsync(coordinator, round, Scoring("Zorggroep", "CareOrganisation", [], key));
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.OwnershipScorings.CountAsync(s => s.RoundId == round)));
        // The same partner again (case and spaces aside) in a new form: refused, change the first instead.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(coordinator, url, Scoring("  zorggroep ", "CareOrganisation", []))).StatusCode);
        Assert.Equal("3333333333333333333", (await app.InDbAsync("huiskamer", db => db.OwnershipScorings.Where(s => s.RoundId == round).Select(s => s.Rungs).SingleAsync()))[..19]);
    }

    [Fact]
    public async Task AnotherEnterprisesRoundIsNotFound()
    {
        var round = await app.InDbAsync("huiskamer", db => db.OwnershipRounds.Select(r => r.Id).FirstAsync());
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/eigenaarschap/rondes/{round}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/eigenaarschap/rondes/{round}/invoeren")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/eigenaarschap?ronde={round}")).StatusCode);
        var own = await other.GetPageAsync("/groene-spijker/eigenaarschap");
        Assert.Null(own.QuerySelector("#rondes-tabel"));
    }

    [Fact]
    public async Task AWijkverbinderReadsTheFiguresButOnlyTheCoordinatorEntersAndAVolunteerSeesNothing()
    {
        var round = await app.InDbAsync("huiskamer", db => db.OwnershipRounds.Select(r => r.Id).FirstAsync());
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync("/huiskamer/eigenaarschap"))).StatusCode);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var page = await wijkverbinder.GetPageAsync("/huiskamer/eigenaarschap");
        Assert.NotNull(page.QuerySelector("#spreiding"));
        Assert.Null(page.QuerySelector("form[action*='handler=Round']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await wijkverbinder.Http.GetAsync($"/huiskamer/eigenaarschap/rondes/{round}/invoeren"))).StatusCode);
        var before = await app.InDbAsync("huiskamer", db => db.OwnershipRounds.CountAsync());
        var refused = await PostAsync(wijkverbinder, "/huiskamer/eigenaarschap", new() { ["Name"] = "Stiekem", ["HeldOn"] = "2019-01-01" }, "Round");
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(refused)).StatusCode);
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.OwnershipRounds.CountAsync()));
    }
}

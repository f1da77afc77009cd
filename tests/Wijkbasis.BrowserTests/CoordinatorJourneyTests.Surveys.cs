using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wijkbasis.Data;
using Wijkbasis.Features.Surveys;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.BrowserTests;

public sealed partial class CoordinatorJourneyTests
{
    /// <summary>Issue 16: a wijkverbinder takes the De Jong Gierveld scale with a resident on a tablet; the person's page shows
    /// no score; the coordinator sees only the group result on Metingen (with 4 earlier answers in the round, the fifth makes
    /// the group). Axe clean at 768 and 360 px.</summary>
    [Fact]
    public async Task AWorkerTakesTheLonelinessScaleWithAResidentAndTheCoordinatorSeesOnlyTheGroupResult()
    {
        var app = browser.App;
        var round = "Tabletronde";
        var person = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.ArchivedAt == null && !p.IsAlias)
            .OrderByDescending(p => p.Name).Select(p => p.Id).FirstAsync());
        await app.InScopeAsync("huiskamer", async services =>
        {
            var db = services.GetRequiredService<WijkbasisDb>();
            var cipher = services.GetRequiredService<FieldCipher>();
            for (var i = 0; i < 4; i++)
            {
                var r = new SurveyResponse
                {
                    Instrument = Instrument.DeJongGierveld6, Round = round, TakenOn = DateOnly.FromDateTime(DateTime.Today), ByName = "test",
                    CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime, Answers = null!,
                };
                r.Answers = cipher.Seal(new AnswerSet { Items = [.. Enumerable.Repeat<LonelinessAnswer?>(LonelinessAnswer.Ja, 6)] }.ToJson(), r, SurveyResponse.AnswersField)!;
                db.SurveyResponses.Add(r);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var axe = new AxeWatch();
        var tablet = await browser.NewPageAsync(768, 1024);
        await browser.SignInAsync(tablet, Wijkverbinder, axe);

        await tablet.GotoAsync($"/huiskamer/mensen/{person}");
        await tablet.GetByRole(AriaRole.Link, new() { Name = "Meting afnemen (vragenlijst)" }).ClickAsync();
        await axe.CheckAsync(tablet);
        await tablet.GetByRole(AriaRole.Link, new() { Name = "Eenzaamheid (De Jong Gierveld, 6 vragen)" }).ClickAsync();
        await tablet.GetByLabel("Ronde (mag leeg)").FillAsync(round);
        var answers = new[] { "Nee", "Min of meer", "Nee", "Ja", "Ja", "Nee" };
        for (var i = 0; i < answers.Length; i++)
        {
            await tablet.Locator("fieldset.wb-question").Nth(i).GetByLabel(answers[i], new() { Exact = true }).CheckAsync();
        }
        await axe.CheckAsync(tablet);
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(tablet.Locator("main")).ToContainTextAsync("alleen als groepscijfer");
        await Assertions.Expect(tablet.Locator("main")).Not.ToContainTextAsync("eenzaam");
        await axe.CheckAsync(tablet);

        var coordinator = await browser.NewPageAsync(768, 1024);
        await browser.SignInAsync(coordinator, Coordinator, axe);
        await coordinator.GotoAsync("/huiskamer/metingen");
        var row = coordinator.Locator($"#per-ronde tr[data-round='{round}']");
        // Five answers: four of 3 (all "ja": only the three emotional items count) and this one (2: an emotional "min of meer"
        // and a social "nee") → 14 / 5; all five score 2 or more, so all are lonely.
        await Assertions.Expect(row.Locator("[data-figure=total]")).ToHaveTextAsync("2,80");
        await Assertions.Expect(row.Locator("[data-figure=lonely]")).ToHaveTextAsync("100%");
        await axe.CheckAsync(coordinator);
        await coordinator.SetViewportSizeAsync(360, 740);
        await coordinator.ReloadAsync();
        await axe.CheckAsync(coordinator);
        await coordinator.GotoAsync("/huiskamer/metingen/links");
        await axe.CheckAsync(coordinator);

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}

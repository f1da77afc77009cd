using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.BrowserTests;

public sealed class TalentJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("WIJKBASIS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task AResidentsTalentCardLeadsToASuggestedMatchThatACoordinatorIntroducesAndClosesAsDone()
    {
        var app = browser.App;
        // Two residents with unique names: Fenna can repair bikes and speaks Frisian; Jelte needs a bike repaired.
        var (fenna, jelte) = await app.InDbAsync("huiskamer", async db =>
        {
            var now = TimeProvider.System.UtcNow();
            Person New(string name) => new() { Name = name, SearchName = name.ToLowerInvariant(), Languages = "Nederlands, Fries", CreatedAt = now, UpdatedAt = now };
            var (f, j) = (New("Fenna Fietsfixer"), New("Jelte Lekkeband"));
            db.People.AddRange(f, j);
            var repair = await db.TalentTags.SingleAsync(t => t.Key == "fiets repareren");
            var card = new TalentCard { PersonId = j.Id, UpdatedByName = "test", UpdatedAt = now, Version = 1, NeedText = "Mijn fiets staat al weken stil." };
            card.Tags.Add(new TalentCardTag { CardId = card.Id, TagId = repair.Id, Side = TalentSide.Need });
            db.TalentCards.Add(card);
            await db.SaveChangesAsync();
            return (f.Id, j.Id);
        });
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Coordinator, axe);

        // Fenna's talent card: "ik kan… fiets repareren".
        await page.GotoAsync($"/huiskamer/mensen/{fenna}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Talentkaart (ik kan… / ik zoek…)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Talentkaart van Fenna Fietsfixer" })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.Locator("#Offers").GetByLabel("fiets repareren", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Wat iemand kan, in eigen woorden (mag leeg)").FillAsync("Heeft een werkplaats in de schuur.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Talentkaart opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("De talentkaart van Fenna Fietsfixer is opgeslagen.");

        // The suggestion names its reasons; the coordinator proposes the match.
        var suggestion = page.Locator("#voorstellijst > li", new() { HasText = "Jelte Lekkeband" });
        await Assertions.Expect(suggestion).ToContainTextAsync("Fenna Fietsfixer kan helpen met fiets repareren; Jelte Lekkeband zoekt dat");
        await Assertions.Expect(suggestion).ToContainTextAsync("Spreken allebei");
        await axe.CheckAsync(page);
        await Shot(page, "talent-card");
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Koppeling voorstellen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fenna Fietsfixer helpt Jelte Lekkeband" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Voorgesteld");
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kennis laten maken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Kennisgemaakt");
        await page.GetByLabel("Notitie").FillAsync("Koffie gedronken in de huiskamer; zaterdag kijkt Fenna naar de fiets.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Notitie bewaren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notitielijst")).ToContainTextAsync("zaterdag kijkt Fenna naar de fiets");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afspraak gemaakt" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Afgesproken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulp is gegeven" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Gedaan");
        await axe.CheckAsync(page);
        await Shot(page, "match-done");

        // The same page on a phone.
        var phone = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(phone, Coordinator, axe);
        await phone.GotoAsync("/huiskamer/talenten");
        await axe.CheckAsync(phone);
        await Shot(phone, "board-360");

        var match = await app.InDbAsync("huiskamer", db => db.Matches.SingleAsync(m => m.ReceiverPersonId == jelte));
        Assert.Equal((fenna, MatchStatus.Done), (match.GiverPersonId, match.Status));
        Assert.NotNull(match.DoneAt);
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wijkbasis.Features.Budget;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.BrowserTests;

public sealed class BuddyJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    /// <summary>With WIJKBASIS_SCREENSHOTS set to a folder, full-page screenshots of the journey land there (to look at).</summary>
    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("WIJKBASIS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task AnIntakeLeadsToTheTopBuddyWhoAcceptsVisitsAndSpendsWithinAndAboveMandate()
    {
        var app = browser.App;
        // Arrangement: room for Bert whatever the demo gave him, a mandate of € 50 per spend, and a resident with a unique name.
        var resident = await app.InDbAsync("huiskamer", [Roles.Caseworker], async db =>
        {
            var bert = await db.Buddies.SingleAsync(b => db.Users.Any(u => u.Id == b.UserId && u.Email == Bert));
            bert.MaxResidents = 20;
            var mandate = await db.Mandates.SingleAsync(m => m.UserId == bert.UserId);
            (mandate.PerSpendCents, mandate.PerMonthCents) = (50_00, 100_000_00);
            await db.SaveChangesAsync();
            return await db.People.Where(p => p.ArchivedAt == null && !p.IsAlias).GroupBy(p => p.Name).Where(g => g.Count() == 1)
                .Select(g => g.Key).OrderBy(n => n).FirstAsync();
        });
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Wijkverbinder, axe);

        await page.GetByRole(AriaRole.Link, new() { Name = "Intakes en licht of zwaar" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe intake" }).ClickAsync();
        await page.GetByLabel("Zoek op naam of postcode").FillAsync(resident);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = resident, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Intake met {resident}" })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.GetByLabel("Wat wil je? (waar zit de pijn)").FillAsync("Weer overzicht in de post");
        await page.GetByLabel("Wat heb je nodig?").FillAsync("Iemand die meekijkt met de brieven");
        await page.GetByLabel("Doelen (één per regel)").FillAsync("Post op orde\nBuskaart om naar werk te gaan");
        await page.GetByLabel("Praktische hulp (trefwoorden)").FillAsync("administratie");
        await page.GetByLabel("Financiën").SelectOptionAsync("3");
        await page.GetByLabel("Sociaal netwerk").SelectOptionAsync("4");
        var consent = page.GetByLabel("De bewoner doet mee met het buddyprogramma en vindt het goed dat we dit vastleggen");
        if (await consent.CountAsync() > 0)
        {
            await consent.CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Intake opslaan" }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Voorstel: licht");
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit opslaan" }).ClickAsync();
        var top = page.Locator("[data-buddy]").First;
        await Assertions.Expect(top).ToHaveAttributeAsync("data-buddy", "Bert Buddy");
        await Assertions.Expect(top).ToContainTextAsync("Kan helpen met administratie");
        await axe.CheckAsync(page);
        await Shot(page, "intake");
        await top.GetByRole(AriaRole.Button, new() { Name = "Vraag Bert Buddy" }).ClickAsync();
        await Assertions.Expect(page.Locator("#gevraagd")).ToContainTextAsync("wacht op antwoord");

        // Bert, on his phone, accepts, logs a first visit and spends from the pot.
        var phone = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(phone, Bert, axe);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Mijn bewoners (buddy)" }).ClickAsync();
        await axe.CheckAsync(phone);
        var offer = phone.Locator($"[data-offer='{resident}']");
        await Assertions.Expect(offer).ToContainTextAsync("Post op orde");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Ja, ik word buddy" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = resident })).ToBeVisibleAsync();
        await axe.CheckAsync(phone);

        await phone.GetByLabel("Soort contact").SelectOptionAsync(new SelectOptionValue { Label = "Bezoek" });
        await phone.GetByLabel("Korte notitie (mag leeg)").FillAsync("Kennismaking, samen de post doorgenomen");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Contact vastleggen" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#contacten")).ToContainTextAsync("Kennismaking, samen de post doorgenomen");

        await phone.GetByLabel("Bedrag in euro").FillAsync("35,00");
        await phone.GetByLabel("Waarvoor").SelectOptionAsync(new SelectOptionValue { Label = "Vervoer" });
        await phone.GetByLabel("Toelichting bij de uitgave").FillAsync("Buskaart voor een maand");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Uitgeven" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).First).ToContainTextAsync("€ 35,00 is uitgegeven");

        await phone.GetByLabel("Bedrag in euro").FillAsync("80");
        await phone.GetByLabel("Waarvoor").SelectOptionAsync(new SelectOptionValue { Label = "Rijbewijs of opleiding" });
        await phone.GetByLabel("Toelichting bij de uitgave").FillAsync("Theorie-examen");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Uitgeven" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).First).ToContainTextAsync("budgetbeheerder beslist");
        await Assertions.Expect(phone.Locator("#uitgaven")).ToContainTextAsync("wacht op een budgetbeheerder");
        await axe.CheckAsync(phone);
        await Shot(phone, "case-360");

        var (lines, pending) = await app.InDbAsync("huiskamer", [Roles.Caseworker], async db =>
        {
            var caseId = await db.Cases.Where(c => db.People.Any(p => p.Id == c.PersonId && p.Name == resident)).OrderByDescending(c => c.OpenedAt).Select(c => c.Id).FirstAsync();
            return (await db.LedgerEntries.Where(e => e.CaseId == caseId).Select(e => e.AmountCents).ToListAsync(),
                await db.SpendRequests.Where(r => r.CaseId == caseId && r.Status == SpendRequestStatus.Pending).Select(r => r.AmountCents).ToListAsync());
        });
        Assert.Equal([-35_00L], lines);
        Assert.Equal([80_00L], pending);
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    /// <summary>Issue 17 at tablet size: a wijkverbinder refers a resident to the debt help and goes along, sets the
    /// follow-up, finds it on Vandaag and records the outcome. The app's clock cannot be moved, so "a week later" is made by
    /// moving the stored referral a week back (referred a week ago, follow-up today).</summary>
    [Fact]
    public async Task OnATabletAWijkverbinderRefersAResidentGoesAlongAndRecordsTheOutcomeAWeekLater()
    {
        var app = browser.App;
        var (personId, name) = await app.InDbAsync("huiskamer", async db =>
        {
            var person = new Wijkbasis.Features.People.Person { Name = "Tara Tablet", SearchName = "tara tablet", CreatedAt = DateTime.UnixEpoch, UpdatedAt = DateTime.UnixEpoch };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return (person.Id, person.Name);
        });
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(768, 1024);
        await browser.SignInAsync(page, Wijkverbinder, axe);

        await page.GotoAsync($"/huiskamer/mensen/{personId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Doorverwijzingen (warme overdracht)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Doorverwijzingen van {name}" })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.GetByLabel("Naar welke organisatie?").SelectOptionAsync(new SelectOptionValue { Label = "Schuldhulpmaatje Arnhem" });
        await page.GetByLabel("Waarom? Wat is de vraag?").FillAsync("Stapel post, wil hulp bij schulden");
        await page.GetByLabel("Ging er iemand mee?").SelectOptionAsync(new SelectOptionValue { Label = "Wendy Wijkverbinder" });
        await page.GetByLabel("Nabellen op (mag leeg)").FillAsync(DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Doorverwijzing opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("De doorverwijzing naar Schuldhulpmaatje Arnhem is vastgelegd");
        await Assertions.Expect(page.Locator("#doorverwijzingen")).ToContainTextAsync("Wendy Wijkverbinder ging mee");
        await axe.CheckAsync(page);

        // A week later: the follow-up is due today.
        await app.InDbAsync("huiskamer", async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.PersonId == personId);
            (referral.ReferredOn, referral.FollowUpOn) = (referral.ReferredOn.AddDays(-7), referral.FollowUpOn!.Value.AddDays(-7));
            return await db.SaveChangesAsync();
        });
        await page.GotoAsync("/huiskamer/vandaag");
        var followUp = page.Locator("#nabellen").GetByRole(AriaRole.Link, new() { Name = $"{name} → Schuldhulpmaatje Arnhem" });
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await followUp.ClickAsync();
        await page.Locator("#doorverwijzingen").GetByLabel("Hoe liep het af?").SelectOptionAsync(new SelectOptionValue { Label = "Aangekomen" });
        await page.Locator("#doorverwijzingen").GetByRole(AriaRole.Button, new() { Name = "Uitkomst opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("De uitkomst is vastgelegd: Aangekomen");
        await axe.CheckAsync(page);
        await page.GotoAsync("/huiskamer/vandaag");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{name} → Schuldhulpmaatje Arnhem" })).ToHaveCountAsync(0);

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task OnATabletTheBuurtkaartShowsItsPlacesWithoutTilesAndAClickOnTheMapPlacesANewOne()
    {
        var onMap = await browser.App.InDbAsync("huiskamer", db => db.Assets.CountAsync(a => a.Latitude != null));
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(768, 1024);
        await browser.SignInAsync(page, Wijkverbinder, axe);

        await page.GotoAsync("/huiskamer/buurtkaart");
        // No tile server in the tests: the markers stand on a plain background, one per place with a position.
        await Assertions.Expect(page.Locator("#buurtkaart.wb-map--plain")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#buurtkaart path.wb-marker")).ToHaveCountAsync(onMap);
        await Assertions.Expect(page.Locator("#plekken")).ToContainTextAsync("Kapsalon Yasmina");
        await axe.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Iets toevoegen" }).ClickAsync();
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Plek" });
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Het muurtje bij de Albert Heijn");
        await page.Locator("#plek-kiezen").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Breedtegraad (mag leeg)")).Not.ToBeEmptyAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Het muurtje bij de Albert Heijn is opgeslagen.");
        await Assertions.Expect(page.Locator("#buurtkaart path.wb-marker")).ToHaveCountAsync(onMap + 1);

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}

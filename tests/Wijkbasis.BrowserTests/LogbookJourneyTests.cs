using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Wijkbasis.BrowserTests;

public sealed class LogbookJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    [Fact]
    public async Task ACoordinatorOnATabletChecksInThreePeopleUndoesOneCountsFourChildrenAndWritesAStory()
    {
        var app = browser.App;
        var session = await app.NewSessionAsync(name: "Tabletochtend");
        var names = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.ArchivedAt == null && !p.IsAlias)
            .GroupBy(p => p.Name).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(n => n).Take(3).ToListAsync());
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(768, 1024);
        await browser.SignInAsync(page, Coordinator, axe);

        await page.GetByRole(AriaRole.Link, new() { Name = "Vandaag: sessies en logboek" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vandaag", Exact = true })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.Locator(".wb-session", new() { HasText = "Tabletochtend" }).GetByRole(AriaRole.Link, new() { Name = "Logboek openen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/huiskamer/sessies/{session}$"));
        await axe.CheckAsync(page);

        foreach (var name in names)
        {
            // Type-ahead: the matches appear while typing, one tap checks in.
            await page.GetByLabel("Zoek op naam of postcode").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = $"{name} aanmelden" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"{name} is aangemeld");
        }
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelding van {names[1]} ongedaan maken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"De aanmelding van {names[1]} is ongedaan gemaakt");

        await page.GetByLabel("0–12 jaar").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tellen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#totaal")).ToContainTextAsync("2 aangemeld, 4 geteld zonder registratie");

        await page.GetByLabel("Tekst").FillAsync("De kinderen brachten hun moeders mee naar binnen.");
        await page.GetByLabel("Van wie is het verhaal? (mag leeg)").SelectOptionAsync(new SelectOptionValue { Label = names[0] });
        await page.GetByLabel("De verteller vindt het goed dat dit verhaal in verslagen staat").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".wb-entries")).ToContainTextAsync("De kinderen brachten hun moeders mee naar binnen.");
        await axe.CheckAsync(page);

        var (checkedIn, children, stories) = await app.InDbAsync("huiskamer", async db => (
            await db.CheckIns.Where(c => c.SessionId == session).Join(db.People, c => c.PersonId, p => p.Id, (c, p) => p.Name).OrderBy(n => n).ToListAsync(),
            await db.HeadCounts.Where(h => h.SessionId == session).SumAsync(h => h.Children),
            await db.LogEntries.CountAsync(e => e.SessionId == session && e.ConsentToReport)));
        Assert.Equal([names[0], names[2]], checkedIn);
        Assert.Equal(4, children);
        Assert.Equal(1, stories);
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task OnAPhoneACoordinatorPlansAWeeklyActivityThatAppearsInThePublicAgenda()
    {
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, Coordinator, axe);

        await page.GetByRole(AriaRole.Link, new() { Name = "Activiteiten en agenda" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Activiteit toevoegen" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Buurtbreien");
        await page.GetByLabel("Locatie").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Elke week" }).CheckAsync();
        await page.GetByLabel("Dag (bij elke week of om de week)").SelectOptionAsync(new SelectOptionValue { Label = "donderdag" });
        await page.GetByLabel("Begintijd").FillAsync("13:30");
        await page.GetByLabel("Eindtijd").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Buurtbreien" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("13:30–15:00");
        await axe.CheckAsync(page);

        var visitor = await browser.NewPageAsync(360, 740);
        await visitor.GotoAsync("/agenda/huiskamer");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Agenda van De Huiskamer Klarendal" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Buurtbreien");
        await axe.CheckAsync(visitor);

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}

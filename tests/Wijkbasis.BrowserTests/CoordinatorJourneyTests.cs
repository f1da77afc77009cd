using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wijkbasis.BrowserTests;

public sealed partial class CoordinatorJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    [GeneratedRegex(@"/huiskamer/mensen/[0-9a-f-]{36}$")] private static partial Regex PersonPage();

    [Theory]
    [InlineData(1280, 900, "Bibi Browser")]
    [InlineData(360, 740, "Mo Mobiel")]
    public async Task ACoordinatorLogsInWithTwoFactorRegistersAPersonFindsThemByPostcodeAndRecordsBuddyConsent(int width, int height, string name)
    {
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(width, height);

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/inloggen"));
        await axe.CheckAsync(page);
        await page.GetByLabel("E-mailadres").FillAsync(Coordinator);
        await page.GetByLabel("Wachtwoord").FillAsync(WijkbasisFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Code invullen" })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.GetByLabel("Code").FillAsync(browser.App.CodeFor(Coordinator));
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welkom, Corrie Coördinator" })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mensen (register)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mensen", Exact = true })).ToBeVisibleAsync();
        await axe.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Persoon toevoegen" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByLabel("Naam of roepnaam").FillAsync(name);
        await page.GetByLabel("Geboortejaar (mag leeg)").FillAsync("1958");
        await page.GetByLabel("Postcode (mag leeg)").FillAsync("6822ca");
        await page.GetByLabel("Vraagt steun (vrager)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PersonPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"{name} is toegevoegd");
        await axe.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Alle mensen" }).ClickAsync();
        await page.GetByLabel("Zoek op naam of postcode").FillAsync("6822 CA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

        await page.GetByLabel("Doel").SelectOptionAsync(new SelectOptionValue { Label = "Buddyprogramma" });
        await page.GetByLabel("Grondslag", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Toestemming" });
        await page.GetByLabel("Ja, gegeven").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        var row = page.Locator("tr[data-purpose=BuddyProgramme]");
        await Assertions.Expect(row).ToContainTextAsync("gegeven");
        await Assertions.Expect(row).ToContainTextAsync("Corrie Coördinator");
        await axe.CheckAsync(page);

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}

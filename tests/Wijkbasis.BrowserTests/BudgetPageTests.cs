using Microsoft.Playwright;

namespace Wijkbasis.BrowserTests;

public sealed class BudgetPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task TheCoordinatorReadsThePotPerSourcePurposeAndCaseWithoutAccessibilityProblems(int width, int height)
    {
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(width, height);
        await browser.SignInAsync(page, Coordinator, axe);

        await page.GotoAsync("/huiskamer/budget");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Per casus" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#casussen tbody tr").First).ToContainTextAsync("C-");
        await axe.CheckAsync(page);
        Assert.Empty(axe.Problems);
    }
}

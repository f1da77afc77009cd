using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Wijkbasis.BrowserTests;

/// <summary>The app on real Kestrel and Debian's Chromium driven by Playwright (no browser download:
/// WIJKBASIS_CHROMIUM or /usr/bin/chromium).</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public WijkbasisFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright playwright = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        await App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("WIJKBASIS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Logs in through the login pages, with the authenticator code when asked.</summary>
    public async Task SignInAsync(IPage page, string email, AxeWatch axe)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(WijkbasisFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        if (App.AuthenticatorKeys.ContainsKey(email))
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Code invullen" })).ToBeVisibleAsync();
            await page.GetByLabel("Code").FillAsync(App.CodeFor(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Welkom") })).ToBeVisibleAsync();
        await axe.CheckAsync(page);
    }

    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = App.ServerAddress.ToString(), ViewportSize = new() { Width = width, Height = height }, Locale = "nl-NL" });
        return await context.NewPageAsync();
    }
}

/// <summary>Runs axe-core on every page a test visits and keeps the serious and critical violations.</summary>
public sealed class AxeWatch
{
    public List<string> Problems { get; } = [];
    private int shot;

    public async Task CheckAsync(IPage page)
    {
        // WIJKBASIS_SCREENSHOTS=/some/dir keeps a full-page picture of every page checked, to look at.
        if (Environment.GetEnvironmentVariable("WIJKBASIS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{page.ViewportSize?.Width}-{++shot:D2}.png"), FullPage = true });
        }
        var result = await page.RunAxe();
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            Problems.Add($"{page.Url} [{page.ViewportSize?.Width}px] {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}");
        }
    }
}

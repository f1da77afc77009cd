using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wijkbasis.Features.Logbook;

namespace Wijkbasis.BrowserTests;

/// <summary>A coordinator opens the year report, picks a story, fixes the report and downloads its PDF, whose text
/// holds the key figures; axe finds nothing serious, and every chart has its text alternative.</summary>
public sealed class ReportJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACoordinatorPicksAStoryFixesTheYearReportAndDownloadsItsPdf()
    {
        const string story = "Na drie keer koffie durfde meneer weer naar de buurtlunch.";
        await browser.App.InDbAsync("huiskamer", async db =>
        {
            var session = await db.Sessions.Where(s => s.StartsAt < DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc) && s.CancelledAt == null)
                .OrderByDescending(s => s.StartsAt).FirstAsync();
            db.LogEntries.Add(new LogEntry { SessionId = session.Id, Kind = LogEntryKind.Story, Text = story, ConsentToReport = true, At = session.StartsAt, ByName = "test" });
            return await db.SaveChangesAsync();
        });
        foreach (var (width, height) in new[] { (1280, 900), (360, 740) })
        {
            var axe = new AxeWatch();
            var page = await browser.NewPageAsync(width, height);
            await browser.SignInAsync(page, Coordinator, axe);
            await page.GotoAsync("/huiskamer/rapportage");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rapportage \\d{4}$") })).ToBeVisibleAsync();
            var charts = page.Locator("figure.wb-chart canvas[role=img]");
            Assert.True(await charts.CountAsync() > 0, "the year report has trend charts");
            foreach (var canvas in await charts.AllAsync())
            {
                Assert.Matches("^Grafiek: .+: van .+ naar .+", await canvas.GetAttributeAsync("aria-label"));
            }
            await axe.CheckAsync(page);
            Assert.Empty(axe.Problems);
            if (width != 1280)
            {
                continue;
            }

            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Verhalen en teksten") }).ClickAsync();
            await page.GetByLabel(story, new() { Exact = false }).CheckAsync();
            await page.GetByLabel("Wat ging goed").FillAsync("Meer buren vonden de weg naar de huiskamer.");
            await axe.CheckAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
            await Assertions.Expect(page.Locator("#verhalen").Locator("..")).ToContainTextAsync(story);

            await page.GetByRole(AriaRole.Link, new() { Name = "Rapportage vaststellen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#samenvatting")).ToContainTextAsync("Gekozen verhalen: 1");
            await axe.CheckAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, stel de rapportage vast" }).ClickAsync();
            await Assertions.Expect(page.Locator("#vastgesteld")).ToContainTextAsync("Vastgesteld op");
            await axe.CheckAsync(page);
            Assert.Empty(axe.Problems);

            var visitors = (await page.Locator("tr[data-indicator='reach.persons'] .wb-now strong").InnerTextAsync()).Trim();
            var sessions = (await page.Locator("tr[data-indicator='activities.sessions'] .wb-now strong").InnerTextAsync()).Trim();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download als PDF (A4)" }).ClickAsync());
            var file = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            var text = PdfText(file);
            Assert.Matches($@"Unieke bezoekers\s+{System.Text.RegularExpressions.Regex.Escape(visitors)}\s", text);
            Assert.Matches($@"Bijeenkomsten\s+{System.Text.RegularExpressions.Regex.Escape(sessions)}\s", text);
            Assert.Contains(story, text.Replace("\n", " ", StringComparison.Ordinal));
        }
    }

    private static string PdfText(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}

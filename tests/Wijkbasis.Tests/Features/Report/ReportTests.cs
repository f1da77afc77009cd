using ProcessStartInfo = System.Diagnostics.ProcessStartInfo;
using Process = System.Diagnostics.Process;
using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Report;

namespace Wijkbasis.Tests.Features.Report;

/// <summary>The enterprise report on a hand-built year of its own (2015, before any demo data): three sessions and a
/// few check-ins, one session and two visitors the year before, a story with consent and one without.</summary>
public sealed class ReportTests(ReportTests.App app) : IClassFixture<ReportTests.App>
{
    public sealed class App : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public Guid ConsentedStory { get; private set; }
        public Guid UnconsentedStory { get; private set; }
        public Guid OtherEnterprisesStory { get; private set; }
        public Guid[] Visitors { get; private set; } = [];
        public Guid LateSession { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (ConsentedStory, UnconsentedStory, Visitors, LateSession) = await InDbAsync("huiskamer", async db =>
            {
                var location = await db.Locations.OrderBy(l => l.Id).FirstAsync();
                var people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(7).ToArrayAsync();
                var activity = new Activity
                {
                    Name = "Rapporttest", LocationId = location.Id, FirstDate = new DateOnly(2014, 1, 1), StartTime = new TimeOnly(10, 0),
                    EndTime = new TimeOnly(12, 0), CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime, UpdatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
                };
                db.Activities.Add(activity);
                Session At(int y, int m, int d)
                {
                    var s = new Session
                    {
                        ActivityId = activity.Id, LocationId = location.Id, OccurrenceDate = new DateOnly(y, m, d),
                        StartsAt = new DateTime(y, m, d, 8, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(y, m, d, 10, 0, 0, DateTimeKind.Utc),
                    };
                    db.Sessions.Add(s);
                    return s;
                }
                void Visit(Session s, Guid person) => db.CheckIns.Add(new CheckIn { SessionId = s.Id, PersonId = person, At = s.StartsAt, ByName = "test" });
                var (a, b, c, d) = (people[0], people[1], people[2], people[3]);
                var may14 = At(2014, 5, 6);
                Visit(may14, a); Visit(may14, b);
                var mar = At(2015, 3, 3);
                Visit(mar, a); Visit(mar, c);
                var jun = At(2015, 6, 2);
                Visit(jun, a); Visit(jun, c); Visit(jun, d);
                var oct = At(2015, 10, 6);
                Visit(oct, a);
                // A year apart (2012) for the fixing test, which adds check-ins later.
                var late = At(2012, 11, 6);
                Visit(late, people[4]);
                var consented = new LogEntry { SessionId = jun.Id, Kind = LogEntryKind.Story, Text = "Mevrouw vond hier weer aansluiting.", ConsentToReport = true, At = jun.StartsAt, ByName = "test" };
                var unconsented = new LogEntry { SessionId = jun.Id, Kind = LogEntryKind.Story, Text = "Een verhaal zonder toestemming.", ConsentToReport = false, At = jun.StartsAt, ByName = "test" };
                db.LogEntries.AddRange(consented, unconsented);
                await db.SaveChangesAsync();
                return (consented.Id, unconsented.Id, people, late.Id);
            });
            OtherEnterprisesStory = await InDbAsync("groene-spijker", async db =>
            {
                var session = await db.Sessions.OrderBy(s => s.StartsAt).FirstAsync();
                var story = new LogEntry { SessionId = session.Id, Kind = LogEntryKind.Story, Text = "Van een ander.", ConsentToReport = true, At = session.StartsAt, ByName = "test" };
                db.LogEntries.Add(story);
                await db.SaveChangesAsync();
                return story.Id;
            });
        }
    }

    private const string Year = "/huiskamer/rapportage?periode=2015";

    private static string Cell(IHtmlDocument page, string indicator, string cell) =>
        page.QuerySelector($"tr[data-indicator='{indicator}'] .{cell}")!.TextContent.Trim();

    private static string Now(IHtmlDocument page, string indicator) =>
        page.QuerySelector($"tr[data-indicator='{indicator}'] .wb-now strong")!.TextContent.Trim();

    [Fact]
    public async Task TheYearReportShowsHandCheckedFiguresBesideThePreviousYearWithTrendTablesAndSummaries()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await coordinator.GetPageAsync(Year);

        // 2015: a, c and d came (3 persons, 6 visits, 3 sessions); 2014: a and b (2 persons, 2 visits, 1 session).
        Assert.Equal(("3", "2", "+1 (+50,0%)"), (Now(page, Wijkbasis.Features.Impact.Indicators.Reach.Persons),
            Cell(page, Wijkbasis.Features.Impact.Indicators.Reach.Persons, "wb-before"), Cell(page, Wijkbasis.Features.Impact.Indicators.Reach.Persons, "wb-change")));
        Assert.Equal("2", Now(page, Wijkbasis.Features.Impact.Indicators.Reach.New));
        Assert.Equal("1", Now(page, Wijkbasis.Features.Impact.Indicators.Reach.Returning));
        Assert.Equal(("6", "2", "+4 (+200,0%)"), (Now(page, Wijkbasis.Features.Impact.Indicators.Activities.CheckIns),
            Cell(page, Wijkbasis.Features.Impact.Indicators.Activities.CheckIns, "wb-before"), Cell(page, Wijkbasis.Features.Impact.Indicators.Activities.CheckIns, "wb-change")));
        Assert.Equal(("3", "1"), (Now(page, Wijkbasis.Features.Impact.Indicators.Activities.Sessions),
            Cell(page, Wijkbasis.Features.Impact.Indicators.Activities.Sessions, "wb-before")));
        // The age bands add up to the three persons.
        var bands = page.QuerySelectorAll($"table[data-parts='{Wijkbasis.Features.Impact.Indicators.Reach.ByAge}'] tbody .wb-now").Select(c => int.Parse(c.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).Sum();
        Assert.Equal(3, bands);
        Assert.NotNull(page.QuerySelector($"tr[data-indicator='{Wijkbasis.Features.Impact.Indicators.Reach.Persons}'] details.wb-explain summary"));

        // The trend: January to December 2015, a data table beside the chart and a summary sentence.
        var chart = page.QuerySelector($"figure[data-trend='{Wijkbasis.Features.Impact.Indicators.Reach.Persons}']")!;
        var months = chart.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(["0", "0", "2", "0", "0", "3", "0", "0", "0", "1", "0", "0"], months);
        Assert.Equal("Unieke bezoekers: van 0 in januari 2015 naar 0 in december 2015. Het hoogst in juni 2015 (3).",
            chart.QuerySelector(".wb-chart-summary")!.TextContent.Trim());
        Assert.NotNull(chart.QuerySelector("table caption"));
        Assert.Contains("Het hoogst in juni 2015", chart.QuerySelector("canvas")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task TheConnectingSectionExplainsTheMethodInPlainDutchAndCountsWhoMetSomeone()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await coordinator.GetPageAsync(Year);
        var section = page.QuerySelector("section[aria-labelledby='sectie-network']")!;
        Assert.Equal("Verbinden: bonding, bridging, linking", section.QuerySelector("h2")!.TextContent.Trim());
        var method = section.QuerySelector("details[data-method]")!.TextContent;
        Assert.Contains("alleen mensen die op naam zijn aangemeld tellen mee", method);
        Assert.Contains("Samen in een ruimte zijn is nog geen vriendschap", method);
        Assert.Contains("Afkomst of achtergrond legt de app niet vast", method);
        // 2015: a met c (March), a, c and d met (June), a alone in October: 3. 2014: a and b met: 2.
        var people = Wijkbasis.Features.Impact.Indicators.Network.People;
        Assert.Equal(("3", "2"), (Now(page, people), Cell(page, people, "wb-before")));
        // The E-I index reads as a signed number from −1 to +1 with two decimals, or "–" when nobody's category is known.
        Assert.Matches(@"^([+−]?[01],\d\d|–)$", Now(page, Wijkbasis.Features.Impact.Indicators.Network.IndexByBuurt));
    }

    [Fact]
    public async Task APeriodThatCannotBeReadIsRefusedWithAClearMessageNeverGuessed()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        async Task<string> Refused(string query)
        {
            var response = await coordinator.Http.GetAsync("/huiskamer/rapportage?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await HtmlClient.ParseAsync(response);
            Assert.Null(page.QuerySelector("table[data-section]"));
            return page.QuerySelector("#fouten")!.TextContent;
        }
        Assert.Contains("Deze periode kennen we niet: ‘2015-13’", await Refused("periode=2015-13"));
        Assert.Contains("Kies een maand van 1 tot en met 12.", await Refused("soort=maand&jaar=2015&maand=13"));
        Assert.Contains("Vul een jaar in tussen 2000 en 2100.", await Refused("soort=jaar&jaar=twintig"));
        Assert.Contains("De einddatum ligt vóór de begindatum.", await Refused("soort=vrij&van=2015-05-01&tot=2015-04-01"));
        Assert.Contains("Een periode is hoogstens 36 maanden lang.", await Refused("soort=vrij&van=2010-01-01&tot=2015-04-01"));
        Assert.Contains("Kies jaar, kwartaal, maand of van–tot.", await Refused("soort=week&jaar=2015"));

        var picked = await coordinator.Http.GetAsync("/huiskamer/rapportage?soort=kwartaal&jaar=2015&kwartaal=2");
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.EndsWith("/huiskamer/rapportage?periode=2015-Q2", picked.Headers.Location!.ToString());
        var quarter = await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2015-Q2");
        Assert.Equal("3", Now(quarter, Wijkbasis.Features.Impact.Indicators.Reach.Persons));
        Assert.Equal("2", Cell(quarter, Wijkbasis.Features.Impact.Indicators.Reach.Persons, "wb-before"));
        var custom = await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2015-03-01..2015-06-30");
        Assert.Equal("3", Now(custom, Wijkbasis.Features.Impact.Indicators.Reach.Persons));
        // The current year by default.
        var thisYear = await coordinator.GetPageAsync("/huiskamer/rapportage");
        Assert.Contains(TimeProvider.System.GetUtcNow().UtcDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), thisYear.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AnEmptyPeriodSaysSoInsteadOfShowingZeroCharts()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2005");
        Assert.NotNull(page.QuerySelector("#leeg"));
        Assert.Empty(page.QuerySelectorAll("figure.wb-chart"));
    }

    [Fact]
    public async Task AVolunteerIsRefusedAndAWijkverbinderReadsButCannotWriteOrFix()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Year))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Year + "&handler=Pdf"))).StatusCode);

        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var page = await wijkverbinder.GetPageAsync(Year);
        Assert.Equal("3", Now(page, Wijkbasis.Features.Impact.Indicators.Reach.Persons));
        Assert.Null(page.QuerySelector("a[href*='vaststellen']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await wijkverbinder.Http.GetAsync("/huiskamer/rapportage/vaststellen?periode=2015"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await wijkverbinder.Http.GetAsync("/huiskamer/rapportage/tekst?periode=2015"))).StatusCode);
    }

    [Fact]
    public async Task OnlyAStoryToldWithConsentCanBeChosenAndItShowsOnTheReport()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        const string edit = "/huiskamer/rapportage/tekst?periode=2015";
        var form = await coordinator.GetPageAsync(edit);
        var offered = form.QuerySelectorAll("input[name='Input.Stories']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([app.ConsentedStory.ToString()], offered);

        foreach (var forged in new[] { app.UnconsentedStory, app.OtherEnterprisesStory, Guid.NewGuid() })
        {
            var refused = await coordinator.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Stories"] = forged.ToString(), ["Input.WentWell"] = "Vervalst" });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
            Assert.Contains("Dit verhaal kan niet in de rapportage", await ErrorsAsync(refused));
        }
        var unreadable = await coordinator.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Stories"] = "geen-id" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Null(await app.InDbAsync("huiskamer", db => db.ReportDrafts.SingleOrDefaultAsync(d => d.PeriodKey == "2015" && d.WentWell == "Vervalst")));

        var values = new Dictionary<string, string>
        {
            ["Input.Stories"] = app.ConsentedStory.ToString(), ["Input.WentWell"] = "De koffieochtend groeide.", ["Input.Learned"] = "Vaker buiten flyeren.",
            ["Input.Plans"] = new string('x', 4001),
        };
        var tooLong = await coordinator.SubmitAsync(edit, values);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Een tekst is hoogstens 4000 tekens lang.", await ErrorsAsync(tooLong));

        values["Input.Plans"] = "Een tweede ochtend.";
        // The same form sent twice: saved once, the second is no conflict.
        var token = HtmlClient.TokenOf(await coordinator.GetPageAsync(edit));
        var posted = new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token, ["Input.Version"] = "0" };
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostRawAsync(edit, posted)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostRawAsync(edit, posted)).StatusCode);
        var draft = await app.InDbAsync("huiskamer", db => db.ReportDrafts.SingleAsync(d => d.PeriodKey == "2015"));
        Assert.Equal((1, "De koffieochtend groeide.", app.ConsentedStory.ToString()), (draft.Version, draft.WentWell, draft.StoryIds));
        // A stale form with other text is a conflict, not an overwrite.
        var stale = new Dictionary<string, string>(posted) { ["Input.WentWell"] = "Iets anders" };
        var conflict = await coordinator.PostRawAsync(edit, stale);
        Assert.Equal(HttpStatusCode.BadRequest, conflict.StatusCode);
        Assert.Contains("Iemand anders heeft deze teksten intussen veranderd", await ErrorsAsync(conflict));

        var page = await coordinator.GetPageAsync(Year);
        Assert.Contains("Mevrouw vond hier weer aansluiting.", page.QuerySelector("#verhalen")!.ParentElement!.TextContent);
        Assert.DoesNotContain("zonder toestemming", page.Body!.TextContent);
        Assert.Equal("De koffieochtend groeide.", page.QuerySelector("[data-text=goed]")!.TextContent.Trim());
    }

    [Fact]
    public async Task FixingFreezesTheReportAndASecondFixingMakesVersionTwoThatSupersedesTheFirst()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        const string fix = "/huiskamer/rapportage/vaststellen?periode=2012-Q4";
        var confirm = await coordinator.GetPageAsync(fix);
        Assert.Contains("Unieke bezoekers: 1", confirm.QuerySelector("#samenvatting")!.TextContent);

        var first = await coordinator.SubmitAsync(fix, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var v1 = await app.InDbAsync("huiskamer", db => db.FixedReports.AsNoTracking().SingleAsync(f => f.PeriodKey == "2012-Q4"));
        Assert.Equal(1, v1.Number);
        var fixedUrl = $"/huiskamer/rapportage/vastgesteld/{v1.Id}";
        var frozen = await coordinator.GetPageAsync(fixedUrl);
        Assert.Equal("1", Now(frozen, Wijkbasis.Features.Impact.Indicators.Reach.Persons));
        Assert.Null(frozen.QuerySelector(".wb-moved"));

        // New check-ins after fixing: the fixed version stays as it was and says where the live figure moved.
        await app.InDbAsync("huiskamer", async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == app.LateSession);
            db.CheckIns.AddRange(app.Visitors[5..7].Select(p => new CheckIn { SessionId = session.Id, PersonId = p, At = session.StartsAt, ByName = "test" }));
            return await db.SaveChangesAsync();
        });
        var after = await coordinator.GetPageAsync(fixedUrl);
        Assert.Equal("1", Now(after, Wijkbasis.Features.Impact.Indicators.Reach.Persons));
        Assert.Equal("nu 3, bij vaststellen 1", after.QuerySelector($"tr[data-indicator='{Wijkbasis.Features.Impact.Indicators.Reach.Persons}'] .wb-moved")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("#verschoven"));
        var live = await coordinator.GetPageAsync("/huiskamer/rapportage?periode=2012-Q4");
        Assert.Equal("3", Now(live, Wijkbasis.Features.Impact.Indicators.Reach.Persons));
        Assert.NotNull(live.QuerySelector("#versies"));

        // Fixing again: version 2; version 1 is superseded and otherwise untouched. The same form twice makes no third.
        var token = HtmlClient.TokenOf(await coordinator.GetPageAsync(fix));
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Expected"] = "1" };
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostRawAsync(fix, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostRawAsync(fix, form)).StatusCode);
        var versions = await app.InDbAsync("huiskamer", db => db.FixedReports.AsNoTracking().Where(f => f.PeriodKey == "2012-Q4").OrderBy(f => f.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal((v1.Content, v1.FixedAt, v1.FixedByName), (versions[0].Content, versions[0].FixedAt, versions[0].FixedByName));
        Assert.NotNull(versions[0].SupersededAt);
        Assert.Equal("Corrie Coördinator", versions[0].SupersededByName);
        Assert.Null(versions[1].SupersededAt);
        Assert.Equal(3m, ReportContent.FromJson(versions[1].Content).Figures.Single(f => f.Id == Wijkbasis.Features.Impact.Indicators.Reach.Persons).Current);
        var old = await coordinator.GetPageAsync(fixedUrl);
        Assert.NotNull(old.QuerySelector("#vervangen a"));

        // Fixing is audited.
        var audited = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FixedReport)));
        Assert.True(audited >= 3, "the two fixings and the superseding are in the audit");

        // No handler writes a fixed report: the fixed view has none that posts.
        Assert.DoesNotContain(typeof(FixedModel).GetMethods(), m => m.Name.StartsWith("OnPost", StringComparison.Ordinal));
        var token2 = HtmlClient.TokenOf(await coordinator.GetPageAsync(fixedUrl + "?x=1"));
        var posted = await coordinator.PostRawAsync(fixedUrl, new Dictionary<string, string> { ["__RequestVerificationToken"] = token2 });
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("7")]
    public async Task AVersionNumberTheFormNeverShowedIsRefusedNotA500AndNothingIsFixed(string expected)
    {
        // Found by EveryPostHandlerTests: with no version fixed yet, a made-up number was read as "someone was first",
        // and looking up that first version failed.
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await coordinator.SubmitAsync("/huiskamer/rapportage/vaststellen?periode=2011", new Dictionary<string, string> { ["Expected"] = expected });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het formulier was verlopen of niet geldig", await ErrorsAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.FixedReports.AnyAsync(f => f.PeriodKey == "2011")));
    }

    [Fact]
    public async Task AnotherEnterpriseCannotOpenThisReportNorItsFixedVersions()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var made = await coordinator.SubmitAsync("/huiskamer/rapportage/vaststellen?periode=2014", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var id = await app.InDbAsync("huiskamer", db => db.FixedReports.Where(f => f.PeriodKey == "2014").Select(f => f.Id).SingleAsync());

        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        foreach (var url in new[] { $"/groene-spijker/rapportage/vastgesteld/{id}", $"/groene-spijker/rapportage/vastgesteld/{id}?handler=Pdf",
                     $"/groene-spijker/rapportage/vastgesteld/{id}?handler=Csv", $"/groene-spijker/rapportage/vastgesteld/{id}?handler=Xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        }
        var theirs = await other.Http.GetAsync("/huiskamer/rapportage?periode=2015");
        Assert.True(theirs.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{theirs.StatusCode}");
        // Their own report of 2015 does not hold our check-ins.
        var own = await other.GetPageAsync("/groene-spijker/rapportage?periode=2015");
        Assert.Null(own.QuerySelector($"tr[data-indicator='{Wijkbasis.Features.Impact.Indicators.Reach.Persons}']"));
    }

    [Fact]
    public async Task ThePdfIsAnA4DocumentWhoseTextHoldsTheKeyFiguresAndTheExportsHoldTheNumbersOfThePage()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var pdf = await coordinator.Http.GetAsync(Year + "&handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = PdfText(bytes);
        if (text is not null)
        {
            Assert.Contains("Rapportage De Huiskamer", text);
            Assert.Matches(@"Unieke bezoekers\s+3\s+2\s+\+1 \(\+50,0%\)", text);
            Assert.Matches(@"Bezoeken op naam\s+6\s+2", text);
            Assert.Contains("Het hoogst in juni 2015 (3)", text);
        }

        var csv = await coordinator.Http.GetAsync(Year + "&handler=Csv");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n");
        Assert.Contains("Unieke bezoekers;personen;3;2;1", lines);
        Assert.Contains("Bezoeken op naam;aantal;6;2;4", lines);
        Assert.Contains("2015-06;personen;3", lines);

        var xlsx = await coordinator.Http.GetAsync(Year + "&handler=Xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        var reach = sheets.Single(s => s.Name == "Bereik");
        var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(reach.Id!)).Worksheet.Descendants<Row>()
            .Select(r => string.Join("|", r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? ""))).ToList();
        Assert.Contains("Unieke bezoekers|personen|3|2|1", rows);
        Assert.Contains("Nieuwe bezoekers|personen|2|2|0", rows);
    }

    /// <summary>The text of a PDF as pdftotext (poppler-utils) reads it, keeping the layout; null when it is not installed.</summary>
    internal static string? PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

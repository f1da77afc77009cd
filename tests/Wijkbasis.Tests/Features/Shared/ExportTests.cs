using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Shared;

/// <summary>The one export mechanism (docs/decisions/0025): every list as CSV and XLSX with the same header and rows,
/// only the enterprise's own rows, audited with the purpose and the row count; people's data only with a purpose, not
/// for a volunteer, and a text a spreadsheet would run as a formula stays a text.</summary>
public sealed class ExportTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Known = "Exportina Testpersoon";
    private const string Formula = "=HYPERLINK(\"http://kwaad.example\")";
    private const string Purpose = "&doel=verantwoording";

    private static DateOnly Today => TimeProvider.System.AmsterdamToday();

    private async Task<Guid> PersonAsync(string name, string enterprise = "huiskamer")
    {
        var existing = await app.InDbAsync(enterprise, db => db.People.Where(p => p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync());
        if (existing is { } id)
        {
            return id;
        }
        return await app.InDbAsync(enterprise, async db =>
        {
            var person = await PersonRegistration.NewAsync(db, name, 1950, "6821AB", CancellationToken.None);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
    }

    /// <summary>The rows of a CSV (byte-order mark checked, then split on CRLF and semicolons; quotes taken off).</summary>
    private static List<List<string>> CsvRows(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';').Select(c => c.Length > 1 && c[0] == '"' && c[^1] == '"' ? c[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : c).ToList())
            .ToList();
    }

    /// <summary>The rows of the first worksheet of an XLSX, opened with OpenXml; each cell's text or number.</summary>
    private static List<List<string>> XlsxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        return ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }

    private static async Task<(List<List<string>> Csv, List<List<string>> Xlsx)> BothAsync(HtmlClient client, string url)
    {
        var csv = await client.Http.GetAsync(url.Replace("@F", "Csv", StringComparison.Ordinal));
        Assert.True(csv.StatusCode == HttpStatusCode.OK, $"{url}: {csv.StatusCode}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var xlsx = await client.Http.GetAsync(url.Replace("@F", "Xlsx", StringComparison.Ordinal));
        Assert.True(xlsx.StatusCode == HttpStatusCode.OK, $"{url}: {xlsx.StatusCode}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        return (CsvRows(await csv.Content.ReadAsByteArrayAsync()), XlsxRows(await xlsx.Content.ReadAsByteArrayAsync()));
    }

    private Task<List<AuditEntry>> ExportRowsAsync(string list) =>
        app.InDbAsync("huiskamer", db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.Export && a.EntityId == list).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task EveryListDownloadsAsCsvAndXlsxWithTheSameHeaderAndRows()
    {
        await PersonAsync(Known);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        var month = Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var lists = new (string Url, string Header)[]
        {
            ($"/huiskamer/mensen?q=Exportina&handler=@F{Purpose}", "Naam|Geboren|Postcode|Buurt|Vrager / drager|Status"),
            ($"/huiskamer/week?datum={monday:yyyy-MM-dd}&handler=@F", "Datum|Begin|Einde|Activiteit|Locatie|Status|Aangemeld op naam|Geteld zonder naam"),
            ($"/huiskamer/week?datum={monday:yyyy-MM-dd}&handler=CheckIns@F{Purpose}", "Datum|Begin|Activiteit|Naam|Aangemeld om"),
            ($"/huiskamer/logboek/downloaden?van={Today.Year - 1}-01-01&tot={Today:yyyy-MM-dd}&handler=@F", "Datum|Begin|Einde|Activiteit|Locatie|Status|Aangemeld op naam|Geteld zonder naam"),
            ($"/huiskamer/logboek/downloaden?van={Today.Year - 1}-01-01&tot={Today:yyyy-MM-dd}&handler=CheckIns@F{Purpose}", "Datum|Begin|Activiteit|Naam|Aangemeld om"),
            ($"/huiskamer/uren/overzicht?jaar={Today.Year}&handler=@F{Purpose}", "Naam|Rol|Uren|Minuten|Keren"),
            ($"/huiskamer/ruimtes/bezetting?maand={month}&handler=@F", "Datum|Begin|Einde|Ruimte|Soort|Titel|Huurder|Tarief|Prijs|Status"),
            ($"/huiskamer/geldstromen?jaar={Today.Year - 1}&handler=@F", "Datum|Soort|Bron of categorie|Tegenpartij|Omschrijving|Bedrag|Blijft in de wijk|Terugboeking van|Reden|Geboekt door"),
            ($"/huiskamer/tijdbank?handler=@F{Purpose}", "Datum|Van|Naar|Aantal punten|Omschrijving|Terugboeking van|Reden|Geboekt door"),
        };
        foreach (var (url, header) in lists)
        {
            var (csv, xlsx) = await BothAsync(coordinator, url);
            Assert.Equal(header, string.Join("|", csv[0]));
            Assert.Equal(header, string.Join("|", xlsx[0]));
            Assert.True(csv.Count == xlsx.Count, $"{url}: {csv.Count} CSV rows, {xlsx.Count} XLSX rows");
        }

        // Known rows: the person in the register, this year's money and the time bank as the database holds them.
        var (people, peopleXlsx) = await BothAsync(coordinator, $"/huiskamer/mensen?q=Exportina&handler=@F{Purpose}");
        Assert.Equal([Known, "1950"], people.Single(r => r[0] == Known)[..2]);
        Assert.Equal([Known, "1950"], peopleXlsx.Single(r => r[0] == Known)[..2]);
        var lastYear = new DateOnly(Today.Year - 1, 1, 1);
        var firstLine = await app.InDbAsync("huiskamer", db => db.MoneyLines.AsNoTracking().Where(l => l.BookedOn >= lastYear && l.BookedOn < lastYear.AddYears(1))
            .OrderBy(l => l.BookedOn).ThenBy(l => l.Id).FirstAsync());
        var (money, moneyXlsx) = await BothAsync(coordinator, $"/huiskamer/geldstromen?jaar={Today.Year - 1}&handler=@F");
        Assert.Equal([firstLine.BookedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], money[1][..1]);
        Assert.Equal((firstLine.AmountCents / 100m).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), money[1][5]);
        Assert.Equal(firstLine.AmountCents / 100m, decimal.Parse(moneyXlsx[1][5], System.Globalization.CultureInfo.InvariantCulture));
        var transfers = await app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.CountAsync());
        var (bank, _) = await BothAsync(coordinator, $"/huiskamer/tijdbank?handler=@F{Purpose}");
        Assert.Equal(transfers, bank.Count - 1);
    }

    [Fact]
    public async Task AnotherEnterprisesRowsNeverAppearAndItsExportUrlsAnswerNotFound()
    {
        await PersonAsync(Known);
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        var (people, _) = await BothAsync(other, $"/groene-spijker/mensen?q=Exportina&handler=@F{Purpose}");
        Assert.Single(people);
        var (all, _) = await BothAsync(other, $"/groene-spijker/mensen?archief=true&handler=@F{Purpose}");
        Assert.DoesNotContain(all, r => r[0] == Known);
        var (bank, _) = await BothAsync(other, $"/groene-spijker/tijdbank?handler=@F{Purpose}");
        var ours = await app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.Select(t => t.Description).Distinct().ToListAsync());
        var theirs = await app.InDbAsync("groene-spijker", db => db.TimeCreditTransfers.Select(t => t.Description).Distinct().ToListAsync());
        Assert.DoesNotContain(bank.Skip(1), r => ours.Except(theirs).Contains(r[4]));
        foreach (var url in new[]
                 {
                     $"/huiskamer/mensen?handler=Csv{Purpose}", $"/huiskamer/mensen?handler=Xlsx{Purpose}", "/huiskamer/week?handler=Csv",
                     $"/huiskamer/week?handler=CheckInsXlsx{Purpose}", $"/huiskamer/uren/overzicht?handler=Csv{Purpose}", "/huiskamer/ruimtes/bezetting?handler=Xlsx",
                     "/huiskamer/geldstromen?handler=Xlsx", $"/huiskamer/tijdbank?handler=Csv{Purpose}",
                     "/huiskamer/logboek/downloaden?handler=Csv", $"/huiskamer/logboek/downloaden?handler=CheckInsXlsx{Purpose}",
                 })
        {
            Assert.True((await other.Http.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
    }

    [Fact]
    public async Task EveryExportWritesOneAuditRowWithListFiltersRowCountFormatAndPurpose()
    {
        var person = await PersonAsync(Known);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = (await ExportRowsAsync("Mensen")).Count;
        var response = await coordinator.Http.GetAsync("/huiskamer/mensen?q=Exportina&handler=Xlsx&doel=anders&anders=Controle%20van%20de%20adressen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await ExportRowsAsync("Mensen");
        Assert.Equal(before + 1, rows.Count);
        var row = rows[^1];
        Assert.Equal("Export", row.EntityType);
        Assert.Contains("filter:q=Exportina;buurt=;archief=False", row.EntityIds!);
        Assert.Contains("rows:1", row.EntityIds!);
        Assert.Contains("format:xlsx", row.EntityIds!);
        Assert.Contains("purpose:Anders: Controle van de adressen", row.EntityIds!);
        Assert.Equal(person, row.PersonId);
        Assert.Equal(Coordinator, row.UserName);

        // A list without people's data asks no purpose, but is audited all the same.
        var moneyBefore = (await ExportRowsAsync("Geldstromen")).Count;
        var csv = CsvRows(await coordinator.Http.GetByteArrayAsync($"/huiskamer/geldstromen?jaar={Today.Year - 1}&handler=Csv"));
        var money = (await ExportRowsAsync("Geldstromen"))[moneyBefore..];
        var only = Assert.Single(money);
        Assert.Contains($"rows:{csv.Count - 1}", only.EntityIds!);
        Assert.Contains($"filter:jaar={Today.Year - 1}", only.EntityIds!);
        Assert.DoesNotContain(only.EntityIds!, e => e.StartsWith("purpose:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "", "Kies waarvoor u deze lijst downloadt.")]
    [InlineData("stiekem", "", "Kies waarvoor u deze lijst downloadt.")]
    [InlineData("anders", "", "Schrijf bij ‘anders’ waarvoor u deze lijst downloadt.")]
    [InlineData("anders", "kijk", "Schrijf het doel in minstens 5 tekens.")]
    [InlineData("planning", "x", "Schrijf het doel in hoogstens 200 tekens.")]
    public async Task APeopleExportWithoutAGoodPurposeIsRefusedInDutchAndSendsNoFile(string choice, string other, string message)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        if (other == "x")
        {
            other = new string('x', 201);
        }
        var before = (await ExportRowsAsync("Mensen")).Count;
        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            var response = await coordinator.Http.GetAsync($"/huiskamer/mensen?handler={handler}&doel={choice}&anders={other}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Null(response.Content.Headers.ContentDisposition);
            var page = await HtmlClient.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
            // The purpose form is open again, with what was chosen.
            Assert.NotNull(page.QuerySelector("details#downloaden[open] select#doel"));
        }
        Assert.Equal(before, (await ExportRowsAsync("Mensen")).Count);
    }

    [Fact]
    public async Task AVolunteerCannotExportTheRegisterOrCheckInsAndGetsOnlyTheSessionsThePageShows()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        foreach (var url in new[]
                 {
                     $"/huiskamer/mensen?handler=Csv{Purpose}", $"/huiskamer/mensen?handler=Xlsx{Purpose}", $"/huiskamer/week?handler=CheckInsCsv{Purpose}",
                     $"/huiskamer/logboek/downloaden?handler=CheckInsCsv{Purpose}",
                 })
        {
            var response = await volunteer.FollowAsync(await volunteer.Http.GetAsync(url));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }
        Assert.Null((await volunteer.GetPageAsync("/huiskamer/mensen")).QuerySelector("#downloaden"));
        // The hours and the time bank are not theirs to see, so not theirs to download either.
        foreach (var url in new[] { $"/huiskamer/uren/overzicht?handler=Csv{Purpose}", $"/huiskamer/tijdbank?handler=Csv{Purpose}", "/huiskamer/geldstromen?handler=Csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(url))).StatusCode);
        }

        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        var page = await volunteer.GetPageAsync($"/huiskamer/week?datum={monday:yyyy-MM-dd}");
        var shown = page.QuerySelectorAll("#kalender li li").Length;
        var (sessions, _) = await BothAsync(volunteer, $"/huiskamer/week?datum={monday:yyyy-MM-dd}&handler=@F");
        Assert.Equal(shown, sessions.Count - 1);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var (all, _) = await BothAsync(coordinator, $"/huiskamer/week?datum={monday:yyyy-MM-dd}&handler=@F");
        Assert.True(all.Count >= sessions.Count);
    }

    [Fact]
    public async Task TheLogbookOfAPeriodDownloadsEveryCheckInOfThatPeriodAuditedWithItsPeopleAndABadPeriodIsRefused()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        // The test's demo keeps a logbook of the last month.
        var (from, until) = (Today.AddDays(-60), Today);
        var (start, end) = (Clock.FromAmsterdam(from, TimeOnly.MinValue), Clock.FromAmsterdam(until.AddDays(1), TimeOnly.MinValue));
        var expected = await app.InDbAsync("huiskamer", db => db.CheckIns.Where(c => db.Sessions.Any(s => s.Id == c.SessionId && s.StartsAt >= start && s.StartsAt < end))
            .Select(c => c.PersonId).ToListAsync());
        Assert.True(expected.Count > 20, "the demo's last month has a logbook");
        var page = await coordinator.GetPageAsync($"/huiskamer/logboek/downloaden?van={from:yyyy-MM-dd}&tot={until:yyyy-MM-dd}");
        Assert.Contains($"{expected.Count} aanmeldingen op naam", page.QuerySelector("#telling")!.TextContent);

        var before = (await ExportRowsAsync("Aanmeldingen")).Count;
        var (csv, xlsx) = await BothAsync(coordinator, $"/huiskamer/logboek/downloaden?van={from:yyyy-MM-dd}&tot={until:yyyy-MM-dd}&handler=CheckIns@F{Purpose}");
        Assert.Equal(expected.Count, csv.Count - 1);
        Assert.Equal(expected.Count, xlsx.Count - 1);
        Assert.All(csv.Skip(1), r => Assert.InRange(DateOnly.ParseExact(r[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), from, until));
        var audit = (await ExportRowsAsync("Aanmeldingen"))[before..];
        Assert.Equal(2, audit.Count);
        Assert.Contains($"filter:periode={from:yyyy-MM-dd}..{until:yyyy-MM-dd}", audit[0].EntityIds!);
        Assert.Contains($"rows:{expected.Count}", audit[0].EntityIds!);
        Assert.Equal(expected.Distinct().Order(), audit[0].PersonIds!.Order());

        foreach (var (query, message) in new[]
                 {
                     ($"van={until:yyyy-MM-dd}&tot={from:yyyy-MM-dd}", "De laatste dag ligt vóór de eerste."),
                     ($"van={until.AddDays(-1098):yyyy-MM-dd}&tot={until:yyyy-MM-dd}", "Kies een periode van hoogstens 1098 dagen."),
                     ($"van=1999-12-31&tot={until:yyyy-MM-dd}", "Kies een datum tussen 1-1-2000 en 31-12-2100."),
                     ($"van={from:yyyy-MM-dd}&tot=", "Vul de laatste dag in."),
                     ($"van=gisteren&tot={until:yyyy-MM-dd}", "Vul bij Van een geldige waarde in ('gisteren' klopt niet)."),
                 })
        {
            foreach (var handler in new[] { "", "&handler=Csv", $"&handler=CheckInsXlsx{Purpose}" })
            {
                var response = await coordinator.Http.GetAsync($"/huiskamer/logboek/downloaden?{query}{handler}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}{handler}: {response.StatusCode}");
                Assert.Null(response.Content.Headers.ContentDisposition);
                Assert.Contains(message, (await HtmlClient.ParseAsync(response)).QuerySelector("#fouten")!.TextContent, StringComparison.Ordinal);
            }
        }
        Assert.Equal(before + 2, (await ExportRowsAsync("Aanmeldingen")).Count);
    }

    [Fact]
    public async Task ACellThatASpreadsheetWouldRunAsAFormulaStaysAText()
    {
        await PersonAsync(Formula);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var (csv, xlsx) = await BothAsync(coordinator, $"/huiskamer/mensen?q=HYPERLINK&handler=@F{Purpose}");
        Assert.Contains(csv, r => r[0] == "'" + Formula);
        Assert.DoesNotContain(csv, r => r[0].StartsWith('='));
        Assert.Contains(xlsx, r => r[0] == "'" + Formula);

        var bytes = await coordinator.Http.GetByteArrayAsync($"/huiskamer/mensen?q=HYPERLINK&handler=Xlsx{Purpose}");
        using var stream = new MemoryStream(bytes);
        using var workbook = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(workbook.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<CellFormula>()));
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>A known canary written into a case note, an intake answer and a ZRM score is found nowhere in plain
/// text: not in the SQLite file (with its write-ahead log), not in a dump of the PostgreSQL database.</summary>
public sealed class SealedAtRestTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Canary = "KANARIE-7f3a9c-schulden-bij-de-energieleverancier";

    [Fact]
    public async Task TheCanaryIsNowhereInPlainTextButThePageShowsIt()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var form = IntakeForm("2");
        form["Input.Want"] = Canary;
        form["Input.Zrm[SubstanceUse]"] = "2";
        var intake = await IntakeAsync(wijkverbinder, await FreshPersonAsync(app, 5), form);
        var caseId = await CaseAsync(app, Hanneke, skip: 6);
        var hanneke = await HtmlClient.LoggedInAsync(app, Hanneke);
        var contact = await PostAsync(hanneke, $"/huiskamer/casussen/{caseId}", "Contact", new()
        {
            ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Call", ["Contact.Text"] = Canary,
        });
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);

        // Those who may see it, see it in plain text.
        Assert.Contains(Canary, (await hanneke.GetPageAsync($"/huiskamer/casussen/{caseId}")).Body!.TextContent);
        Assert.Contains("Middelengebruik", (await wijkverbinder.GetPageAsync($"/huiskamer/intakes/{intake}")).QuerySelector("#zrm")!.TextContent);

        var stored = TestDatabase.IsPostgres ? await PostgresDumpAsync() : SqliteFiles();
        Assert.DoesNotContain(Canary, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("SubstanceUse", stored, StringComparison.Ordinal);
        // Nor in words: the proposal's reasons are worked out from the sealed scores, not stored.
        Assert.DoesNotContain("Middelengebruik", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("staat op niveau", stored, StringComparison.Ordinal);
        // The check would find it if it were there: the resident's name is stored in plain text.
        var name = await app.AsCaseworkAsync(db => db.People.Where(p => p.Id == db.Cases.Where(c => c.Id == caseId).Select(c => c.PersonId).Single()).Select(p => p.Name).SingleAsync());
        Assert.Contains(name, stored, StringComparison.Ordinal);
    }

    private string SqliteFiles()
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var text = new StringBuilder();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.UTF8.GetString(memory.ToArray()));
        }
        return text.ToString();
    }

    private async Task<string> PostgresDumpAsync()
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString);
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
            .OrderDescending().First();
        var start = new ProcessStartInfo(pgDump, ["--enable-row-security", "--data-only", "-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", cs.Username!, "-d", cs.Database!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}

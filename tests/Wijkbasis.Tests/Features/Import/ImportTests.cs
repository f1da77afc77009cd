using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Import;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Import;

/// <summary>Spreadsheet import (issue 18): upload, map, dry run, duplicates, one background commit that writes all rows
/// or none, tenancy and roles. One app for all of them; each test works with names of its own.</summary>
public sealed partial class ImportTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Enterprise = "huiskamer";
    private static readonly string Base = $"/{Enterprise}/importeren";

    /// <summary>A word only this test uses, so tests share the app without seeing each other's rows.</summary>
    private static string Tag() => "T" + Guid.NewGuid().ToString("N")[..8];

    [GeneratedRegex(@"/importeren/([0-9a-f-]{36})/kolommen")]
    private static partial Regex MapAddress();

    /// <summary>Uploads a file as the client and returns the new import's id (the upload leads to its column mapping).</summary>
    private static async Task<Guid> UploadAsync(HtmlClient client, ImportKind kind, string fileName, byte[] content)
    {
        var page = await client.GetPageAsync(Base);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlClient.TokenOf(page)), "__RequestVerificationToken" },
            { new StringContent(page.QuerySelector("input[name=FormKey]")!.GetAttribute("value")!), "FormKey" },
            { new StringContent(kind.ToString()), "Kind" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        var response = await client.Http.PostAsync(Base, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(MapAddress().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
    }

    /// <summary>Accepts the mapping as the page fills it in (from the heads), and lands on the dry run.</summary>
    private static async Task MapAsGuessedAsync(HtmlClient client, Guid id)
    {
        var page = await client.GetPageAsync($"{Base}/{id}/kolommen");
        var values = page.QuerySelectorAll("select").ToDictionary(s => s.GetAttribute("name")!,
            s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        values["__RequestVerificationToken"] = HtmlClient.TokenOf(page);
        var response = await client.PostRawAsync($"{Base}/{id}/kolommen", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> CommitAsync(HtmlClient client, Guid id, Dictionary<string, string>? choices = null,
        HttpStatusCode? expect = HttpStatusCode.Redirect)
    {
        var values = choices ?? [];
        values["__RequestVerificationToken"] = await client.TokenAsync(Base);
        var response = await client.PostRawAsync($"{Base}/{id}?handler=Commit", values);
        if (expect is { } status)
        {
            Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await ErrorsAsync(response)}");
        }
        return response;
    }

    private Task WhenDoneAsync(Guid id) =>
        app.Services.GetRequiredService<ImportQueue>().WhenDoneAsync(id).WaitAsync(TimeSpan.FromSeconds(60));

    private Task<ImportJob> JobAsync(Guid id) => app.InDbAsync(Enterprise, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private static byte[] Csv(string text, bool bom) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))];

    private Task<Guid> PersonAsync(string name, int? birthYear = null, string? postcode = null) => app.InDbAsync(Enterprise, async db =>
    {
        var person = new Person { Name = name, SearchName = SearchText.Normalize(name), BirthYear = birthYear, Postcode = postcode, CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow() };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    /// <summary>An activity with a session on each of the days (10:00–12:00), made straight in the database.</summary>
    private Task<Guid> ActivityAsync(string name, params DateOnly[] days) => app.InDbAsync(Enterprise, async db =>
    {
        var location = new Location { Name = "Zaal " + name, CreatedAt = TimeProvider.System.UtcNow() };
        var activity = new Activity
        {
            Name = name, LocationId = location.Id, StartTime = new(10, 0), EndTime = new(12, 0), FirstDate = days[0], LastDate = days[^1],
            PlannedUntil = days[0], Recurrence = Recurrence.Once, CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow(),
        };
        db.Locations.Add(location);
        db.Activities.Add(activity);
        db.Sessions.AddRange(days.Select(d => new Session
        {
            ActivityId = activity.Id, OccurrenceDate = d, LocationId = location.Id,
            StartsAt = Clock.FromAmsterdam(d, new(10, 0)), EndsAt = Clock.FromAmsterdam(d, new(12, 0)),
        }));
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private sealed record Counts(int People, int CheckIns, int HeadCounts, int Sessions, int Activities);

    private Task<Counts> CountsAsync() => app.InDbAsync(Enterprise, async db => new Counts(
        await db.People.CountAsync(), await db.CheckIns.CountAsync(), await db.HeadCounts.CountAsync(), await db.Sessions.CountAsync(),
        await db.Activities.CountAsync()));

    [Fact]
    public async Task ALibreOfficeXlsxOfSessionsWithDateCellsImports()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.Sessions, "sessies.xlsx", ImportFixtures.LibreOfficeSessions());
        await MapAsGuessedAsync(coordinator, id);

        var check = await coordinator.GetPageAsync($"{Base}/{id}");
        Assert.Equal("3", check.QuerySelector("#toevoegen")!.TextContent.Trim());
        Assert.Null(check.QuerySelector("#problemen"));
        await CommitAsync(coordinator, id);
        await WhenDoneAsync(id);

        var sessions = await app.InDbAsync(Enterprise, db => db.Sessions.AsNoTracking().Where(s => s.Activity!.Name == ImportFixtures.LibreOfficeActivity)
            .OrderBy(s => s.OccurrenceDate).Select(s => s.OccurrenceDate).ToListAsync());
        Assert.Equal([new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 17)], sessions);
        var job = await JobAsync(id);
        Assert.Equal(ImportStatus.Committed, job.Status);
        Assert.Null(job.Content);
    }

    [Fact]
    public async Task PeopleImportWithTheFormsPeopleTypeAddsThemWithoutConsentAndWritesOneAuditRow()
    {
        var tag = Tag();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.People, "mensen.csv", Csv($"""
            Naam,Geboortejaar,Postcode,Telefoon,E-mail
            Xena {tag},1950,6822ab,+31 6 1234 5678,xena@voorbeeld.nl
            "Yusuf {tag}, jr.",1980,6822 AB,06-12345678,
            """, bom: true));
        await MapAsGuessedAsync(coordinator, id);
        await CommitAsync(coordinator, id);
        await WhenDoneAsync(id);

        var people = await app.InDbAsync(Enterprise, db => db.People.AsNoTracking().Include(p => p.Consents)
            .Where(p => p.Name.Contains(tag)).OrderBy(p => p.Name).ToListAsync());
        Assert.Equal([$"Xena {tag}", $"Yusuf {tag}, jr."], people.Select(p => p.Name).Order().ToArray());
        Assert.All(people, p => Assert.Equal("6822 AB", p.Postcode));
        Assert.All(people, p => Assert.Equal("0612345678", p.Phone));
        Assert.All(people, p => Assert.Empty(p.Consents));
        var audit = await app.InDbAsync(Enterprise, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ImportCommitter.AuditAction && a.EntityId == id.ToString()).ToListAsync());
        var row = Assert.Single(audit);
        Assert.Contains("file:mensen.csv", row.EntityIds!);
        Assert.Contains("rows:2", row.EntityIds!);
        Assert.Contains("added:2", row.EntityIds!);
        Assert.Equal(people.Select(p => p.Id).Order(), row.PersonIds!);
        var job = await JobAsync(id);
        Assert.NotNull(job.ByUserId);
        Assert.Equal((job.ByUserId, job.ByName), (row.UserId, row.UserName));
    }

    [Fact]
    public async Task SessionsThenAttendanceImportAndASecondCommitDoesNothing()
    {
        var tag = Tag();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var sessions = await UploadAsync(coordinator, ImportKind.Sessions, "activiteiten.csv", Csv($"""
            Activiteit,Datum,Begintijd,Eindtijd,Locatie
            Breiclub {tag},3-1-2024,10:00,12:00,Buurthuis {tag}
            Breiclub {tag},2024-01-10,10.00,12.00,Buurthuis {tag}
            Breiclub {tag},17 jan 2024,10u,12u,
            """, bom: true));
        await MapAsGuessedAsync(coordinator, sessions);
        await CommitAsync(coordinator, sessions);
        await WhenDoneAsync(sessions);
        Assert.Equal(3, await app.InDbAsync(Enterprise, db => db.Sessions.CountAsync(s => s.Activity!.Name == $"Breiclub {tag}")));

        await PersonAsync($"Anna {tag}");
        await PersonAsync($"Bob {tag}");
        var attendance = await UploadAsync(coordinator, ImportKind.Attendance, "aanwezig.csv", Csv($"""
            Activiteit;Datum;Naam;Kinderen;Volwassenen
            Breiclub {tag};03-01-2024;Anna {tag};;
            Breiclub {tag};3-1-2024;Bob {tag};;
            Breiclub {tag};10-1-2024;Anna {tag};;
            Breiclub {tag};17-1-2024;;2;5
            """, bom: false));
        await MapAsGuessedAsync(coordinator, attendance);
        var before = await CountsAsync();
        await CommitAsync(coordinator, attendance);
        await CommitAsync(coordinator, attendance);
        await WhenDoneAsync(attendance);
        await CommitAsync(coordinator, attendance);

        var after = await CountsAsync();
        Assert.Equal(before.CheckIns + 3, after.CheckIns);
        Assert.Equal(before.HeadCounts + 1, after.HeadCounts);
        var progress = await coordinator.GetPageAsync($"{Base}/{attendance}/voortgang");
        Assert.Contains("4 toegevoegd", progress.QuerySelector("#stand")!.TextContent);

        // The same file again as a new import, with the 17th's tally twice: the earlier rows are all left out, and
        // of the two equal tallies only the one the logbook does not have yet is added.
        var again = await UploadAsync(coordinator, ImportKind.Attendance, "aanwezig-opnieuw.csv", Csv($"""
            Activiteit;Datum;Naam;Kinderen;Volwassenen
            Breiclub {tag};03-01-2024;Anna {tag};;
            Breiclub {tag};3-1-2024;Bob {tag};;
            Breiclub {tag};10-1-2024;Anna {tag};;
            Breiclub {tag};17-1-2024;;2;5
            Breiclub {tag};17-1-2024;;2;5
            """, bom: false));
        await MapAsGuessedAsync(coordinator, again);
        var check = await coordinator.GetPageAsync($"{Base}/{again}");
        Assert.Contains("deze telling staat al in het logboek van die dag", check.Body!.TextContent);
        await CommitAsync(coordinator, again);
        await WhenDoneAsync(again);
        var last = await CountsAsync();
        Assert.Equal(after.CheckIns, last.CheckIns);
        Assert.Equal(after.HeadCounts + 1, last.HeadCounts);
    }

    [Fact]
    public async Task AFileWithTenBadRowsReportsAllTenAndTheDryRunAndTheCommitWriteNothing()
    {
        var tag = Tag();
        await ActivityAsync($"Soep {tag}", new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 10));
        await PersonAsync($"Anna {tag}");
        await PersonAsync($"Dubbel {tag}", 1950);
        await PersonAsync($"Dubbel {tag}", 1960);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.Attendance, "fouten.csv", Csv($"""
            Activiteit;Datum;Naam;Kinderen;Volwassenen
            Soep {tag};3-1-2024;Anna {tag};;
            ;3-1-2024;Anna {tag};;
            Onbekend {tag};3-1-2024;Anna {tag};;
            Soep {tag};32-1-2024;Anna {tag};;
            Soep {tag};;Anna {tag};;
            Soep {tag};4-1-2024;Anna {tag};;
            Soep {tag};3-1-2024;Niemand {tag};;
            Soep {tag};3-1-2024;Dubbel {tag};;
            Soep {tag};3-1-2024;;veel;
            Soep {tag};3-1-2024;;;9999
            Soep {tag};10-1-2024;;;
            """, bom: true));
        await MapAsGuessedAsync(coordinator, id);
        var before = await CountsAsync();

        var check = await coordinator.GetPageAsync($"{Base}/{id}");

        var problems = check.QuerySelectorAll("#problemen tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(Enumerable.Range(3, 10).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), problems.Select(p => p[0]));
        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p[1]) || string.IsNullOrEmpty(p[2])));
        Assert.Equal("Activiteit", problems[0][1]);
        Assert.Equal("Datum", problems[2][1]);
        Assert.Contains("staat niet in het register", problems[5][2]);
        Assert.Contains("Vul het geboortejaar in", problems[6][2]);
        Assert.Equal("Kinderen", problems[7][1]);
        Assert.Equal("1", check.QuerySelector("#toevoegen")!.TextContent.Trim());
        Assert.Equal(before, await CountsAsync());

        await CommitAsync(coordinator, id, expect: HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(ImportStatus.Open, (await JobAsync(id)).Status);
    }

    [Fact]
    public async Task EachDuplicateGetsTheChoiceAndSkipMergeAndNewDoWhatTheySay()
    {
        var tag = Tag();
        var skip = await PersonAsync($"Overslaan {tag}", 1950, "6822 AB");
        var merge = await PersonAsync($"Samen {tag}", 1951, "6822 AB");
        var other = await PersonAsync($"Nieuw {tag}", 1952, "6822 AB");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.People, "dubbel.csv", Csv($"""
            Naam;Geboortejaar;Postcode;Telefoon
            Overslaan {tag};1950;6822ab;0611111111
            Samen {tag};1951;6822 AB;0622222222
            Nieuw {tag};1952;6822AB;0633333333
            """, bom: false));
        await MapAsGuessedAsync(coordinator, id);
        var check = await coordinator.GetPageAsync($"{Base}/{id}");
        Assert.Equal("3", check.QuerySelector("#dubbel")!.TextContent.Trim());
        Assert.Equal(3, check.QuerySelectorAll("input[type=radio][value=Merge]").Length);

        await CommitAsync(coordinator, id, new() { ["Choices[2]"] = "Skip", ["Choices[3]"] = "Merge", ["Choices[4]"] = "Maybe" }, HttpStatusCode.BadRequest);
        await CommitAsync(coordinator, id, new() { ["Choices[2]"] = "Skip", ["Choices[3]"] = "Merge", ["Choices[4]"] = "New" });
        await WhenDoneAsync(id);

        var people = await app.InDbAsync(Enterprise, db => db.People.AsNoTracking().Where(p => p.Name.Contains(tag)).ToListAsync());
        Assert.Null(Assert.Single(people, p => p.Name.StartsWith("Overslaan", StringComparison.Ordinal)).Phone);
        Assert.Equal("0622222222", Assert.Single(people, p => p.Name.StartsWith("Samen", StringComparison.Ordinal)).Phone);
        var both = people.Where(p => p.Name.StartsWith("Nieuw", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, both.Count);
        Assert.Contains(both, p => p.Id == other && p.Phone is null);
        Assert.Contains(both, p => p.Id != other && p.Phone == "0633333333");
        var job = await JobAsync(id);
        Assert.Equal((1, 1, 1), (job.Added, job.Merged, job.Skipped));
        Assert.Equal(skip, people.Single(p => p.Name.StartsWith("Overslaan", StringComparison.Ordinal)).Id);
        Assert.Equal(merge, people.Single(p => p.Name.StartsWith("Samen", StringComparison.Ordinal)).Id);
    }

    [Fact]
    public async Task AVolunteerIsRefusedAndAnotherEnterpriseGetsNotFound()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.People, "mensen.csv", Csv("Naam\nIemand", bom: false));

        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Base))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"{Base}/{id}"))).StatusCode);

        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        foreach (var page in new[] { $"/groene-spijker/importeren/{id}", $"/groene-spijker/importeren/{id}/kolommen", $"/groene-spijker/importeren/{id}/voortgang" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(page)).StatusCode);
        }
        var token = await other.TokenAsync("/groene-spijker/importeren");
        var commit = await other.PostRawAsync($"/groene-spijker/importeren/{id}?handler=Commit", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        Assert.Equal(ImportStatus.Open, (await JobAsync(id)).Status);
    }

    [Fact]
    public async Task AnAbandonedImportDeletesTheFileAndWritesNothing()
    {
        var tag = Tag();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.People, "weg.csv", Csv($"Naam\nWeg {tag}", bom: false));
        Assert.NotNull((await JobAsync(id)).Content);

        var token = await coordinator.TokenAsync(Base);
        var abandoned = await coordinator.PostRawAsync($"{Base}/{id}?handler=Abandon", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, abandoned.StatusCode);

        var job = await JobAsync(id);
        Assert.Equal(ImportStatus.Abandoned, job.Status);
        Assert.Null(job.Content);
        await CommitAsync(coordinator, id);
        Assert.Equal(ImportStatus.Abandoned, (await JobAsync(id)).Status);
        Assert.Equal(0, await app.InDbAsync(Enterprise, db => db.People.CountAsync(p => p.Name.Contains(tag))));
    }

    [Fact]
    public async Task ALongDryRunIsPagedWithEveryPossibleDuplicateOnEachPageAndAnUnreadablePageIsRefused()
    {
        var tag = Tag();
        await PersonAsync($"Dubbel {tag}", 1950, "6822 AB");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        // 600 new people, then one who is probably already in the register (row 602, on the second page of rows).
        var lines = Enumerable.Range(1, 600).Select(i => $"Lid {i} {tag};1980;").Append($"Dubbel {tag};1950;6822AB");
        var id = await UploadAsync(coordinator, ImportKind.People, "lang.csv", Csv("Naam;Geboortejaar;Postcode\n" + string.Join("\n", lines), bom: false));
        await MapAsGuessedAsync(coordinator, id);

        var first = await coordinator.GetPageAsync($"{Base}/{id}");
        Assert.Equal("600", first.QuerySelector("#toevoegen")!.TextContent.Trim());
        Assert.Equal("1", first.QuerySelector("#dubbel")!.TextContent.Trim());
        var rows = first.QuerySelectorAll("#rijen tbody tr").Select(r => r.Id ?? "").ToList();
        Assert.Equal(501, rows.Count);
        Assert.Equal(["rij-2", "rij-501", "rij-602"], [rows[0], rows[499], rows[500]]);
        Assert.Contains("Pagina 1 van 2", first.QuerySelector("#rijen-paginas")!.TextContent);

        var second = await coordinator.GetPageAsync($"{Base}/{id}?pagina=2");
        Assert.Equal(["rij-502", "rij-601", "rij-602"], second.QuerySelectorAll("#rijen tbody tr").Select(r => r.Id ?? "").Where((_, i) => i is 0 or 99 or 100).ToList());
        Assert.Equal(101, second.QuerySelectorAll("#rijen tbody tr").Length);
        Assert.NotNull(second.QuerySelector("input[name='Choices[602]']"));
        var beyond = await coordinator.GetPageAsync($"{Base}/{id}?pagina=99");
        Assert.Contains("Pagina 2 van 2", beyond.QuerySelector("#rijen-paginas")!.TextContent);

        var unreadable = await coordinator.Http.GetAsync($"{Base}/{id}?pagina=twee");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
    }

    [Fact]
    public async Task AnImportLeftRunningByAStoppedProcessIsCommittedOnceByTheNextStartAndAStaleClaimWritesNothing()
    {
        var tag = Tag();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await UploadAsync(coordinator, ImportKind.People, "onderbroken.csv", Csv($"Naam\nOnderbroken {tag}", bom: false));
        await MapAsGuessedAsync(coordinator, id);
        // What a process that stopped half-way through the commit leaves: running, under a claim that has run out (its
        // transaction was never committed, so nothing else is there).
        var stale = Guid.NewGuid();
        await app.InDbAsync(Enterprise, db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.ClaimId, stale)
            .SetProperty(j => j.ClaimedUntil, TimeProvider.System.UtcNow().AddMinutes(-1))));

        // The next start of the app (a second copy on the same database) picks it up and commits it. (The running copy
        // looks once a minute too, and may be the one that gets it: either way it is committed once.)
        await using (var next = WijkbasisFactory.OnSameDatabaseAs(app))
        {
            await next.InitializeAsync();
            await Task.WhenAny(next.Services.GetRequiredService<ImportQueue>().WhenDoneAsync(id), WhenDoneAsync(id)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        var job = await JobAsync(id);
        Assert.Equal(ImportStatus.Committed, job.Status);
        Assert.NotEqual(stale, job.ClaimId);
        Assert.Equal(1, await app.InDbAsync(Enterprise, db => db.People.CountAsync(p => p.Name == $"Onderbroken {tag}")));

        // The stopped run, were it to come back, no longer holds the claim: it writes nothing.
        await app.InDbAsync(Enterprise, db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.Content, Csv($"Naam\nOnderbroken {tag}", false))));
        await using (var scope = await app.Services.AsTenantAsync(job.TenantId, [Wijkbasis.Infrastructure.Auth.Roles.Coordinator], "test"))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<ImportCommitter>().RunAsync(id, stale, null, CancellationToken.None));
        }
        Assert.Equal(1, await app.InDbAsync(Enterprise, db => db.People.CountAsync(p => p.Name == $"Onderbroken {tag}")));
    }

    [Fact]
    public async Task TheColumnMappingIsRememberedForTheNextFileOfTheSameKind()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var file = Csv("Wie;Sinds\nIemand;2020", bom: false);
        var first = await UploadAsync(coordinator, ImportKind.People, "eigen-koppen.csv", file);
        var page = await coordinator.GetPageAsync($"{Base}/{first}/kolommen");
        Assert.Null(page.QuerySelector("#kolom-naam option[selected]"));
        var mapped = await coordinator.PostRawAsync($"{Base}/{first}/kolommen", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.TokenOf(page), ["Columns[naam]"] = "Wie", ["Columns[geboortejaar]"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);

        var second = await UploadAsync(coordinator, ImportKind.People, "eigen-koppen-2.csv", file);

        var again = await coordinator.GetPageAsync($"{Base}/{second}/kolommen");
        Assert.Equal("Wie", again.QuerySelector("#kolom-naam option[selected]")?.GetAttribute("value"));
        var unreadable = await coordinator.PostRawAsync($"{Base}/{second}/kolommen", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.TokenOf(again), ["Columns[naam]"] = "Bestaat niet",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
    }
}

using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Retention;
using Wijkbasis.Infrastructure.Secrets;
using static Wijkbasis.Testing.TestForms;
using static Wijkbasis.Tests.Features.Retention.RetentionApp;

namespace Wijkbasis.Tests.Features.Retention;

/// <summary>The dry run, the coordinator's purge and the background job's round.</summary>
public sealed class RetentionPurgeTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private Task RunOneRoundAsync() => RetentionPurging.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

    [Fact]
    public async Task OneRoundOfTheJobPurgesWhatIsDueKeepsWhatIsNotAndEachEnterpriseByItsOwnTerms()
    {
        var since = Now;
        var oldForm = await SentFormAsync(app, TimeSpan.FromDays(3));
        var freshForm = await SentFormAsync(app, TimeSpan.FromHours(2));
        // The other enterprise keeps forms for 30 days: its form of 3 days stays.
        await app.InDbAsync("groene-spijker", async db =>
        {
            db.RetentionSettings.Add(new RetentionSetting { Kind = RetentionKind.SentForms, Term = 30, UpdatedAt = Now, UpdatedByName = "test" });
            await db.SaveChangesAsync();
            return 0;
        });
        var otherForm = await SentFormAsync(app, TimeSpan.FromDays(3), "groene-spijker");
        var otherOldForm = await SentFormAsync(app, TimeSpan.FromDays(40), "groene-spijker");
        var visitors = await PeopleAsync(app, 2018, 1950, null);
        var oldSession = await OldSessionAsync(app, TimeSpan.FromDays(365 * 6), visitors);
        var recentSession = await OldSessionAsync(app, TimeSpan.FromDays(365), visitors);

        await RunOneRoundAsync();

        Assert.False(await SentFormExistsAsync(app, oldForm));
        Assert.True(await SentFormExistsAsync(app, freshForm));
        Assert.True(await SentFormExistsAsync(app, otherForm, "groene-spijker"));
        Assert.False(await SentFormExistsAsync(app, otherOldForm, "groene-spijker"));
        // Six years ago: names gone, the count of visitors the same (3 by name + 2 counted), per age band.
        Assert.Equal((0, 5, 1, 3, 1), await VisitorsAsync(app, oldSession));
        Assert.Equal(["Oud verhaal met toestemming"], await EntriesAsync(app, oldSession));
        // A year ago: nothing due.
        Assert.Equal((3, 2, 0, 2, 0), await VisitorsAsync(app, recentSession));
        Assert.Equal(3, (await EntriesAsync(app, recentSession)).Count);
        // One audit row per kind purged, naming the count.
        Assert.Contains(await PurgeRowsAsync(app, "NamedCheckIns", since), ids => ids!.Contains("count:3"));
        Assert.Single(await PurgeRowsAsync(app, "LogNotes", since));
        Assert.Single(await PurgeRowsAsync(app, "SentForms", since, "groene-spijker"));
    }

    [Fact]
    public async Task OneRoundDeletesOldRoomRequestsAndInvitationsAndKeepsCurrentOnes()
    {
        var oldRequest = await RetentionRequests.RoomRequestAsync(app, TimeSpan.FromDays(800), decided: true);
        var recentRequest = await RetentionRequests.RoomRequestAsync(app, TimeSpan.FromDays(30), decided: true);
        var pendingRequest = await RetentionRequests.RoomRequestAsync(app, TimeSpan.FromDays(2), decided: false);
        var oldInvitation = await RetentionRequests.InvitationAsync(app, TimeSpan.FromDays(90), accepted: true);
        var expiredInvitation = await RetentionRequests.InvitationAsync(app, TimeSpan.FromDays(60), accepted: false);
        var openInvitation = await RetentionRequests.InvitationAsync(app, TimeSpan.FromDays(3), accepted: false);

        await RunOneRoundAsync();

        Assert.False(await RetentionRequests.RoomRequestExistsAsync(app, oldRequest));
        Assert.True(await RetentionRequests.RoomRequestExistsAsync(app, recentRequest));
        Assert.True(await RetentionRequests.RoomRequestExistsAsync(app, pendingRequest));
        Assert.False(await RetentionRequests.InvitationExistsAsync(app, oldInvitation));
        Assert.False(await RetentionRequests.InvitationExistsAsync(app, expiredInvitation));
        Assert.True(await RetentionRequests.InvitationExistsAsync(app, openInvitation));
    }

    [Fact]
    public async Task TheJobLeavesClosedBuddyFilesAndArchivedPeopleForTheCoordinator()
    {
        var closed = await CloseACaseAsync(TimeSpan.FromDays(365 * 3));

        await RunOneRoundAsync();

        Assert.NotNull((await CaseAsync(closed)).OutcomeNote);
    }

    [Fact]
    public async Task TheDryRunListsWhatIsDueAndThePurgeAfterConfirmingEmptiesClosedBuddyFilesOnce()
    {
        var since = Now.AddSeconds(-1);
        var closed = await CloseACaseAsync(TimeSpan.FromDays(365 * 3));
        var recent = await CloseACaseAsync(TimeSpan.FromDays(30), skip: 1);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var dryRun = await coordinator.GetPageAsync(Due);
        var due = int.Parse(dryRun.QuerySelector("tr[data-kind=ClosedBuddyFiles] [data-due]")!.GetAttribute("data-due")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(due >= 1);
        var items = await coordinator.GetPageAsync(Due + "?soort=ClosedBuddyFiles");
        Assert.Contains(Case.ReferenceOf(closed), items.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(Case.ReferenceOf(recent), items.QuerySelector("main")!.TextContent);
        Assert.NotNull((await CaseAsync(closed)).OutcomeNote);

        // The button asks first; nothing happens yet.
        var ask = await PostAsync(coordinator, Due + "?soort=ClosedBuddyFiles", "Purge", []);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var confirm = HtmlClient.FindForm(await HtmlClient.ParseAsync(ask), "handler=Purge");
        Assert.NotNull((await CaseAsync(closed)).OutcomeNote);
        var fields = confirm.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);

        var first = await coordinator.Http.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent(fields));
        var second = await coordinator.Http.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var emptied = await CaseAsync(closed);
        Assert.Null(emptied.OutcomeNote);
        Assert.Equal(CaseStatus.Closed, emptied.Status);
        Assert.Equal(CaseOutcome.GoalsReached, emptied.Outcome);
        Assert.NotNull((await CaseAsync(recent)).OutcomeNote);
        var rows = await PurgeRowsAsync(app, "ClosedBuddyFiles", since);
        Assert.Contains($"count:{due}", Assert.Single(rows)!);
        Assert.Contains("al verstuurd", await (await coordinator.FollowAsync(second)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AListOnlyKindIsNotPurgedAndAnotherEnterprisesRowsAreUntouchedByAPurge()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var other = await SentFormAsync(app, TimeSpan.FromDays(5), "groene-spijker");
        await app.InDbAsync("groene-spijker", async db =>
        {
            await db.RetentionSettings.Where(s => s.Kind == RetentionKind.SentForms).ExecuteDeleteAsync();
            return 0;
        });

        var refused = await PostAsync(coordinator, Due + "?soort=MoneyLines", "Purge", new() { ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("worden hier niet opgeschoond", await ErrorsAsync(refused));

        var mine = await SentFormAsync(app, TimeSpan.FromDays(5));
        var purged = await PostAsync(coordinator, Due + "?soort=SentForms", "Purge", new() { ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.False(await SentFormExistsAsync(app, mine));
        Assert.True(await SentFormExistsAsync(app, other, "groene-spijker"));
    }

    [Fact]
    public async Task ArchivedPeopleNotSeenAreListedForTheErasurePageOnly()
    {
        var gone = await app.InDbAsync("huiskamer", async db =>
        {
            var p = new Wijkbasis.Features.People.Person
            {
                Name = "Arend Archief", SearchName = "arend archief", CreatedAt = Now.AddYears(-5), UpdatedAt = Now.AddYears(-3), ArchivedAt = Now.AddYears(-3),
            };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var items = await coordinator.GetPageAsync(Due + "?soort=ArchivedPeople");

        Assert.Contains("Arend Archief", items.QuerySelector("main")!.TextContent);
        Assert.Contains("wispagina", items.QuerySelector("main")!.TextContent);
        Assert.Null(items.QuerySelector("tr[data-kind=ArchivedPeople] form"));
        Assert.NotNull(items.QuerySelector($"main a[href$='/mensen/{gone}/wissen']"));
        await RunOneRoundAsync();
        Assert.True(await app.InDbAsync("huiskamer", db => db.People.AnyAsync(p => p.Id == gone)));
        // Once erased, the person is no longer due.
        await app.InDbAsync("huiskamer", async db =>
        {
            (await db.People.SingleAsync(p => p.Id == gone)).ErasedAt = Now;
            return await db.SaveChangesAsync();
        });
        Assert.Null((await coordinator.GetPageAsync(Due + "?soort=ArchivedPeople")).QuerySelector($"main a[href$='/mensen/{gone}/wissen']"));
        // Showing the names is a look at those people.
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityType == "Retention" && a.Action == "view" && a.PersonId == gone
            || a.EntityType == "Retention" && a.PersonIds != null && a.PersonIds.Contains(gone))));
    }

    /// <summary>Closes a demo case (with a sealed outcome note) as if <paramref name="ago"/> ago; returns its id.</summary>
    private Task<Guid> CloseACaseAsync(TimeSpan ago, int skip = 0) => app.AsCaseworkAsync(async db =>
    {
        var c = await db.Cases.Where(x => x.Status == CaseStatus.Open).OrderBy(x => x.Id).Skip(skip).FirstAsync();
        using var scope = app.Services.CreateScope();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        c.Status = CaseStatus.Closed;
        c.ClosedAt = Now - ago;
        c.Outcome = CaseOutcome.GoalsReached;
        c.OutcomeNote = cipher.Seal("Het gaat goed", c, nameof(Case.OutcomeNote));
        await db.SaveChangesAsync();
        return c.Id;
    });

    private Task<Case> CaseAsync(Guid id) => app.AsCaseworkAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
}

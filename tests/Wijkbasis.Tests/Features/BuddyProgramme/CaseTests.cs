using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Cases;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

public sealed class CaseTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task TheBuddyLogsAVisitAndTheCaseKnowsWhenContactWas()
    {
        var caseId = await CaseAsync(app, Bert, skip: 10);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";

        var response = await PostAsync(bert, page, "Contact", new()
        {
            ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Visit", ["Contact.Text"] = "Samen de post doorgenomen",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await CaseRowAsync(app, caseId)).LastContactAt);
        Assert.Contains("Samen de post doorgenomen", (await bert.GetPageAsync(page)).QuerySelector("#contacten")!.TextContent);
        var stored = await app.AsCaseworkAsync(db => db.CaseContacts.SingleAsync(c => c.CaseId == caseId));
        Assert.DoesNotContain("post", stored.Note!.Stored);
    }

    [Fact]
    public async Task ATransferToTheSameBuddyIsRefused()
    {
        var caseId = await CaseAsync(app, Bert, skip: 11);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);

        var response = await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Transfer", new()
        {
            ["Transfer.BuddyId"] = (await BuddyIdAsync(app, Bert)).ToString(), ["Transfer.Text"] = "zomaar",
        });

        Assert.Contains("al verantwoordelijk", await ErrorsAsync(response));
        Assert.Null((await CaseRowAsync(app, caseId)).TransferToBuddyId);
    }

    [Fact]
    public async Task UntilTheNewBuddyAcceptsTheFirstStaysResponsibleThenOnlyTheNewOneIs()
    {
        var caseId = await CaseAsync(app, Bert, skip: 12);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        var stijnId = await BuddyIdAsync(app, Stijn);
        await RoomForAsync(app, stijnId);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(bert, page, "Transfer", new() { ["Transfer.BuddyId"] = stijnId.ToString(), ["Transfer.Text"] = "Ik verhuis" })).StatusCode);
        var pending = await CaseRowAsync(app, caseId);
        Assert.Equal((await BuddyIdAsync(app, Bert), stijnId), (pending.OwnerBuddyId, pending.TransferToBuddyId!.Value));

        await PostAsync(bert, page, "Contact", new() { ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Call", ["Contact.Text"] = "Alleen voor Bert" });
        var stijn = await HtmlClient.LoggedInAsync(app, Stijn);
        var before = await stijn.GetPageAsync(page);
        Assert.Contains("Ik verhuis", before.QuerySelector("#overdracht")!.TextContent);
        // Before accepting, the receiving buddy sees who and why, not the file.
        Assert.DoesNotContain("Alleen voor Bert", before.Body!.TextContent);
        // The receiving buddy reads, but does not write, before accepting.
        var early = await PostAsync(stijn, page, "Contact", new() { ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Call" });
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(stijn, page, "AcceptTransfer", new())).StatusCode);
        Assert.Contains("Alleen voor Bert", (await stijn.GetPageAsync(page)).QuerySelector("#contacten")!.TextContent);
        var after = await CaseRowAsync(app, caseId);
        Assert.Equal((stijnId, (Guid?)null), (after.OwnerBuddyId, after.TransferToBuddyId));
        // Bert no longer sees the resident.
        Assert.Equal(HttpStatusCode.NotFound, (await bert.Http.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task ClosingNeedsAnOutcomeKeepsTheReassessmentAndAClosedCaseRefusesEdits()
    {
        var caseId = await CaseAsync(app, Bert, skip: 13);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";

        var noOutcome = await PostAsync(bert, page, "Close", new() { ["Closing.Outcome"] = "" });
        Assert.Contains("Kies hoe het is afgelopen", await ErrorsAsync(noOutcome));

        var closed = await PostAsync(bert, page, "Close", new() { ["Closing.Outcome"] = "GoalsReached", ["Closing.Zrm[Finances]"] = "4", ["Closing.Text"] = "Post is op orde" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var row = await CaseRowAsync(app, caseId);
        Assert.Equal((CaseStatus.Closed, CaseOutcome.GoalsReached), (row.Status, row.Outcome!.Value));
        Assert.Contains("Financiën: 3 → 4", (await bert.GetPageAsync(page)).QuerySelector("#zrm-verschil")!.TextContent);

        var edit = await PostAsync(bert, page, "Contact", new() { ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Call" });
        Assert.Contains("afgesloten en kan niet meer worden gewijzigd", await ErrorsAsync(edit));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.CaseContacts.CountAsync(c => c.CaseId == caseId)));
    }

    [Fact]
    public async Task ReassessingADomainThatWasNotInTheIntakeIsRefused()
    {
        var caseId = await CaseAsync(app, Bert, skip: 14);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);

        var response = await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Close", new() { ["Closing.Outcome"] = "Other", ["Closing.Zrm[Justice]"] = "2" });

        Assert.Contains("alleen de domeinen van de intake", await ErrorsAsync(response));
        Assert.Equal(CaseStatus.Open, (await CaseRowAsync(app, caseId)).Status);
    }

    [Fact]
    public async Task ACaseWithoutContactForTwoWeeksIsOnTheLosingTouchList()
    {
        var caseId = await CaseAsync(app, Bert, skip: 15);
        await app.AsCaseworkAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            c.OpenedAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-30);
            await db.SaveChangesAsync();
            return 0;
        });
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);

        var list = await wijkverbinder.GetPageAsync("/huiskamer/casussen?contact-kwijt=true");

        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/huiskamer/casussen/{caseId}");
        // The coordinator (no caseworker role) sees how many per buddy, not who.
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var pool = await coordinator.GetPageAsync("/huiskamer/buddies");
        var bertRow = pool.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Bert Buddy", StringComparison.Ordinal));
        Assert.Contains("zonder contact sinds 14 dagen", bertRow.TextContent);
        Assert.DoesNotContain(pool.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/huiskamer/casussen/{caseId}");
    }

    [Fact]
    public async Task ATaskWithADueDateShowsOnTheCase()
    {
        var caseId = await CaseAsync(app, Bert, skip: 16);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        var due = DateTime.Today.AddDays(5);
        var before = await CaseRowAsync(app, caseId);

        var response = await PostAsync(bert, page, "Task", new() { ["NewTask.Text"] = "Huurtoeslag aanvragen", ["NewTask.DueOn"] = due.ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var task = (await bert.GetPageAsync(page)).QuerySelectorAll("#taken li").Single(li => li.TextContent.Contains("Huurtoeslag aanvragen", StringComparison.Ordinal));
        Assert.Contains($"uiterlijk {due:d-M-yyyy}", task.TextContent);
        var stored = await app.AsCaseworkAsync(db => db.CaseItems.SingleAsync(i => i.CaseId == caseId && !i.IsGoal));
        Assert.Equal(DateOnly.FromDateTime(due), stored.DueOn);
        Assert.DoesNotContain("Huurtoeslag", stored.Text!.Stored);
        // A write to the case's items raises the case's version, so it conflicts with a close at the same moment.
        Assert.True((await CaseRowAsync(app, caseId)).Version > before.Version);
    }

    [Fact]
    public async Task ATaskWithADateThatCannotBeReadIsRefusedInDutchWithoutTheCodeNameOfTheField()
    {
        var caseId = await CaseAsync(app, Bert, skip: 19);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";

        var response = await PostAsync(bert, page, "Task", new() { ["NewTask.Text"] = "Huurtoeslag aanvragen", ["NewTask.DueOn"] = "morgen" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("'morgen' klopt niet", errors);
        Assert.DoesNotContain("DueOn", errors);
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.CaseItems.CountAsync(i => i.CaseId == caseId && !i.IsGoal)));
    }

    [Fact]
    public async Task ASpendAboveTheMaximumIsRefusedInEnglishWithTheAmount()
    {
        var caseId = await CaseAsync(app, Bert, skip: 23);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        await bert.SubmitAsync(page, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = page }, formAction: "/taal");

        var response = await PostAsync(bert, page, "Spend", new() { ["Spend.Amount"] = "20.000", ["Spend.Purpose"] = "Transport" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("One spend is at most € 10.000,00.", errors);
        Assert.DoesNotContain("Eén uitgave is hoogstens", errors);
        Assert.False(await app.AsCaseworkAsync(db => db.LedgerEntries.AnyAsync(e => e.CaseId == caseId)));
    }

    /// <summary>The version of the case as the form for <paramref name="handler"/> was shown.</summary>
    private static async Task<string> SeenVersionAsync(HtmlClient client, string page, string handler) =>
        (await client.GetPageAsync(page)).QuerySelector($"form[action*='handler={handler}'] input[name=Version]")!.GetAttribute("value")!;

    [Fact]
    public async Task ATaskBasedOnAStaleViewOfTheCaseIsRefusedAndNothingIsSaved()
    {
        var caseId = await CaseAsync(app, Bert, skip: 17);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        var seen = await SeenVersionAsync(bert, page, "Task");
        // Meanwhile the wijkverbinder logs a contact.
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, page, "Contact", new()
        {
            ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Call", ["Version"] = seen,
        })).StatusCode);

        var response = await PostAsync(bert, page, "Task", new() { ["NewTask.Text"] = "Oude taak", ["Version"] = seen });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Iemand anders heeft deze casus net gewijzigd", await ErrorsAsync(response));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.CaseItems.CountAsync(i => i.CaseId == caseId && !i.IsGoal)));
    }

    [Fact]
    public async Task ClosingBasedOnAStaleViewOfTheCaseIsRefusedAndTheCaseStaysOpen()
    {
        var caseId = await CaseAsync(app, Bert, skip: 18);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        var seen = await SeenVersionAsync(bert, page, "Close");
        // Meanwhile the wijkverbinder adds a task that Bert has not seen.
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, page, "Task", new() { ["NewTask.Text"] = "Nog even bellen", ["Version"] = seen })).StatusCode);

        var response = await PostAsync(bert, page, "Close", new() { ["Closing.Outcome"] = "GoalsReached", ["Version"] = seen });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Iemand anders heeft deze casus net gewijzigd", await ErrorsAsync(response));
        Assert.Equal(CaseStatus.Open, (await CaseRowAsync(app, caseId)).Status);
    }

    [Fact]
    public async Task AfterClosingWritesFromThePageAsItWasBeforeAreRefusedAndNothingIsSaved()
    {
        var caseId = await CaseAsync(app, Bert, skip: 19);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        var before = await bert.GetPageAsync(page);
        var seen = before.QuerySelector("form[action*='handler=Task'] input[name=Version]")!.GetAttribute("value")!;
        var goal = before.QuerySelector("form[action*='handler=Done'] input[name='Done.ItemId']")!.GetAttribute("value")!;
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, page, "Close", new() { ["Closing.Outcome"] = "MovedAway", ["Version"] = seen })).StatusCode);

        var task = await PostAsync(bert, page, "Task", new() { ["NewTask.Text"] = "Te laat", ["Version"] = seen });
        var done = await PostAsync(bert, page, "Done", new() { ["Done.ItemId"] = goal, ["Version"] = seen });
        var contact = await PostAsync(bert, page, "Contact", new() { ["Contact.On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Contact.Kind"] = "Visit", ["Version"] = seen });

        Assert.All([task, done, contact], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("afgesloten en kan niet meer worden gewijzigd", await ErrorsAsync(task));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.CaseItems.CountAsync(i => i.CaseId == caseId && (!i.IsGoal || i.DoneAt != null))));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.CaseContacts.CountAsync(c => c.CaseId == caseId)));
    }
}

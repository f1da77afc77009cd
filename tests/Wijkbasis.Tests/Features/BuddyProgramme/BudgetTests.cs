using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Budget;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

public sealed class BudgetTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static Dictionary<string, string> Spend(string amount, string purpose = "Transport", string note = "Buskaart") =>
        new() { ["Spend.Amount"] = amount, ["Spend.Purpose"] = purpose, ["Spend.Text"] = note };

    [Fact]
    public async Task ASpendWithinMandateIsBookedAtOnceAndOneAboveWaitsForAnotherApprover()
    {
        var caseId = await CaseAsync(app, Bert, skip: 20);
        await SetMandateAsync(app, Bert, 50_00, 1_000_000);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(bert, page, "Spend", Spend("35,00"))).StatusCode);
        var line = await app.AsCaseworkAsync(db => db.LedgerEntries.SingleAsync(e => e.CaseId == caseId));
        Assert.Equal((-35_00L, true), (line.AmountCents, line.OnOwnMandate));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(bert, page, "Spend", Spend("80", "LicenceOrEducation", "Theorie-examen"))).StatusCode);
        var request = await app.AsCaseworkAsync(db => db.SpendRequests.SingleAsync(r => r.CaseId == caseId));
        Assert.Equal((SpendRequestStatus.Pending, 80_00L), (request.Status, request.AmountCents));
        Assert.Contains("wacht op een budgetbeheerder", (await bert.GetPageAsync(page)).QuerySelector("#uitgaven")!.TextContent);

        var approver = await HtmlClient.LoggedInAsync(app, Approver);
        var budget = await approver.GetPageAsync("/huiskamer/budget");
        Assert.Contains("Theorie-examen", budget.QuerySelector($"[data-request='{request.Id}']")!.TextContent);
        var approved = await PostAsync(approver, "/huiskamer/budget", "Approve", new() { ["Approval.RequestId"] = request.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var lines = await app.AsCaseworkAsync(db => db.LedgerEntries.Where(e => e.CaseId == caseId).OrderBy(e => e.At).ToListAsync());
        Assert.Equal([-35_00L, -80_00L], lines.Select(l => l.AmountCents));
        Assert.Equal("Bianca Budget", lines[1].ApprovedByName);
        Assert.Contains("Samen uitgegeven: € 115,00", (await bert.GetPageAsync(page)).QuerySelector("#uitgegeven")!.TextContent);
    }

    [Theory]
    [InlineData("-5", "bedrag groter dan € 0,00")]
    [InlineData("1.000.000", "Eén uitgave is hoogstens")]
    [InlineData("veel", "bedrag in euro")]
    public async Task ANegativeHugeOrUnreadableSpendIsRefusedAndNothingIsBooked(string amount, string message)
    {
        var caseId = await CaseAsync(app, Bert, skip: 21 + amount.Length);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);

        var response = await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Spend", Spend(amount));

        Assert.Contains(message, await ErrorsAsync(response));
        Assert.False(await app.AsCaseworkAsync(db => db.LedgerEntries.AnyAsync(e => e.CaseId == caseId)));
        Assert.False(await app.AsCaseworkAsync(db => db.SpendRequests.AnyAsync(r => r.CaseId == caseId)));
    }

    [Fact]
    public async Task AnApproverCannotApproveTheirOwnRequest()
    {
        var request = await app.AsCaseworkAsync(async db =>
        {
            var approverId = await db.Users.Where(u => u.Email == Approver).Select(u => u.Id).SingleAsync();
            var pot = await db.BudgetPots.OrderByDescending(p => p.StartsOn).FirstAsync();
            var caseId = await db.Cases.Where(c => c.Status == Wijkbasis.Features.Cases.CaseStatus.Open).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var r = new SpendRequest { PotId = pot.Id, CaseId = caseId, AmountCents = 500_00, Purpose = SpendPurpose.Other, RequestedByUserId = approverId,
                RequestedByName = "Bianca Budget", RequestedAt = TimeProvider.System.GetUtcNow().UtcDateTime, Status = SpendRequestStatus.Pending };
            db.SpendRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var approver = await HtmlClient.LoggedInAsync(app, Approver);

        var response = await PostAsync(approver, "/huiskamer/budget", "Approve", new() { ["Approval.RequestId"] = request.ToString() });

        Assert.Contains("eigen aanvraag", await ErrorsAsync(response));
        Assert.Equal(SpendRequestStatus.Pending, await app.AsCaseworkAsync(db => db.SpendRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));

        // Four eyes for a no as for a yes.
        var rejected = await PostAsync(approver, "/huiskamer/budget", "Reject", new() { ["Rejection.RequestId"] = request.ToString(), ["Rejection.Reason"] = "Zelf gedaan" });

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("eigen aanvraag", await ErrorsAsync(rejected));
        Assert.Equal(SpendRequestStatus.Pending, await app.AsCaseworkAsync(db => db.SpendRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task AReversalUndoesASpendOnceAndTheLedgerItselfCannotBeChanged()
    {
        var caseId = await CaseAsync(app, Bert, skip: 30);
        await SetMandateAsync(app, Bert, 50_00, 1_000_000);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Spend", Spend("12,50"));
        var spend = await app.AsCaseworkAsync(db => db.LedgerEntries.SingleAsync(e => e.CaseId == caseId));
        var approver = await HtmlClient.LoggedInAsync(app, Approver);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(approver, "/huiskamer/budget", "Reverse", new() { ["Reversal.EntryId"] = spend.Id.ToString(), ["Reversal.Reason"] = "Dubbel" })).StatusCode);
        var twice = await PostAsync(approver, "/huiskamer/budget", "Reverse", new() { ["Reversal.EntryId"] = spend.Id.ToString(), ["Reversal.Reason"] = "Nog eens" });
        Assert.Contains("al teruggeboekt", await ErrorsAsync(twice));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.LedgerEntries.Where(e => e.CaseId == caseId).SumAsync(e => e.AmountCents)));

        await Assert.ThrowsAnyAsync<Exception>(() => app.AsCaseworkAsync(async db =>
        {
            var line = await db.LedgerEntries.SingleAsync(e => e.Id == spend.Id);
            line.AmountCents = -1;
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAnyAsync<Exception>(() => app.AsCaseworkAsync(db =>
            db.LedgerEntries.Where(e => e.Id == spend.Id).ExecuteDeleteAsync()));
    }

    [Fact]
    public async Task TheOverviewShowsWhatEachSourceContributedAndWhatIsLeft()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await coordinator.GetPageAsync("/huiskamer/budget");
        Assert.Contains("Volkshuisvesting Arnhem", page.QuerySelector("#bronnen")!.TextContent);
        Assert.Contains("€ 3.000,00", page.QuerySelector("#bronnen")!.TextContent);
        Assert.NotNull(page.QuerySelector("#saldo"));
        Assert.Null(page.QuerySelector("[data-request]")); // only a budget approver decides
    }

    [Fact]
    public async Task TheOverviewShowsContributedSpentAndLeftPerSourcePurposeAndCaseToTheCent()
    {
        var (pot, first, second) = await KnownPotAsync();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var page = await coordinator.GetPageAsync($"/huiskamer/budget?pot={pot}");

        Assert.Equal(["Ingelegd € 1.000,00", "Uitgegeven € 124,75", "Over € 875,25"],
            page.QuerySelectorAll("#saldo dt").Select(dt => $"{dt.TextContent} {dt.NextElementSibling!.TextContent}"));
        // Spending is not tied to a source: each source's share of the € 124,75 is pro rata (75% and 25%).
        Assert.Equal(["Gemeente Test (Gemeente (Wmo)) | € 750,00 | € 93,56 | € 656,44", "Testfonds (Fonds) | € 250,00 | € 31,19 | € 218,81"], Rows(page, "#bronnen"));
        Assert.Equal(["Leges en administratie: € 77,50", "Vervoer: € 47,25", "Nood in huis: € 0,00"],
            page.QuerySelectorAll("#doelen li").Select(li => li.TextContent.Trim()));
        var today = TimeProvider.System.AmsterdamToday().ToString("d-M-yyyy");
        Assert.Equal([$"{Wijkbasis.Features.Cases.Case.ReferenceOf(first)} | 2 | € 112,50 | {today}", $"{Wijkbasis.Features.Cases.Case.ReferenceOf(second)} | 2 | € 12,25 | {today}"],
            Rows(page, "#casussen"));
        // A case by its number, never the resident's name; the coordinator may not open it (no caseworker role).
        var names = await app.AsCaseworkAsync(db => db.Cases.Where(c => c.Id == first || c.Id == second)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => p.Name).ToListAsync());
        Assert.All(names, name => Assert.DoesNotContain(name, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("#casussen a"));
        var caseworker = await HtmlClient.LoggedInAsync(app, Caseworker);
        var theirs = await caseworker.GetPageAsync($"/huiskamer/budget?pot={pot}");
        Assert.Equal([$"/huiskamer/casussen/{first}", $"/huiskamer/casussen/{second}"], theirs.QuerySelectorAll("#casussen a").Select(a => a.GetAttribute("href")));
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td")
            .Select(td => System.Text.RegularExpressions.Regex.Replace(td.TextContent, @"\s+", " ").Trim()))).ToList();

    /// <summary>A pot of its own (years ahead, so it overlaps nothing) with known lines: two sources, four spends on
    /// two demo cases, one of them reversed.</summary>
    private Task<(Guid Pot, Guid First, Guid Second)> KnownPotAsync() => app.AsCaseworkAsync(async db =>
    {
        var cases = await db.Cases.Where(c => c.Status == Wijkbasis.Features.Cases.CaseStatus.Open).OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
        var today = TimeProvider.System.AmsterdamToday();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var pot = new BudgetPot { Name = "Testpot", StartsOn = today.AddYears(5), EndsOn = today.AddYears(5).AddMonths(1), CreatedAt = now };
        db.BudgetPots.Add(pot);
        LedgerEntry Line(LedgerKind kind, long cents, Guid? caseId = null, SpendPurpose? purpose = null, FundingSource? source = null, string? sourceName = null) =>
            new() { PotId = pot.Id, Kind = kind, AmountCents = cents, At = now, BookedOn = today, ByName = "Test", CaseId = caseId, Purpose = purpose, Source = source, SourceName = sourceName };
        var reversed = Line(LedgerKind.Spend, -45_00, cases[1], SpendPurpose.HouseholdEmergency);
        db.LedgerEntries.AddRange(
            Line(LedgerKind.Contribution, 750_00, source: FundingSource.MunicipalityWmo, sourceName: "Gemeente Test"),
            Line(LedgerKind.Contribution, 250_00, source: FundingSource.Fund, sourceName: "Testfonds"),
            Line(LedgerKind.Spend, -35_00, cases[0], SpendPurpose.Transport),
            Line(LedgerKind.Spend, -77_50, cases[0], SpendPurpose.AdministrativeFees),
            Line(LedgerKind.Spend, -12_25, cases[1], SpendPurpose.Transport),
            reversed);
        await db.SaveChangesAsync();
        var reversal = Line(LedgerKind.Reversal, 45_00, cases[1], SpendPurpose.HouseholdEmergency);
        reversal.ReversesEntryId = reversed.Id;
        reversal.Reason = "Dubbel geboekt";
        db.LedgerEntries.Add(reversal);
        await db.SaveChangesAsync();
        return (pot.Id, cases[0], cases[1]);
    });

    [Fact]
    public async Task NobodySetsTheirOwnMandate()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var me = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync());

        var response = await PostAsync(coordinator, "/huiskamer/budget", "Mandate", new() { ["SetMandate.UserId"] = me.ToString(), ["SetMandate.PerSpend"] = "10000", ["SetMandate.PerMonth"] = "10000" });

        Assert.Contains("eigen mandaat", await ErrorsAsync(response));
        Assert.False(await app.AsCaseworkAsync(db => db.Mandates.AnyAsync(m => m.UserId == me)));
    }

    [Fact]
    public async Task AMandateAboveTheMaximumIsRefusedInEnglishWithTheAmount()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync("/huiskamer/budget", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/huiskamer/budget" }, formAction: "/taal");
        var hanneke = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Hanneke).Select(u => u.Id).SingleAsync());

        var response = await PostAsync(coordinator, "/huiskamer/budget", "Mandate",
            new() { ["SetMandate.UserId"] = hanneke.ToString(), ["SetMandate.PerSpend"] = "20000", ["SetMandate.PerMonth"] = "20000" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("A mandate is at most € 10.000,00.", errors);
        Assert.DoesNotContain("Een mandaat is hoogstens", errors);
        Assert.DoesNotContain("Controleer", errors);
    }

    [Fact]
    public async Task TheApproverReadsWhyARequestWaitsInEnglishWithTheMandate()
    {
        var caseId = await CaseAsync(app, Bert, skip: 50);
        await SetMandateAsync(app, Bert, 50_00, 1_000_000);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Spend", Spend("80", "Other", "Koelkast"))).StatusCode);
        var request = await app.AsCaseworkAsync(db => db.SpendRequests.SingleAsync(r => r.CaseId == caseId));
        var approver = await HtmlClient.LoggedInAsync(app, Approver);
        await approver.SubmitAsync("/huiskamer/budget", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/huiskamer/budget" }, formAction: "/taal");

        var card = (await approver.GetPageAsync("/huiskamer/budget")).QuerySelector($"[data-request='{request.Id}']")!.TextContent;

        Assert.Contains("Your mandate is € 50,00 per spend. A budget approver decides.", card);
        Assert.DoesNotContain("Uw mandaat is", card);
    }

    [Fact]
    public async Task ClosingACaseWithdrawsItsWaitingRequestSoItCanNoLongerBeApproved()
    {
        var caseId = await CaseAsync(app, Bert, skip: 40);
        await SetMandateAsync(app, Bert, 50_00, 1_000_000);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Spend", Spend("90", "Other", "Wasmachine"));
        var request = await app.AsCaseworkAsync(db => db.SpendRequests.SingleAsync(r => r.CaseId == caseId));

        await PostAsync(bert, $"/huiskamer/casussen/{caseId}", "Close", new() { ["Closing.Outcome"] = "MovedAway" });
        var approver = await HtmlClient.LoggedInAsync(app, Approver);
        var response = await PostAsync(approver, "/huiskamer/budget", "Approve", new() { ["Approval.RequestId"] = request.Id.ToString() });

        Assert.Contains("al beslist", await ErrorsAsync(response));
        Assert.Equal(SpendRequestStatus.Withdrawn, await app.AsCaseworkAsync(db => db.SpendRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));
        Assert.False(await app.AsCaseworkAsync(db => db.LedgerEntries.AnyAsync(e => e.CaseId == caseId)));
    }
}

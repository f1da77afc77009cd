using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Cases;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>Races, on the real database: spends against a small pot, spends against a month's mandate, and
/// transfers of one case.</summary>
public sealed class ProgrammeConcurrencyTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    /// <summary>A spend of <paramref name="cents"/> for the case, by a buddy, in a scope (a request) of its own.</summary>
    private async Task<BookingResult> SpendAsync(Guid caseId, long cents, Guid userId, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Wijkbasis.Data.WijkbasisDb>();
        var enterprise = await db.Enterprises.SingleAsync(e => e.Slug == "huiskamer");
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.Enter(enterprise, [Roles.Buddy]);
        tenant.SetActor(userId, email, email);
        var forCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        return await scope.ServiceProvider.GetRequiredService<PotBookings>().SpendAsync(forCase, cents, SpendPurpose.Transport, "Buskaart", default);
    }

    private Task<Guid> UserIdAsync(string email) => app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task FiftySimultaneousSpendsAgainstASmallPotNeverOverdrawIt()
    {
        var caseId = await CaseAsync(app, Hanneke, skip: 1);
        await SetMandateAsync(app, Hanneke, 50_00, 1_000_000);
        var hanneke = await UserIdAsync(Hanneke);
        // A new pot of € 100 that starts today, so it is the one spends go to.
        var pot = await app.AsCaseworkAsync(async db =>
        {
            var today = DateOnly.FromDateTime(Wijkbasis.Infrastructure.Time.Clock.ToAmsterdam(TimeProvider.System.GetUtcNow().UtcDateTime));
            var p = new BudgetPot { Name = "Kleine pot", StartsOn = today, EndsOn = today.AddDays(30), CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime };
            db.BudgetPots.Add(p);
            db.LedgerEntries.Add(new LedgerEntry { PotId = p.Id, Kind = LedgerKind.Contribution, AmountCents = 100_00, At = p.CreatedAt, BookedOn = today, ByName = "test", Source = FundingSource.Fund, SourceName = "Test" });
            await db.SaveChangesAsync();
            return p.Id;
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => SpendAsync(caseId, 10_00, hanneke, Hanneke))));

        Assert.Equal(10, results.Count(r => r.Outcome == SpendOutcome.Approved));
        Assert.Equal(40, results.Count(r => r.Outcome == SpendOutcome.Refused));
        Assert.All(results.Where(r => r.Outcome == SpendOutcome.Refused), r => Assert.Contains("in de pot", r.Message.ToString()));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.LedgerEntries.Where(e => e.PotId == pot).SumAsync(e => e.AmountCents)));
    }

    [Fact]
    public async Task TwentySimultaneousSpendsNeverExceedTheMonthsMandate()
    {
        var caseId = await CaseAsync(app, Stijn, skip: 2);
        var stijn = await UserIdAsync(Stijn);
        var today = DateOnly.FromDateTime(Wijkbasis.Infrastructure.Time.Clock.ToAmsterdam(TimeProvider.System.GetUtcNow().UtcDateTime));
        var spentBefore = await app.AsCaseworkAsync(async db =>
            Ledger.SpentOnOwnMandate(await db.LedgerEntries.Where(e => e.RequestedByUserId == stijn).ToListAsync(), stijn, today));
        // Room for exactly five more spends of € 10 this month, and the pot of today can pay them all.
        await SetMandateAsync(app, Stijn, 10_00, spentBefore + 50_00);
        await app.AsCaseworkAsync(async db =>
        {
            var pot = await db.BudgetPots.Where(p => p.StartsOn <= today && p.EndsOn >= today).OrderByDescending(p => p.StartsOn).FirstAsync();
            db.LedgerEntries.Add(new LedgerEntry { PotId = pot.Id, Kind = LedgerKind.Contribution, AmountCents = 1_000_00, At = pot.CreatedAt, BookedOn = today, ByName = "test", Source = FundingSource.Fund, SourceName = "Test" });
            return await db.SaveChangesAsync();
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SpendAsync(caseId, 10_00, stijn, Stijn))));

        Assert.Equal(5, results.Count(r => r.Outcome == SpendOutcome.Approved));
        Assert.Equal(15, results.Count(r => r.Outcome == SpendOutcome.NeedsApproval));
        Assert.Equal(spentBefore + 50_00, await app.AsCaseworkAsync(async db =>
            Ledger.SpentOnOwnMandate(await db.LedgerEntries.Where(e => e.RequestedByUserId == stijn).ToListAsync(), stijn, today)));
        Assert.Equal(15, await app.AsCaseworkAsync(db => db.SpendRequests.CountAsync(r => r.CaseId == caseId && r.Status == SpendRequestStatus.Pending)));
    }

    [Fact]
    public async Task TwoSimultaneousTransfersLeaveOneRequestAndAfterwardsExactlyOneOwner()
    {
        var caseId = await CaseAsync(app, Hanneke, skip: 4);
        var page = $"/huiskamer/casussen/{caseId}";
        var stijnId = await BuddyIdAsync(app, Stijn);
        var youssefId = await BuddyIdAsync(app, "buddy3@huiskamer.demo");
        await RoomForAsync(app, stijnId);
        await RoomForAsync(app, youssefId);
        var first = await HtmlClient.LoggedInAsync(app, Hanneke);
        var second = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var firstToken = await TokenAsync(first, page);
        var secondToken = await TokenAsync(second, page);

        var responses = await Task.WhenAll(
            Post(first, firstToken, page, "Transfer", new() { ["Transfer.BuddyId"] = stijnId.ToString(), ["Transfer.Text"] = "naar Stijn" }),
            Post(second, secondToken, page, "Transfer", new() { ["Transfer.BuddyId"] = youssefId.ToString(), ["Transfer.Text"] = "naar Youssef" }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var pending = await CaseRowAsync(app, caseId);
        Assert.Contains(pending.TransferToBuddyId!.Value, new[] { stijnId, youssefId });
        Assert.Equal(await BuddyIdAsync(app, Hanneke), pending.OwnerBuddyId);

        // The receiver accepts while the first buddy withdraws: one of the two wins, and the case has one owner.
        var receiverEmail = pending.TransferToBuddyId == stijnId ? Stijn : "buddy3@huiskamer.demo";
        var receiver = await HtmlClient.LoggedInAsync(app, receiverEmail);
        var receiverToken = await TokenAsync(receiver, page);
        firstToken = await TokenAsync(first, page);
        await Task.WhenAll(Post(receiver, receiverToken, page, "AcceptTransfer", new()), Post(first, firstToken, page, "WithdrawTransfer", new()));

        var after = await CaseRowAsync(app, caseId);
        Assert.Null(after.TransferToBuddyId);
        Assert.Contains(after.OwnerBuddyId, new[] { await BuddyIdAsync(app, Hanneke), pending.TransferToBuddyId!.Value });
        var ownerUser = await app.AsCaseworkAsync(db => db.Buddies.Where(b => b.Id == after.OwnerBuddyId).Select(b => b.UserId).SingleAsync());
        Assert.Equal(ownerUser, after.OwnerUserId);
    }

    private static Task<HttpResponseMessage> Post(HtmlClient client, string token, string page, string handler, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = token;
        return client.Http.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(values));
    }
}

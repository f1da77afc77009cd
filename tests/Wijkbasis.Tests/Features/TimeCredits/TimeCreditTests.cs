using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.TimeCredits;

namespace Wijkbasis.Tests.Features.TimeCredits;

public sealed class TimeCreditTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Bank = "/huiskamer/tijdbank";

    /// <summary>Two fresh person accounts in the demo's time bank (new people, so other tests do not move their balances).</summary>
    internal static Task<(Guid A, Guid B)> TwoAccountsAsync(WijkbasisFactory app, string enterprise = "huiskamer") => app.InDbAsync(enterprise, async db =>
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        foreach (var name in new[] { "Tijd Anna " + Guid.NewGuid().ToString("N")[..6], "Tijd Bram " + Guid.NewGuid().ToString("N")[..6] })
        {
            var person = new Wijkbasis.Features.People.Person { Name = name, SearchName = name.ToLowerInvariant(), CreatedAt = now, UpdatedAt = now };
            db.People.Add(person);
            var account = new TimeCreditAccount { Kind = AccountKind.Person, PersonId = person.Id, Name = name, OpenedAt = now };
            db.TimeCreditAccounts.Add(account);
            ids.Add(account.Id);
        }
        await db.SaveChangesAsync();
        return (ids[0], ids[1]);
    });

    private Task<long> BalanceAsync(Guid account) => app.InDbAsync("huiskamer", db => db.TimeCreditMovements.Where(m => m.AccountId == account).SumAsync(m => m.Points));

    private Task<int> TransfersOfAsync(Guid account) => app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.CountAsync(t => t.FromAccountId == account || t.ToAccountId == account));

    private static Dictionary<string, string> Transfer(Guid from, Guid to, string points, string description = "Boodschappen gedaan") => new()
    {
        ["Transfer.FromAccountId"] = from.ToString(), ["Transfer.ToAccountId"] = to.ToString(), ["Transfer.Points"] = points, ["Transfer.Description"] = description,
    };

    [Fact]
    public async Task ACoordinatorTransfersPointsAndBothAccountsShowIt()
    {
        var (anna, bram) = await TwoAccountsAsync(app);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, bram, "3"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((-3L, 3L), (await BalanceAsync(anna), await BalanceAsync(bram)));
        var history = await coordinator.GetPageAsync($"{Bank}/{bram}");
        Assert.Contains("3 punten", history.QuerySelector("#saldo")!.TextContent);
        Assert.Contains("Boodschappen gedaan", history.QuerySelector("#geschiedenis")!.TextContent);
        Assert.Contains("Tijd Anna", history.QuerySelector("#geschiedenis")!.TextContent);
        var overview = await coordinator.GetPageAsync(Bank);
        Assert.Equal("Alle saldi samen: 0 punten.", overview.QuerySelector("#som")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheConfirmationCountsOnePointAsOneInDutchAndInEnglish()
    {
        var (anna, bram) = await TwoAccountsAsync(app);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var dutch = await HtmlClient.ParseAsync(await coordinator.FollowAsync(await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, bram, "1"))));
        Assert.Equal("1 punt is overgeboekt.", dutch.QuerySelector(".utrecht-alert--ok")!.TextContent.Trim());

        await coordinator.SubmitAsync(Bank, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = Bank }, formAction: "/taal");
        var english = await HtmlClient.ParseAsync(await coordinator.FollowAsync(await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, bram, "2"))));
        Assert.Equal("2 points have been transferred.", english.QuerySelector(".utrecht-alert--ok")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("11", "lager dan het minimum")]
    [InlineData("0", "groter dan 0")]
    [InlineData("-2", "groter dan 0")]
    [InlineData("1,5", "heel getal")]
    [InlineData("veel", "heel getal")]
    public async Task ABadOrTooLargeTransferIsRefusedInDutchAndNothingIsBooked(string points, string message)
    {
        var (anna, bram) = await TwoAccountsAsync(app);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, bram, points));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Equal(0, await TransfersOfAsync(anna));
    }

    [Fact]
    public async Task ARefusedTransferReadsInEnglishWithItsNameAndNumbers()
    {
        var (anna, bram) = await TwoAccountsAsync(app);
        var name = await app.InDbAsync("huiskamer", db => db.TimeCreditAccounts.Where(a => a.Id == anna).Select(a => a.Name).SingleAsync());
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync(Bank, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = Bank }, formAction: "/taal");

        var response = await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, bram, "11"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains($"{name} has 0 points. After this transfer that would be -11 points: lower than the minimum of -10 points. Nothing has been booked.", errors);
        Assert.DoesNotContain("Na deze overboeking", errors);
        Assert.DoesNotContain("punten", errors);
        Assert.Equal(0, await TransfersOfAsync(anna));
    }

    [Fact]
    public async Task ATransferToTheSameAccountOrToAnUnknownOrAnotherEnterprisesAccountIsRefused()
    {
        var (anna, _) = await TwoAccountsAsync(app);
        await EnableAsync("groene-spijker");
        var (theirs, _) = await TwoAccountsAsync(app, "groene-spijker");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        Assert.Contains("dezelfde rekening", await ErrorsAsync(await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, anna, "1"))));
        Assert.Contains("twee rekeningen van deze onderneming", await ErrorsAsync(await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, Guid.NewGuid(), "1"))));
        Assert.Contains("twee rekeningen van deze onderneming", await ErrorsAsync(await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, theirs, "1"))));
        Assert.Contains("twee rekeningen van deze onderneming", await ErrorsAsync(await PostAsync(coordinator, Bank, "Transfer", Transfer(theirs, anna, "1"))));
        Assert.Equal(0, await TransfersOfAsync(anna));
        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.TimeCreditMovements.CountAsync(m => m.AccountId == theirs)));
        // Another enterprise's account page does not exist here.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Http.GetAsync($"{Bank}/{theirs}")).StatusCode);
    }

    private Task<int> EnableAsync(string enterprise) => app.InDbAsync(enterprise, async db =>
    {
        if (!await db.TimeCreditSettings.AnyAsync())
        {
            db.TimeCreditSettings.Add(new TimeCreditSettings { Enabled = true });
        }
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ATransferIsReversedOnceAndMovementsCannotBeChanged()
    {
        var (anna, bram) = await TwoAccountsAsync(app);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await PostAsync(coordinator, Bank, "Transfer", Transfer(anna, bram, "2"));
        var transfer = await app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.SingleAsync(t => t.FromAccountId == anna));
        var page = $"{Bank}/{anna}";

        Assert.Contains("waarom", await ErrorsAsync(await PostAsync(coordinator, page, "Reverse", new() { ["TransferId"] = transfer.Id.ToString(), ["Reason"] = "" })));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, page, "Reverse", new() { ["TransferId"] = transfer.Id.ToString(), ["Reason"] = "Verkeerde persoon" })).StatusCode);
        Assert.Contains("al teruggeboekt", await ErrorsAsync(await PostAsync(coordinator, page, "Reverse", new() { ["TransferId"] = transfer.Id.ToString(), ["Reason"] = "Nog eens" })));

        Assert.Equal((0L, 0L, 2), (await BalanceAsync(anna), await BalanceAsync(bram), await TransfersOfAsync(anna)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.InDbAsync("huiskamer", async db =>
        {
            var movement = await db.TimeCreditMovements.FirstAsync(m => m.AccountId == anna);
            movement.Points = 100;
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAnyAsync<Exception>(() => app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.Where(t => t.Id == transfer.Id).ExecuteDeleteAsync()));
        await Assert.ThrowsAnyAsync<Exception>(() => app.InDbAsync("huiskamer", db => db.TimeCreditMovements.Where(m => m.AccountId == anna).ExecuteDeleteAsync()));
        Assert.Equal(0L, await BalanceAsync(anna));
    }

    [Fact]
    public async Task WhenPointsAreSwitchedOffThePagesSaySoNoTransferIsPossibleAndHistoryIsKept()
    {
        // The youth team's own time bank, switched on, used, then off.
        var coordinator = await HtmlClient.LoggedInAsync(app, "coordinator@jongeren-malburgen.demo");
        const string bank = "/jongeren-malburgen/tijdbank";
        Assert.NotNull((await coordinator.GetPageAsync(bank)).QuerySelector("#uit"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, bank, "Settings", new() { ["Bank.Enabled"] = "true", ["Bank.MinBalance"] = "-5", ["Bank.MaxBalance"] = "20" })).StatusCode);
        var (a, b) = await TwoAccountsAsync(app, "jongeren-malburgen");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, bank, "Transfer", Transfer(a, b, "2"))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, bank, "Settings", new() { ["Bank.Enabled"] = "false", ["Bank.MinBalance"] = "-5", ["Bank.MaxBalance"] = "20" })).StatusCode);

        var overview = await coordinator.GetPageAsync(bank);
        Assert.Contains("zonder tijdpunten", overview.QuerySelector("#uit")!.TextContent);
        Assert.Null(overview.QuerySelector("form[action*=Transfer]"));
        var refused = await PostAsync(coordinator, bank, "Transfer", Transfer(a, b, "1"));
        Assert.Contains("zonder tijdpunten", await ErrorsAsync(refused));
        var transfer = await app.InDbAsync("jongeren-malburgen", db => db.TimeCreditTransfers.SingleAsync(t => t.FromAccountId == a));
        var history = await coordinator.GetPageAsync($"{bank}/{b}");
        Assert.Contains("zonder tijdpunten", history.QuerySelector("#uit")!.TextContent);
        Assert.Contains("Boodschappen gedaan", history.QuerySelector("#geschiedenis")!.TextContent);
        Assert.Empty(history.QuerySelectorAll("form[action*=Reverse]"));
        Assert.Contains("zonder tijdpunten", await ErrorsAsync(await PostAsync(coordinator, $"{bank}/{b}", "Reverse", new() { ["TransferId"] = transfer.Id.ToString(), ["Reason"] = "x" })));
        Assert.Equal(1, await app.InDbAsync("jongeren-malburgen", db => db.TimeCreditTransfers.CountAsync()));
        Assert.Equal(2L, await app.InDbAsync("jongeren-malburgen", db => db.TimeCreditMovements.Where(m => m.AccountId == b).SumAsync(m => m.Points)));
    }

    [Fact]
    public async Task ACoordinatorOpensAnAccountForAPersonInTheRegisterOnce()
    {
        var personId = await app.InDbAsync("huiskamer", async db =>
            await db.People.Where(p => p.ArchivedAt == null && !db.TimeCreditAccounts.Any(a => a.PersonId == p.Id)).OrderByDescending(p => p.SearchName).Select(p => p.Id).FirstAsync());
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Bank, "Open", new() { ["Open.PersonId"] = personId.ToString() })).StatusCode);
        Assert.Contains("al een rekening", await ErrorsAsync(await PostAsync(coordinator, Bank, "Open", new() { ["Open.PersonId"] = personId.ToString() })));
        var otherPerson = await app.InDbAsync("groene-spijker", db => db.People.Select(p => p.Id).FirstAsync());
        Assert.Contains("niet in het register", await ErrorsAsync(await PostAsync(coordinator, Bank, "Open", new() { ["Open.PersonId"] = otherPerson.ToString() })));
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.TimeCreditAccounts.CountAsync(a => a.PersonId == personId)));
        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.TimeCreditAccounts.CountAsync(a => a.PersonId == otherPerson)));
    }

    [Fact]
    public async Task AWijkverbinderTransfersButOnlyACoordinatorChangesTheSettingsAndAVolunteerSeesNothing()
    {
        var (anna, bram) = await TwoAccountsAsync(app);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, Bank, "Transfer", Transfer(anna, bram, "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wijkverbinder.FollowAsync(await PostAsync(wijkverbinder, Bank, "Settings", new() { ["Bank.MinBalance"] = "-1", ["Bank.MaxBalance"] = "1" }))).StatusCode);
        Assert.True(await app.InDbAsync("huiskamer", db => db.TimeCreditSettings.Select(s => s.Enabled).SingleAsync()));

        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Bank))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"{Bank}/{anna}"))).StatusCode);
    }

    [Fact]
    public async Task SettingsThatLeaveZeroOutsideTheBoundsAreRefused()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await PostAsync(coordinator, Bank, "Settings", new() { ["Bank.Enabled"] = "true", ["Bank.MinBalance"] = "5", ["Bank.MaxBalance"] = "40" });
        Assert.Contains("0 of lager", await ErrorsAsync(response));
        Assert.Equal(-10L, await app.InDbAsync("huiskamer", db => db.TimeCreditSettings.Select(s => s.MinBalance).SingleAsync()));
    }

    [Fact]
    public async Task TheDemoTimeBankHasAccountsTransfersAndBalancesThatSumToZero()
    {
        var (accounts, transfers, sum, movements) = await app.InDbAsync("huiskamer", async db => (
            await db.TimeCreditAccounts.CountAsync(), await db.TimeCreditTransfers.CountAsync(),
            await db.TimeCreditMovements.SumAsync(m => m.Points), await db.TimeCreditMovements.CountAsync()));
        Assert.True(accounts >= 10);
        Assert.True(transfers >= 20);
        Assert.Equal(0, sum);
        Assert.Equal(transfers * 2, movements);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Talents;

public sealed class MatchTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    /// <summary>Two residents whose card fits: the giver offers "fiets repareren", the receiver needs it.</summary>
    private async Task<(Guid Giver, Guid Receiver)> PairAsync(string giver, string receiver)
    {
        var g = await app.NewResidentAsync(giver, languages: "Nederlands, Pools");
        var r = await app.NewResidentAsync(receiver, languages: "Pools");
        await app.CardAsync(g, ["fiets repareren"], []);
        await app.CardAsync(r, [], ["fiets repareren"]);
        return (g, r);
    }

    private async Task<Guid> SuggestAsync(HtmlClient client, Guid receiver, Guid giver)
    {
        var response = await client.PostAsync($"/huiskamer/talenten/kaart/{receiver}", "handler=Suggest", ("Other", giver.ToString()), ("OtherGives", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task ASuggestionWithReasonsBecomesAMatchThatTheCoordinatorGuidesToThanked()
    {
        var (giver, receiver) = await PairAsync("Piotr Fietsmaker", "Agnieszka Lekband");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var card = await client.GetPageAsync($"/huiskamer/talenten/kaart/{receiver}");
        var suggestion = card.QuerySelectorAll("#voorstellijst li.wb-card").Single(li => li.TextContent.Contains("Piotr Fietsmaker", StringComparison.Ordinal)).TextContent;
        Assert.Contains("kan helpen met fiets repareren", suggestion);
        Assert.Contains("Spreken allebei pools", suggestion);

        var id = await SuggestAsync(client, receiver, giver);
        foreach (var expected in new[] { MatchStatus.Introduced, MatchStatus.Agreed, MatchStatus.Done, MatchStatus.Thanked })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Next")).StatusCode);
            Assert.Equal(expected, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        }
        var match = await app.InDbAsync("huiskamer", db => db.Matches.SingleAsync(m => m.Id == id));
        Assert.Equal((giver, receiver), (match.GiverPersonId, match.ReceiverPersonId));
        Assert.NotNull(match.DoneAt);
        Assert.Equal("Corrie Coördinator", match.IntroducedByName);
        var page = await client.GetPageAsync($"/huiskamer/koppelingen/{id}");
        Assert.Null(page.QuerySelector("#volgende-stap"));
        Assert.Contains("Bedankt", page.QuerySelector("#status")!.TextContent);

        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityType == "Match" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(5, audit.Count(a => a.Action == "create" || a.Action == "update"));
        // One row for the look, naming both people shown (docs/decisions/0018).
        Assert.Contains(audit, a => a.Action == "view" && a.PersonIds is { } shown && shown.Contains(giver) && shown.Contains(receiver));
    }

    [Fact]
    public async Task AMatchOfAPersonWithThemselfIsRefusedAndNothingIsSaved()
    {
        var (_, receiver) = await PairAsync("Zelf Helper", "Zelf Vrager");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var self = await client.Http.PostAsync($"/huiskamer/talenten/kaart/{receiver}?handler=Suggest", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Other"] = receiver.ToString(), ["OtherGives"] = "true", ["__RequestVerificationToken"] = await TokenAsync(client, receiver) }));
        Assert.Contains("niet aan zichzelf gekoppeld", await TalentsApp.TextAsync(self));
        Assert.False(await app.InDbAsync("huiskamer", db => db.Matches.AnyAsync(m => m.ReceiverPersonId == receiver)));
    }

    [Fact]
    public async Task APersonOfAnotherEnterpriseCannotBeMatchedAndTheirMatchAnswers404()
    {
        var (_, receiver) = await PairAsync("Eigen Helper", "Eigen Vrager");
        var stranger = await app.NewResidentAsync("Vreemde Spijker", enterprise: "groene-spijker");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.Http.PostAsync($"/huiskamer/talenten/kaart/{receiver}?handler=Suggest", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Other"] = stranger.ToString(), ["OtherGives"] = "true", ["__RequestVerificationToken"] = await TokenAsync(client, receiver) }));
        Assert.Contains("staat niet (meer) in het register van deze wijkonderneming", await TalentsApp.TextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.Matches.AnyAsync(m => m.ReceiverPersonId == receiver)));

        // Their card and their match are not found here.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/talenten/kaart/{stranger}")).StatusCode);
        var theirs = await app.InDbAsync("groene-spijker", async db =>
        {
            var other = await app.NewResidentAsync("Andere Spijker", enterprise: "groene-spijker");
            var (m, _) = Match.Suggest(stranger, other, "tuinieren", [], "Gert", TimeProvider.System.UtcNow());
            db.Matches.Add(m!);
            await db.SaveChangesAsync();
            return m!.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/koppelingen/{theirs}")).StatusCode);
        var next = await client.Http.PostAsync($"/huiskamer/koppelingen/{theirs}?handler=Next", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client, receiver) }));
        Assert.Equal(HttpStatusCode.NotFound, next.StatusCode);
        Assert.Equal(MatchStatus.Suggested, await app.InDbAsync("groene-spijker", db => db.Matches.Where(m => m.Id == theirs).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task FizzlingWithoutAReasonIsRefusedAndWithAReasonTheReasonIsKept()
    {
        var (giver, receiver) = await PairAsync("Stop Helper", "Stop Vrager");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await SuggestAsync(client, receiver, giver);
        var refused = await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Fizzle", ("Reason", "   "));
        Assert.Contains("Schrijf op waarom de koppeling niet doorgaat", await TalentsApp.TextAsync(refused));
        Assert.Equal(MatchStatus.Suggested, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));

        await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Fizzle", ("Reason", "Geen klik."));
        var match = await app.InDbAsync("huiskamer", db => db.Matches.SingleAsync(m => m.Id == id));
        Assert.Equal((MatchStatus.Fizzled, "Geen klik."), (match.Status, match.FizzleReason));
    }

    [Fact]
    public async Task ANoteOverTheLengthLimitIsRefusedAndANoteWithinItMovesTheMatch()
    {
        var (giver, receiver) = await PairAsync("Noot Helper", "Noot Vrager");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await SuggestAsync(client, receiver, giver);
        var before = await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.LastMovedAt).SingleAsync());
        var refused = await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Note", ("Text", new string('x', MatchNote.TextMax + 1)));
        Assert.Contains($"hoogstens {MatchNote.TextMax} tekens", await TalentsApp.TextAsync(refused));
        Assert.False(await app.InDbAsync("huiskamer", db => db.MatchNotes.AnyAsync(n => n.MatchId == id)));
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.LastMovedAt).SingleAsync()));

        await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Note", ("Text", "Beiden gebeld."));
        Assert.Contains("Beiden gebeld.", (await client.GetPageAsync($"/huiskamer/koppelingen/{id}")).QuerySelector("#notitielijst")!.TextContent);
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityType == "MatchNote" && a.PersonId == receiver)));
    }

    [Fact]
    public async Task AStepFromAnOlderPageIsRefused()
    {
        var (giver, receiver) = await PairAsync("Oud Helper", "Oud Vrager");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await SuggestAsync(client, receiver, giver);
        var page = await client.GetPageAsync($"/huiskamer/koppelingen/{id}");
        var token = HtmlClient.TokenOf(page);
        await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Next");
        var stale = await client.Http.PostAsync($"/huiskamer/koppelingen/{id}?handler=Next", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Version"] = "0" }));
        Assert.Contains("net gewijzigd", await TalentsApp.TextAsync(stale));
        Assert.Equal(MatchStatus.Introduced, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task AMatchThatHasNotMovedForFourteenDaysIsOnTheStalledList()
    {
        var (giver, receiver) = await PairAsync("Stil Helper", "Stil Vrager");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await SuggestAsync(client, receiver, giver);
        string Stalled(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector("#stillijst")?.TextContent ?? "";
        Assert.DoesNotContain("Stil Helper", Stalled(await client.GetPageAsync("/huiskamer/koppelingen")));
        await app.InDbAsync("huiskamer", async db =>
        {
            var m = await db.Matches.SingleAsync(x => x.Id == id);
            m.LastMovedAt = TimeProvider.System.UtcNow().AddDays(-15);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Stil Helper helpt Stil Vrager", Stalled(await client.GetPageAsync("/huiskamer/koppelingen")));
        await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Note", ("Text", "Gebeld, ze spreken af."));
        Assert.DoesNotContain("Stil Helper", Stalled(await client.GetPageAsync("/huiskamer/koppelingen")));
    }

    /// <summary>A match brought to done by the coordinator.</summary>
    private async Task<(Guid Id, Guid Giver, Guid Receiver, HtmlClient Client)> DoneAsync(string giverName, string receiverName)
    {
        var (giver, receiver) = await PairAsync(giverName, receiverName);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await SuggestAsync(client, receiver, giver);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Next")).StatusCode);
        }
        return (id, giver, receiver, client);
    }

    private Task<List<Wijkbasis.Features.TimeCredits.TimeCreditTransfer>> TransfersForAsync(Guid matchId) =>
        app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.Where(t => t.LinkKind == Match.LinkKind && t.LinkId == matchId).ToListAsync());

    private Task<long> BalanceOfAsync(Guid personId) => app.InDbAsync("huiskamer", async db =>
    {
        var account = await db.TimeCreditAccounts.SingleOrDefaultAsync(a => a.PersonId == personId);
        return account is null ? 0L : await db.TimeCreditMovements.Where(m => m.AccountId == account.Id).SumAsync(m => m.Points);
    });

    [Fact]
    public async Task ADoneMatchIsThankedWithPointsFromTheReceiverToTheGiverInOneLinkedTransfer()
    {
        var (id, giver, receiver, client) = await DoneAsync("Punt Helper", "Punt Vrager");
        var page = await client.GetPageAsync($"/huiskamer/koppelingen/{id}");
        Assert.NotNull(page.QuerySelector("#Points"));

        var response = await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Next", ("Points", "3"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MatchStatus.Thanked, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        var transfer = Assert.Single(await TransfersForAsync(id));
        Assert.Equal(3, transfer.Points);
        Assert.Equal((3L, -3L), (await BalanceOfAsync(giver), await BalanceOfAsync(receiver)));
        // The giver's history links the points back to the match.
        var account = await app.InDbAsync("huiskamer", db => db.TimeCreditAccounts.Where(a => a.PersonId == giver).Select(a => a.Id).SingleAsync());
        var history = await client.GetPageAsync($"/huiskamer/tijdbank/{account}");
        Assert.NotNull(history.QuerySelector($"a[href$='/koppelingen/{id}']"));
        // Thanked is the last step: no second thanks, no second transfer.
        Assert.Null((await client.GetPageAsync($"/huiskamer/koppelingen/{id}")).QuerySelector("#Points"));
    }

    [Theory]
    [InlineData("veel", "heel getal groter dan 0")]
    [InlineData("-2", "heel getal groter dan 0")]
    [InlineData("11", "")]
    public async Task PointsThatCannotBeGivenRefuseTheThanksAndNothingIsSaved(string points, string message)
    {
        var (id, giver, receiver, client) = await DoneAsync($"Geen Punt Helper {points}", $"Geen Punt Vrager {points}");

        // 11 points would take the receiver below the demo's minimum of -10: the time bank's own message.
        var response = await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Next", ("Points", points));

        var text = await TalentsApp.TextAsync(response);
        Assert.Contains(message.Length > 0 ? message : "-10", text);
        Assert.Equal(MatchStatus.Done, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Empty(await TransfersForAsync(id));
        Assert.Equal((0L, 0L), (await BalanceOfAsync(giver), await BalanceOfAsync(receiver)));
    }

    [Fact]
    public async Task PointsBeyondTheMinimumAreRefusedInEnglishWithTheNameAndNumbers()
    {
        var (id, _, _, client) = await DoneAsync("English Helper", "English Vrager");
        var url = $"/huiskamer/koppelingen/{id}";
        await client.SubmitAsync(url, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = url }, formAction: "/taal");

        var text = await TalentsApp.TextAsync(await client.PostAsync(url, "handler=Next", ("Points", "11")));

        Assert.Contains("English Vrager has 0 points. After this transfer that would be -11 points: lower than the minimum of -10 points. Nothing has been booked.", text);
        Assert.DoesNotContain("Er is niets geboekt", text);
        Assert.Empty(await TransfersForAsync(id));
    }

    [Fact]
    public async Task PointsAreOnlyGivenWithTheThanksOfADoneMatch()
    {
        var (giver, receiver) = await PairAsync("Vroeg Helper", "Vroeg Vrager");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await SuggestAsync(client, receiver, giver);
        Assert.Null((await client.GetPageAsync($"/huiskamer/koppelingen/{id}")).QuerySelector("#Points"));

        var response = await client.PostAsync($"/huiskamer/koppelingen/{id}", "handler=Next", ("Points", "2"));

        Assert.Contains("als de hulp gedaan is", await TalentsApp.TextAsync(response));
        Assert.Equal(MatchStatus.Suggested, await app.InDbAsync("huiskamer", db => db.Matches.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Empty(await TransfersForAsync(id));
    }

    private static async Task<string> TokenAsync(HtmlClient client, Guid personId) =>
        await client.TokenAsync($"/huiskamer/talenten/kaart/{personId}");
}

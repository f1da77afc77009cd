using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Tests.Features.Rooms;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.Shared;

/// <summary>One form submission, one effect: a double click or a resent form does its work once, also when the two
/// requests race (issue 15, "bad input"). The repeat lands where the first one led, with a word about it.</summary>
public sealed class FormOnceTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<Dictionary<string, string>> ActivityAsync(string name, Guid key) => new()
    {
        ["Input.Name"] = name,
        ["Input.LocationId"] = (await app.InDbAsync("huiskamer", db => db.Locations.OrderBy(l => l.Name).Select(l => l.Id).FirstAsync())).ToString(),
        ["Input.Recurrence"] = "Weekly", ["Input.Day"] = "Friday", ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00",
        ["Input.FirstDate"] = Iso(TimeProvider.System.AmsterdamToday()), ["Input.IsPublic"] = "true", [FormOnce.FieldName] = key.ToString(),
    };

    [Fact]
    public async Task TheNewActivityFormCarriesAKeyAndASecondSubmitCreatesNothingMore()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await client.GetPageAsync("/huiskamer/activiteiten/nieuw");
        var key = Guid.Parse(page.QuerySelector($"input[name={FormOnce.FieldName}]")!.GetAttribute("value")!);
        var name = "Eenmaal " + Guid.NewGuid().ToString("N")[..6];

        var first = await client.SubmitAsync("/huiskamer/activiteiten/nieuw", await ActivityAsync(name, key));
        var second = await client.SubmitAsync("/huiskamer/activiteiten/nieuw", await ActivityAsync(name, key));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.Activities.CountAsync(a => a.Name == name)));
        var landed = await HtmlClient.ParseAsync(await client.FollowAsync(second));
        Assert.Contains("al verstuurd", landed.QuerySelector(".utrecht-alert--ok, [role=status]")!.TextContent);
    }

    [Fact]
    public async Task TwoRacingSubmitsOfOneActivityFormCreateOneActivity()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var name = "Race " + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid();
        var token = await client.TokenAsync("/huiskamer/activiteiten/nieuw");
        var form = await ActivityAsync(name, key);
        form["__RequestVerificationToken"] = token;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.Http.PostAsync("/huiskamer/activiteiten/nieuw", new FormUrlEncodedContent(form))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.Activities.CountAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task ARoomRequestSentTwiceIsOneRequest()
    {
        var room = await RoomsApp.NewRoomAsync(app, "Zaal Eenmaal " + Guid.NewGuid().ToString("N")[..4], acceptsRequests: true);
        var visitor = HtmlClient.For(app);
        const string form = "/ruimtes/huiskamer/aanvragen";
        var key = (await visitor.GetPageAsync(form)).QuerySelector($"input[name={FormOnce.FieldName}]")!.GetAttribute("value")!;
        var organisation = "Eenmaal " + Guid.NewGuid().ToString("N")[..6];
        var date = TimeProvider.System.AmsterdamToday().AddDays(14);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }
        var values = new Dictionary<string, string>
        {
            ["Input.RoomId"] = room.ToString(), ["Input.Date"] = Iso(date), ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00",
            ["Input.Category"] = "Entrepreneur", ["Input.Organisation"] = organisation, ["Input.Purpose"] = "Stoelmassage",
            ["Input.Name"] = "Mirjam de Bruin", ["Input.Email"] = "mirjam@zachtehanden.demo", [FormOnce.FieldName] = key,
        };

        var first = await visitor.SubmitAsync(form, values);
        var second = await visitor.SubmitAsync(form, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.BookingRequests.CountAsync(r => r.Organisation == organisation)));
    }

    [Fact]
    public async Task ATimeCreditTransferSentTwiceMovesThePointsOnce()
    {
        var (anna, bram) = await Wijkbasis.Tests.Features.TimeCredits.TimeCreditTests.TwoAccountsAsync(app);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var key = (await coordinator.GetPageAsync("/huiskamer/tijdbank")).QuerySelector($"form[action*=Transfer] input[name={FormOnce.FieldName}]")!.GetAttribute("value")!;
        Dictionary<string, string> Transfer() => new()
        {
            ["Transfer.FromAccountId"] = anna.ToString(), ["Transfer.ToAccountId"] = bram.ToString(), ["Transfer.Points"] = "2",
            ["Transfer.Description"] = "Boodschappen", [FormOnce.FieldName] = key,
        };

        var first = await PostAsync(coordinator, "/huiskamer/tijdbank", "Transfer", Transfer());
        var second = await PostAsync(coordinator, "/huiskamer/tijdbank", "Transfer", Transfer());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.TimeCreditTransfers.CountAsync(t => t.FromAccountId == anna)));
        Assert.Equal(2L, await app.InDbAsync("huiskamer", db => db.TimeCreditMovements.Where(m => m.AccountId == bram).SumAsync(m => m.Points)));
    }

    [Fact]
    public async Task ABudgetSpendSentTwiceIsBookedOnce()
    {
        var caseId = await CaseAsync(app, Bert, skip: 21);
        await SetMandateAsync(app, Bert, 50_00, 1_000_000);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = $"/huiskamer/casussen/{caseId}";
        var key = (await bert.GetPageAsync(page)).QuerySelector($"form[action*=Spend] input[name={FormOnce.FieldName}]")!.GetAttribute("value")!;
        Dictionary<string, string> Spend() => new() { ["Spend.Amount"] = "12,50", ["Spend.Purpose"] = "Transport", ["Spend.Text"] = "Bus", [FormOnce.FieldName] = key };

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(bert, page, "Spend", Spend())).StatusCode);
        var again = await PostAsync(bert, page, "Spend", Spend());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.AsCaseworkAsync(db => db.LedgerEntries.CountAsync(e => e.CaseId == caseId)));
    }

    [Fact]
    public async Task AnotherEnterpriseCannotSeeOrUseAFormKey()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var key = Guid.NewGuid();
        var name = "Sleutel " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/huiskamer/activiteiten/nieuw", await ActivityAsync(name, key))).StatusCode);

        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.SentForms.CountAsync(f => f.Key == key)));
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.SentForms.CountAsync(f => f.Key == key)));
    }
}

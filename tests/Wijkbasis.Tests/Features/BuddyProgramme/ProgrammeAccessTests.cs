using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>Every buddy-programme page × role × enterprise: only those who help the resident get in. A role without
/// the right gets 403; a record that is not theirs (or another enterprise's) does not exist for them: 404.</summary>
public sealed class ProgrammeAccessTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Youssef = "buddy3@huiskamer.demo";
    private const string Analyst = "analist@arnhem.demo";
    private const string Admin = "beheer@wijkbasis.demo";

    /// <summary>One case of Hanneke's (made by the wijkverbinder), shared by the rows below.</summary>
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<WijkbasisFactory, (Guid Case, Guid Intake, Guid Campaign, Guid Buddy)> Made = [];

    private async Task<(Guid Case, Guid Intake, Guid Campaign, Guid Buddy)> RecordsAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Made.TryGetValue(app, out var made))
            {
                var caseId = await CaseAsync(app, Hanneke, skip: 3);
                var intake = (await CaseRowAsync(app, caseId)).IntakeId;
                var campaign = await app.AsCaseworkAsync(db => db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
                made = Made[app] = (caseId, intake, campaign, await BuddyIdAsync(app, Hanneke));
            }
            return made;
        }
        finally
        {
            Once.Release();
        }
    }

    public static TheoryData<string, string, int> Matrix() => new()
    {
        // the case: its buddy, the wijkverbinder who made it and a caseworker; nobody else
        { "case", Hanneke, 200 }, { "case", Wijkverbinder, 200 }, { "case", Caseworker, 200 },
        { "case", Youssef, 404 }, { "case", Coordinator, 403 }, { "case", Approver, 403 }, { "case", Volunteer, 403 },
        { "case", Analyst, 404 }, { "case", OtherCoordinator, 404 }, { "case", Admin, 404 },
        // the intake: the wijkverbinder who did it and a caseworker
        { "intake", Wijkverbinder, 200 }, { "intake", Caseworker, 200 }, { "intake", Hanneke, 403 }, { "intake", Coordinator, 403 },
        { "intake", Approver, 403 }, { "intake", Analyst, 404 }, { "intake", OtherCoordinator, 404 },
        // lists
        { "cases", Wijkverbinder, 200 }, { "cases", Youssef, 200 }, { "cases", Coordinator, 403 }, { "cases", Volunteer, 403 },
        { "mine", Hanneke, 200 }, { "mine", Approver, 403 }, { "mine", Analyst, 404 },
        { "intakes", Wijkverbinder, 200 }, { "intakes", Hanneke, 403 }, { "intakes", Coordinator, 403 },
        // the pool, the pot, outreach and settings
        { "buddies", Coordinator, 200 }, { "buddies", Wijkverbinder, 200 }, { "buddies", Hanneke, 403 }, { "buddies", Volunteer, 403 },
        { "buddy", Coordinator, 200 }, { "buddy", Hanneke, 403 }, { "buddy", OtherCoordinator, 404 },
        { "budget", Coordinator, 200 }, { "budget", Approver, 200 }, { "budget", Wijkverbinder, 200 }, { "budget", Hanneke, 403 },
        { "budget", Volunteer, 403 }, { "budget", Analyst, 404 }, { "budget", OtherCoordinator, 404 },
        { "outreach", Wijkverbinder, 200 }, { "outreach", Coordinator, 200 }, { "outreach", Hanneke, 403 }, { "outreach", Approver, 403 },
        { "campaign", Wijkverbinder, 200 }, { "campaign", Hanneke, 403 }, { "campaign", OtherCoordinator, 404 },
        { "settings", Coordinator, 200 }, { "settings", Wijkverbinder, 403 }, { "settings", Hanneke, 403 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task OnlyTheAllowedRolesOpenAPage(string page, string email, int expected)
    {
        var url = await UrlAsync(page);
        var client = await HtmlClient.LoggedInAsync(app, email);

        var response = await client.FollowAsync(await client.Http.GetAsync(url));

        Assert.True(expected == (int)response.StatusCode, $"{email} GET {url}: {(int)response.StatusCode}, expected {expected}");
    }

    [Theory]
    [InlineData(Youssef, 404)]
    [InlineData(Coordinator, 403)]
    [InlineData(Approver, 403)]
    [InlineData(OtherCoordinator, 404)]
    public async Task NobodyElseWritesInACase(string email, int expected)
    {
        var (caseId, _, _, _) = await RecordsAsync();
        var client = await HtmlClient.LoggedInAsync(app, email);
        var token = await TokenAsync(client, email == OtherCoordinator ? "/groene-spijker/mensen" : "/account");
        var before = await app.AsCaseworkAsync(db => db.CaseContacts.CountAsync(c => c.CaseId == caseId));

        foreach (var handler in new[] { "Contact", "Spend", "Transfer", "Close", "AcceptTransfer" })
        {
            var response = await client.FollowAsync(await client.Http.PostAsync($"/huiskamer/casussen/{caseId}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Kind"] = "Visit", ["Amount"] = "10",
                ["Purpose"] = "Transport", ["Outcome"] = "Other", ["BuddyId"] = Guid.NewGuid().ToString(), ["Text"] = "niet van mij",
            })));
            Assert.True(expected == (int)response.StatusCode, $"{email} POST {handler}: {(int)response.StatusCode}");
        }
        Assert.Equal(before, await app.AsCaseworkAsync(db => db.CaseContacts.CountAsync(c => c.CaseId == caseId)));
        Assert.Equal(Wijkbasis.Features.Cases.CaseStatus.Open, (await CaseRowAsync(app, caseId)).Status);
    }

    [Fact]
    public async Task ABuddyCannotAnswerAnOfferMadeToSomeoneElse()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var intake = await IntakeAsync(wijkverbinder, await FreshPersonAsync(app, 8));
        await PostAsync(wijkverbinder, $"/huiskamer/intakes/{intake}", "Decide", new() { ["Weight"] = "Light" });
        var hannekeId = await BuddyIdAsync(app, Hanneke);
        await RoomForAsync(app, hannekeId);
        await PostAsync(wijkverbinder, $"/huiskamer/intakes/{intake}", "Offer", new() { ["BuddyId"] = hannekeId.ToString() });
        var offer = await app.AsCaseworkAsync(db => db.BuddyOffers.Where(o => o.IntakeId == intake).Select(o => o.Id).SingleAsync());
        var youssef = await HtmlClient.LoggedInAsync(app, Youssef);

        var response = await PostAsync(youssef, "/huiskamer/mijn-bewoners", "Accept", new() { ["OfferId"] = offer.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.AsCaseworkAsync(db => db.Cases.AnyAsync(c => c.IntakeId == intake)));
        Assert.DoesNotContain("Post op orde", (await youssef.GetPageAsync("/huiskamer/mijn-bewoners")).Body!.TextContent);
    }

    [Fact]
    public async Task ALookAtACaseIsAuditedWithThePersonItIsAbout()
    {
        var (caseId, _, _, _) = await RecordsAsync();
        var person = (await CaseRowAsync(app, caseId)).PersonId;
        var client = await HtmlClient.LoggedInAsync(app, Caseworker);

        await client.GetPageAsync($"/huiskamer/casussen/{caseId}");

        var looks = await app.AsCaseworkAsync(db => db.AuditEntries.Where(a => a.EntityId == caseId.ToString() && a.Action == "view" && a.UserName == Caseworker).ToListAsync());
        Assert.NotEmpty(looks);
        Assert.All(looks, l => Assert.Equal(person, l.PersonId));
    }

    private async Task<string> UrlAsync(string page)
    {
        var (caseId, intake, campaign, buddy) = await RecordsAsync();
        return page switch
        {
            "case" => $"/huiskamer/casussen/{caseId}",
            "intake" => $"/huiskamer/intakes/{intake}",
            "cases" => "/huiskamer/casussen",
            "mine" => "/huiskamer/mijn-bewoners",
            "intakes" => "/huiskamer/intakes",
            "buddies" => "/huiskamer/buddies",
            "buddy" => $"/huiskamer/buddies/{buddy}/bewerken",
            "budget" => "/huiskamer/budget",
            "outreach" => "/huiskamer/outreach",
            "campaign" => $"/huiskamer/outreach/{campaign}",
            "settings" => "/huiskamer/instellingen/buddyprogramma",
            _ => throw new ArgumentOutOfRangeException(nameof(page)),
        };
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>Every buddy-programme page and handler × every demo role × own or other enterprise (the table is
/// <see cref="ProgrammeMatrix"/>): only those who help the resident get in. A role without the right gets 403; a
/// record that is not theirs (or another enterprise's) does not exist for them: 404; anonymous: the login page.</summary>
public sealed class ProgrammeAccessTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{

    private readonly ProgrammeStage stage = new(app);

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var row in ProgrammeMatrix.Rows)
        {
            foreach (var user in ProgrammeMatrix.Users)
            {
                cells.Add(row.Endpoint, user);
            }
        }
        return cells;
    }

    [Fact]
    public void EveryBuddyProgrammePageAndHandlerIsInTheTable()
    {
        Assert.Equal(ProgrammeMatrix.Discovered(), ProgrammeMatrix.Rows.Select(r => r.Endpoint).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task OnlyTheAllowedRolesGetInAndARefusedRequestChangesNothing(string endpoint, string user)
    {
        var expected = ProgrammeMatrix.Expected(ProgrammeMatrix.Rows.Single(r => r.Endpoint == endpoint), user);
        var (method, url, form) = await stage.RequestAsync(endpoint, user, allowed: expected == Outcome.Ok);
        var before = method == "POST" && expected != Outcome.Ok ? await stage.FingerprintAsync() : null;
        var client = await stage.ClientAsync(user);

        var response = method == "GET" ? await client.Http.GetAsync(url) : await stage.PostAsync(user, url, form);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/fout/", StringComparison.Ordinal))
        {
            response = await client.FollowAsync(response);
        }

        var outcome = ProgrammeMatrix.Classify(response);
        Assert.True(expected == outcome, $"{user} {method} {url}: {outcome} ({(int)response.StatusCode}), expected {expected}. {await ErrorsAsync(response)}");
        if (before is not null)
        {
            Assert.Equal(before, await stage.FingerprintAsync());
        }
    }

    [Fact]
    public async Task AWijkverbinderDoesNotFindAnotherWijkverbindersIntakeOrCaseButACaseworkerDoes()
    {
        var shared = await stage.SharedAsync();
        var wessel = await stage.ClientAsync(OtherWijkverbinder);
        var caseworker = await stage.ClientAsync(Caseworker);
        var intakeUrl = $"/huiskamer/intakes/{shared.Intake}";
        var caseUrl = $"/huiskamer/casussen/{shared.Case}";

        Assert.Equal(HttpStatusCode.NotFound, (await wessel.Http.GetAsync(intakeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wessel.Http.GetAsync(caseUrl)).StatusCode);
        Assert.DoesNotContain(intakeUrl, await LinksAsync(wessel, "/huiskamer/intakes"));
        Assert.DoesNotContain(caseUrl, await LinksAsync(wessel, "/huiskamer/casussen"));
        // What Wessel does see in his lists are his own intakes and the cases that came from them.
        var wesselId = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == OtherWijkverbinder).Select(u => u.Id).SingleAsync());
        var his = await app.AsCaseworkAsync(db => db.Intakes.Where(i => i.ByUserId == wesselId).Select(i => i.Id).ToListAsync());
        Assert.NotEmpty(his);
        Assert.All(await LinksAsync(wessel, "/huiskamer/intakes"), link => Assert.Contains(his, id => link == $"/huiskamer/intakes/{id}"));

        Assert.Equal(HttpStatusCode.OK, (await caseworker.Http.GetAsync(intakeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.Http.GetAsync(caseUrl)).StatusCode);
        Assert.Contains(intakeUrl, await LinksAsync(caseworker, "/huiskamer/intakes"));
        Assert.Contains(caseUrl, await LinksAsync(caseworker, "/huiskamer/casussen"));
    }

    /// <summary>The record links on every page of a list (the lists show 25 a page).</summary>
    private static async Task<List<string>> LinksAsync(HtmlClient client, string list)
    {
        var links = new List<string>();
        for (var number = 1; number <= 20; number++)
        {
            var page = await client.GetPageAsync($"{list}?pagina={number}");
            var found = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "")
                .Where(h => Regex.IsMatch(h, $"^{list}/[0-9a-f-]{{36}}$")).ToList();
            if (found.Count == 0 || links.Contains(found[0]))
            {
                break;
            }
            links.AddRange(found);
        }
        return links;
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
        var caseId = (await stage.SharedAsync()).Case;
        var person = (await CaseRowAsync(app, caseId)).PersonId;
        var client = await HtmlClient.LoggedInAsync(app, Caseworker);

        await client.GetPageAsync($"/huiskamer/casussen/{caseId}");

        var looks = await app.AsCaseworkAsync(db => db.AuditEntries.Where(a => a.EntityId == caseId.ToString() && a.Action == "view" && a.UserName == Caseworker).ToListAsync());
        Assert.NotEmpty(looks);
        Assert.All(looks, l => Assert.Equal(person, l.PersonId));
    }
}

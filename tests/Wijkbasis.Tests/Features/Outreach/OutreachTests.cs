using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Outreach;

namespace Wijkbasis.Tests.Features.Outreach;

public sealed class OutreachTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd");

    /// <summary>A door-to-door round that started last week and has no end yet, made by the wijkverbinder.</summary>
    private async Task<Guid> RoundAsync(HtmlClient wijkverbinder, string name)
    {
        var response = await PostAsync(wijkverbinder, "/huiskamer/outreach", "Campaign", new()
        {
            ["Name"] = name, ["Kind"] = "DoorToDoor", ["Street"] = "Bakenbergseweg", ["FromNumber"] = "1", ["ToNumber"] = "80",
            ["StartsOn"] = Day(DateTime.Today.AddDays(-7)),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Dictionary<string, string> Visit(string address, string outcome = "ShortTalk") => new()
    {
        ["Address"] = address, ["On"] = Day(DateTime.Today), ["Outcome"] = outcome, ["Note"] = "",
    };

    private Task<List<OutreachVisit>> VisitsAtAsync(string address) =>
        app.AsCaseworkAsync(db => db.OutreachVisits.AsNoTracking().Where(v => v.Address == address).ToListAsync());

    [Fact]
    public async Task AnAnonymousVisitIsStoredWithItsAddressDateAndOutcomeButWithoutAPerson()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, "Anonieme ronde");
        var people = await app.AsCaseworkAsync(db => db.People.CountAsync());

        var response = await PostAsync(wijkverbinder, $"/huiskamer/outreach/{round}", "Visit", Visit("Bakenbergseweg 12", "RealConversation"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var visit = Assert.Single(await VisitsAtAsync("Bakenbergseweg 12"));
        Assert.Equal((round, DateOnly.FromDateTime(DateTime.Today), VisitOutcome.RealConversation, (Guid?)null),
            (visit.CampaignId, visit.On, visit.Outcome, visit.PersonId));
        Assert.Equal(people, await app.AsCaseworkAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.Signals.CountAsync(s => s.VisitId == visit.Id)));
    }

    [Fact]
    public async Task AVisitWithANameButWithoutConsentIsRefusedAndNothingIsSaved()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, "Ronde zonder toestemming");
        var form = Visit("Bakenbergseweg 14");
        form["PersonName"] = "Truus Zondertoestemming";

        var response = await PostAsync(wijkverbinder, $"/huiskamer/outreach/{round}", "Visit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Alleen met toestemming van de bewoner maken we een persoon aan", await ErrorsAsync(response));
        Assert.Empty(await VisitsAtAsync("Bakenbergseweg 14"));
        Assert.False(await app.AsCaseworkAsync(db => db.People.AnyAsync(p => p.Name == "Truus Zondertoestemming")));
    }

    [Fact]
    public async Task AVisitWithANameAndConsentBecomesAPersonWithTheirConsent()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, "Ronde met toestemming");
        var form = Visit("Bakenbergseweg 16");
        (form["PersonName"], form["PersonConsent"]) = ("Mien Mettoestemming", "true");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, $"/huiskamer/outreach/{round}", "Visit", form)).StatusCode);

        var visit = Assert.Single(await VisitsAtAsync("Bakenbergseweg 16"));
        var person = await app.AsCaseworkAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Name == "Mien Mettoestemming"));
        Assert.Equal(person.Id, visit.PersonId);
        Assert.True(await app.AsCaseworkAsync(db => db.Consents.AnyAsync(c => c.PersonId == person.Id && c.Given)));
    }

    [Fact]
    public async Task ASignalLandsOnTheAssigneesWorkListSortedByDueDate()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, "Ronde met signalen");
        var me = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Wijkverbinder).Select(u => u.Id).SingleAsync());
        foreach (var (address, days) in new[] { ("Bakenbergseweg 20", 10), ("Bakenbergseweg 22", 3) })
        {
            var form = Visit(address, "Signal");
            (form["Note"], form["SignalDueOn"], form["AssignTo"]) = ("Buurvrouw maakt zich zorgen", Day(DateTime.Today.AddDays(days)), me.ToString());
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, $"/huiskamer/outreach/{round}", "Visit", form)).StatusCode);
        }

        var signal = await app.AsCaseworkAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.About == "Bakenbergseweg 22"));
        Assert.Equal((me, DateOnly.FromDateTime(DateTime.Today.AddDays(3)), (DateTime?)null), (signal.AssignedToUserId, signal.DueOn, signal.DoneAt));
        var list = (await wijkverbinder.GetPageAsync("/huiskamer/outreach")).QuerySelectorAll("li[data-signal]").Select(li => li.GetAttribute("data-signal")).ToList();
        Assert.True(list.IndexOf("Bakenbergseweg 22") >= 0 && list.IndexOf("Bakenbergseweg 22") < list.IndexOf("Bakenbergseweg 20"), string.Join(", ", list));
        var dueDates = await app.AsCaseworkAsync(db => db.Signals.Where(s => s.AssignedToUserId == me && s.DoneAt == null).ToDictionaryAsync(s => s.Id, s => s.DueOn));
        var shown = (await wijkverbinder.GetPageAsync("/huiskamer/outreach")).QuerySelectorAll("li[data-signal] input[name=SignalId]")
            .Select(i => dueDates[Guid.Parse(i.GetAttribute("value")!)]).ToList();
        Assert.Equal(shown.Order(), shown);
        // The note says what the worry is; it is on the list, sealed in the database.
        Assert.Contains("Buurvrouw maakt zich zorgen", (await wijkverbinder.GetPageAsync("/huiskamer/outreach")).QuerySelector("li[data-signal='Bakenbergseweg 22']")!.TextContent);
        Assert.DoesNotContain("Buurvrouw", signal.Note!.Stored);
    }

    [Fact]
    public async Task OnlyTheAssigneeCanMarkASignalDone()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, "Ronde voor afhandelen");
        var me = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Wijkverbinder).Select(u => u.Id).SingleAsync());
        var form = Visit("Bakenbergseweg 30", "Signal");
        (form["SignalDueOn"], form["AssignTo"]) = (Day(DateTime.Today.AddDays(5)), me.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, $"/huiskamer/outreach/{round}", "Visit", form)).StatusCode);
        var signalId = await app.AsCaseworkAsync(db => db.Signals.Where(s => s.About == "Bakenbergseweg 30").Select(s => s.Id).SingleAsync());
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var refused = await PostAsync(coordinator, "/huiskamer/outreach", "Done", new() { ["SignalId"] = signalId.ToString(), ["DoneNote"] = "Ik doe het wel" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("al afgehandeld of bestaat niet", await ErrorsAsync(refused));
        Assert.Null((await app.AsCaseworkAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId))).DoneAt);

        var done = await PostAsync(wijkverbinder, "/huiskamer/outreach", "Done", new() { ["SignalId"] = signalId.ToString(), ["DoneNote"] = "Langs geweest" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.NotNull((await app.AsCaseworkAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == signalId))).DoneAt);
    }

    [Theory]
    [InlineData("Address", "", "Vul het adres of de plek in")]
    [InlineData("Address", "   ", "Vul het adres of de plek in")]
    [InlineData("On", "2999-01-01", "Kies een datum tussen de start van de ronde en vandaag")]
    [InlineData("On", "1900-01-01", "Kies een datum tussen de start van de ronde en vandaag")]
    [InlineData("On", "31-31-2025", "Vul bij de datum een geldige waarde in")]
    [InlineData("Outcome", "Misschien", "Vul bij hoe het ging een geldige waarde in")]
    [InlineData("Outcome", "", "Kies hoe het ging")]
    [InlineData("Outcome", "99", "Kies hoe het ging")]
    [InlineData("SignalDueOn", "2999-01-01", "binnen zes maanden")]
    public async Task AVisitWithBadInputIsRefusedInDutchAndNothingIsSaved(string field, string value, string message)
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, $"Ronde met fouten {field} {value}");
        var form = Visit("Bakenbergseweg 40", field == "SignalDueOn" ? "Signal" : "ShortTalk");
        form[field] = value;

        var response = await PostAsync(wijkverbinder, $"/huiskamer/outreach/{round}", "Visit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.OutreachVisits.CountAsync(v => v.CampaignId == round)));
        Assert.Equal(0, await app.AsCaseworkAsync(db => db.Signals.CountAsync(s => s.CampaignId == round)));
    }

    [Fact]
    public async Task AnEnglishReaderIsToldInEnglishHowLongANoteMayBe()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var round = await RoundAsync(wijkverbinder, "Ronde in het Engels");
        var url = $"/huiskamer/outreach/{round}";
        await wijkverbinder.SubmitAsync(url, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = url }, formAction: "/taal");
        var form = Visit("Bakenbergseweg 50");
        form["Note"] = new string('x', OutreachVisit.NoteMax + 1);

        var response = await PostAsync(wijkverbinder, url, "Visit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains($"The note is too long (at most {OutreachVisit.NoteMax} characters).", errors);
        Assert.DoesNotContain("De notitie", errors);
        Assert.Empty(await VisitsAtAsync("Bakenbergseweg 50"));
    }

    [Fact]
    public async Task AVisitAfterTheRoundEndedIsRefused()
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var ended = await app.AsCaseworkAsync(db => db.Campaigns.AsNoTracking()
            .Where(c => c.EndsOn != null && c.EndsOn < DateOnly.FromDateTime(DateTime.Today)).OrderBy(c => c.StartsOn).FirstAsync());
        var before = await app.AsCaseworkAsync(db => db.OutreachVisits.CountAsync(v => v.CampaignId == ended.Id));

        var response = await PostAsync(wijkverbinder, $"/huiskamer/outreach/{ended.Id}", "Visit", Visit("Klarendalseweg 200"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tussen de start en het einde van de ronde", await ErrorsAsync(response));
        Assert.Equal(before, await app.AsCaseworkAsync(db => db.OutreachVisits.CountAsync(v => v.CampaignId == ended.Id)));
    }
}

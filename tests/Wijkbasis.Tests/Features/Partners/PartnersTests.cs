using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Partners;
using Wijkbasis.Features.People;

namespace Wijkbasis.Tests.Features.Partners;

/// <summary>Partners and warm referrals (issue 17): organisations with contacts and werkafspraken, referrals with the consent
/// gate, the follow-up on Vandaag, tenancy and roles. One app for all of them (each test uses its own resident).</summary>
public sealed class PartnersTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private Task<Guid> OrganisationAsync(string name) =>
        app.AsCaseworkAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private async Task<HttpResponseMessage> PostAsync(HtmlClient client, string url, Dictionary<string, string> values, string? handler = null)
    {
        values["__RequestVerificationToken"] = await client.TokenAsync(url);
        return await client.PostRawAsync(handler is null ? url : $"{url}?handler={handler}", values);
    }

    private Dictionary<string, string> Referral(Guid organisation, string reason) => new()
    {
        ["OrganisationId"] = organisation.ToString(), ["Reason"] = reason, ["ReferredOn"] = Day(Today), ["FollowUpOn"] = Day(Today.AddDays(3)),
    };

    /// <summary>When this test began: the demo's own referrals (made at seeding) are left out.</summary>
    private readonly DateTime since = TimeProvider.System.GetUtcNow().UtcDateTime;

    /// <summary>The referrals of a resident made during this test.</summary>
    private Task<List<Referral>> ReferralsOfAsync(Guid person) =>
        app.AsCaseworkAsync(db => db.Referrals.AsNoTracking().Where(r => r.PersonId == person && r.CreatedAt >= since).ToListAsync());

    [Fact]
    public async Task ACoordinatorAddsAnOrganisationWithAContactAndAWorkAgreementThatAVolunteerCanRead()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var added = await PostAsync(coordinator, "/huiskamer/partners/nieuw", new()
        {
            ["Name"] = "Taalhuis Presikhaaf", ["Kind"] = "Library", ["Address"] = "Straat 1", ["Website"] = "www.taalhuis.nl",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await OrganisationAsync("Taalhuis Presikhaaf");
        var details = $"/huiskamer/partners/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new()
        {
            ["ContactName"] = "Truus Taal", ["ContactRole"] = "taalcoach", ["ContactEmail"] = "truus@taalhuis.nl", ["ContactReach"] = "Dinsdag bellen",
        }, "Contact")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, details, new()
        {
            ["AgreementWhat"] = "Taalles in de huiskamer", ["AgreementFrom"] = Day(Today), ["AgreementUntil"] = Day(Today.AddYears(1)),
        }, "Agreement")).StatusCode);

        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var list = await volunteer.GetPageAsync("/huiskamer/partners?q=taalhuis&soort=Library");
        Assert.Contains("Taalhuis Presikhaaf", list.QuerySelector("#partners")!.TextContent);
        var page = await volunteer.GetPageAsync(details);
        Assert.Contains("Truus Taal", page.QuerySelector("#contacten")!.TextContent);
        Assert.Contains("Dinsdag bellen", page.QuerySelector("#contacten")!.TextContent);
        // A volunteer reads, but does not add.
        Assert.Null(page.QuerySelector("form[action*='handler=Contact']"));
        var refused = await PostAsync(volunteer, details, new() { ["ContactName"] = "Stiekem" }, "Contact");
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(refused)).StatusCode);
        Assert.Equal(1, await app.AsCaseworkAsync(db => db.OrganisationContacts.CountAsync(c => c.OrganisationId == id)));
    }

    [Fact]
    public async Task AVolunteerCannotOpenAResidentsReferrals()
    {
        var person = await PersonIdAsync(app, 10);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await volunteer.FollowAsync(await volunteer.Http.GetAsync($"/huiskamer/mensen/{person}/doorverwijzingen"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnotherEnterprisesOrganisationAndReferralsAreNotFound()
    {
        var organisation = await OrganisationAsync("Schuldhulpmaatje Arnhem");
        var person = await app.AsCaseworkAsync(db => db.Referrals.Select(r => r.PersonId).FirstAsync());
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/partners/{organisation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/partners/{organisation}/wijzigen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/mensen/{person}/doorverwijzingen")).StatusCode);
        var list = await other.GetPageAsync("/groene-spijker/partners");
        Assert.DoesNotContain("Schuldhulpmaatje", list.Body!.TextContent);
    }

    [Fact]
    public async Task ASecondOrganisationWithTheSameNameApartFromCaseAndSpacesIsRefusedInDutch()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.AsCaseworkAsync(db => db.Organisations.CountAsync());

        var response = await PostAsync(coordinator, "/huiskamer/partners/nieuw", new() { ["Name"] = "  ggd   GELDERLAND-zuid ", ["Kind"] = "HealthCare" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Er staat al een organisatie met de naam", await ErrorsAsync(response));
        Assert.Equal(before, await app.AsCaseworkAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task AWorkAgreementThatEndsBeforeItStartsIsRefusedInDutch()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var organisation = await OrganisationAsync("Bibliotheek Rozet");
        var before = await app.AsCaseworkAsync(db => db.WorkAgreements.CountAsync(a => a.OrganisationId == organisation));

        var response = await PostAsync(coordinator, $"/huiskamer/partners/{organisation}", new()
        {
            ["AgreementWhat"] = "Omgekeerde afspraak", ["AgreementFrom"] = Day(Today), ["AgreementUntil"] = Day(Today.AddDays(-1)),
        }, "Agreement");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("De einddatum ligt vóór de startdatum", await ErrorsAsync(response));
        Assert.Equal(before, await app.AsCaseworkAsync(db => db.WorkAgreements.CountAsync(a => a.OrganisationId == organisation)));
    }

    [Theory]
    [InlineData("OrganisationId", "", "Kies de organisatie waar u naar doorverwijst")]
    [InlineData("FollowUpOn", "yesterday", "De datum om na te vragen ligt in het verleden")]
    [InlineData("Reason", "", "Schrijf kort waarom u doorverwijst")]
    public async Task AReferralWithBadInputIsRefusedInDutchAndNothingIsSaved(string field, string value, string message)
    {
        var person = await PersonIdAsync(app, 11);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var form = Referral(await OrganisationAsync("Sociaal Wijkteam Klarendal"), "Hulp bij de post");
        form[field] = value == "yesterday" ? Day(Today.AddDays(-1)) : value;

        var response = await PostAsync(wijkverbinder, $"/huiskamer/mensen/{person}/doorverwijzingen", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Empty(await ReferralsOfAsync(person));
    }

    [Fact]
    public async Task WithoutConsentAReferralIsSavedOnlyWithoutSharingDetails()
    {
        var person = await PersonIdAsync(app, 12);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var url = $"/huiskamer/mensen/{person}/doorverwijzingen";
        var form = Referral(await OrganisationAsync("Schuldhulpmaatje Arnhem"), "Schulden, wil hulp");
        form["DetailsShared"] = "true";
        form["OverrideReason"] = "Ik heb geen override, maar probeer het";

        var refused = await PostAsync(wijkverbinder, url, form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Er is geen toestemming om gegevens te delen bij doorverwijzen", await ErrorsAsync(refused));
        Assert.Empty(await ReferralsOfAsync(person));

        form.Remove("DetailsShared");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, url, form)).StatusCode);
        var referral = Assert.Single(await ReferralsOfAsync(person));
        Assert.False(referral.DetailsShared);
        Assert.Null(referral.OverrideReason);
        Assert.DoesNotContain("Schulden", referral.Reason!.Stored);
    }

    [Fact]
    public async Task WithConsentInForceDetailsMayBeShared()
    {
        var person = await PersonIdAsync(app, 13);
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, $"/huiskamer/mensen/{person}/toestemming", new()
        {
            ["Purpose"] = nameof(ConsentPurpose.ShareOnReferral), ["LegalBasis"] = "Consent", ["Given"] = "true",
        })).StatusCode);
        var form = Referral(await OrganisationAsync("Sociaal Wijkteam Klarendal"), "Aanmelding wijkteam");
        form["DetailsShared"] = "true";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, $"/huiskamer/mensen/{person}/doorverwijzingen", form)).StatusCode);

        Assert.True(Assert.Single(await ReferralsOfAsync(person)).DetailsShared);
        Assert.False(await app.AsCaseworkAsync(db => db.AuditEntries.AnyAsync(a => a.PersonId == person && a.Action == ReferralsModel.OverrideAction)));
    }

    [Fact]
    public async Task TheOverrideNeedsAReasonAndWritesAnAuditRowThatTheAccessViewShows()
    {
        var person = await PersonIdAsync(app, 14);
        // Wessel holds the separate override permission (the demo grants it); Wendy does not.
        var wessel = await HtmlClient.LoggedInAsync(app, OtherWijkverbinder);
        var url = $"/huiskamer/mensen/{person}/doorverwijzingen";
        var form = Referral(await OrganisationAsync("Woonbedrijf Volkshuisvesting"), "Dreigende huisuitzetting");
        form["DetailsShared"] = "true";

        var noReason = await PostAsync(wessel, url, form);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Zonder toestemming deelt u gegevens alleen met een reden", await ErrorsAsync(noReason));
        Assert.Empty(await ReferralsOfAsync(person));

        form["OverrideReason"] = "Ontruiming dreigt deze week; bewoner niet bereikbaar voor toestemming";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wessel, url, form)).StatusCode);

        var referral = Assert.Single(await ReferralsOfAsync(person));
        Assert.True(referral.DetailsShared);
        Assert.NotNull(referral.OverrideReason);
        var row = await app.AsCaseworkAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ReferralsModel.OverrideAction && a.PersonId == person));
        Assert.Equal((nameof(Referral), referral.Id.ToString()), (row.EntityType, row.EntityId));
        var access = await wessel.GetPageAsync($"/huiskamer/mensen/{person}/inzage");
        Assert.Contains("gegevens gedeeld zonder toestemming", access.QuerySelector("#inzage")!.TextContent);
    }

    [Fact]
    public async Task AFollowUpLandsOnTheWorkersVandaagListUntilTheOutcomeIsRecorded()
    {
        var person = await PersonIdAsync(app, 15);
        var name = await app.AsCaseworkAsync(db => db.People.Where(p => p.Id == person).Select(p => p.Name).SingleAsync());
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var url = $"/huiskamer/mensen/{person}/doorverwijzingen";
        var form = Referral(await OrganisationAsync("Bibliotheek Rozet"), "Wil Nederlands leren");
        form["WentAlongUserId"] = (await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Wijkverbinder).Select(u => u.Id).SingleAsync())).ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, url, form)).StatusCode);
        var referral = Assert.Single(await ReferralsOfAsync(person));
        Assert.Equal("Wendy Wijkverbinder", referral.WentAlongName);

        Assert.Contains(name, (await wijkverbinder.GetPageAsync("/huiskamer/vandaag")).QuerySelector("#nabellen")!.TextContent);
        var other = await HtmlClient.LoggedInAsync(app, OtherWijkverbinder);
        Assert.DoesNotContain(name, (await other.GetPageAsync("/huiskamer/vandaag")).QuerySelector("#nabellen")?.TextContent ?? "");

        // The outcome starts unchosen, and left so it is refused: no outcome is taken for granted.
        var choice = (await wijkverbinder.GetPageAsync(url)).QuerySelector($"#uitkomst-{referral.Id}")!;
        Assert.Equal("", choice.QuerySelectorAll("option")[0].GetAttribute("value"));
        var unchosen = await PostAsync(wijkverbinder, url, new()
        {
            ["ReferralId"] = referral.Id.ToString(), ["Outcome"] = "", ["OutcomeOn"] = Day(Today),
        }, "Outcome");
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Contains("Kies hoe het afliep.", await unchosen.Content.ReadAsStringAsync());
        Assert.Null(Assert.Single(await ReferralsOfAsync(person)).Outcome);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(wijkverbinder, url, new()
        {
            ["ReferralId"] = referral.Id.ToString(), ["Outcome"] = "Helped", ["OutcomeOn"] = Day(Today),
        }, "Outcome")).StatusCode);

        Assert.Equal(ReferralOutcome.Helped, Assert.Single(await ReferralsOfAsync(person)).Outcome);
        Assert.DoesNotContain(name, (await wijkverbinder.GetPageAsync("/huiskamer/vandaag")).QuerySelector("#nabellen")?.TextContent ?? "");
    }
}

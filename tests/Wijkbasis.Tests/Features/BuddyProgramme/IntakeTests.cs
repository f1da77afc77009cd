using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.People;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

public sealed class IntakeTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task AnIntakeWithADomainAtLevelTwoIsProposedHeavyWithTheReasonAndIsSealedAtRest()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var person = await NewPersonAsync(app);

        var id = await IntakeAsync(client, person, IntakeForm("2"));

        var page = await client.GetPageAsync($"/huiskamer/intakes/{id}");
        Assert.Contains("Voorstel: zwaar", page.Body!.TextContent);
        Assert.Contains("Financiën staat op niveau 2", page.Body.TextContent);
        Assert.Contains("Weer overzicht in de post", page.Body.TextContent);
        var row = await IntakeRowAsync(app, id);
        Assert.Equal(CaseWeight.Heavy, row.ProposedWeight);
        Assert.DoesNotContain("overzicht", row.Want!.Stored);
        Assert.DoesNotContain("Finances", row.Zrm!.Stored);
        var audit = await app.AsCaseworkAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("create", audit);
        Assert.Contains("view", audit);
        // The buddy-programme basis was recorded with the intake, and the resident is now a vrager.
        var consent = await app.AsCaseworkAsync(db => db.Consents.Where(c => c.PersonId == person && c.Purpose == ConsentPurpose.BuddyProgramme).ToListAsync());
        Assert.Single(consent);
        Assert.True(await app.AsCaseworkAsync(db => db.People.Where(p => p.Id == person).Select(p => p.IsVrager).SingleAsync()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("veel")]
    public async Task AZrmLevelOutsideOneToFiveIsRefusedAndNothingIsSaved(string level)
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var person = await FreshPersonAsync(app, 1);
        var before = await app.AsCaseworkAsync(db => db.Intakes.CountAsync());

        var response = await client.SubmitAsync($"/huiskamer/intakes/nieuw?persoon={person}", IntakeForm(level));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kies bij Financiën een niveau van 1 tot en met 5", await ErrorsAsync(response));
        Assert.Equal(before, await app.AsCaseworkAsync(db => db.Intakes.CountAsync()));
    }

    [Fact]
    public async Task WithoutTheResidentsAgreementOrALegalBasisNoIntakeIsSaved()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var person = await NewPersonAsync(app);
        var form = IntakeForm("3");
        form["Input.Consent"] = "false";

        var response = await client.SubmitAsync($"/huiskamer/intakes/nieuw?persoon={person}", form);

        Assert.Contains("meedoet met het buddyprogramma", await ErrorsAsync(response));
        Assert.False(await app.AsCaseworkAsync(db => db.Intakes.AnyAsync(i => i.PersonId == person)));
    }

    [Fact]
    public async Task GoingAgainstTheProposalNeedsAReasonAndBothAreKept()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 3), IntakeForm("2"));
        var page = $"/huiskamer/intakes/{id}";

        var refused = await PostAsync(client, page, "Decide", new() { ["Weight"] = "Light", ["Reason"] = "" });
        Assert.Contains("Schrijf op waarom u licht kiest", await ErrorsAsync(refused));
        Assert.Null((await IntakeRowAsync(app, id)).DecidedWeight);

        var decided = await PostAsync(client, page, "Decide", new() { ["Weight"] = "Light", ["Reason"] = "Haar zus helpt al mee" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var row = await IntakeRowAsync(app, id);
        Assert.Equal((CaseWeight.Heavy, CaseWeight.Light), (row.ProposedWeight, row.DecidedWeight!.Value));
        Assert.Contains("Haar zus helpt al mee", (await client.GetPageAsync(page)).QuerySelector("#besluit")!.TextContent);
    }

    [Fact]
    public async Task GoingAgainstTheProposalWithoutAReasonIsRefusedInEnglishWithBothWeights()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 27), IntakeForm("2"));
        var page = $"/huiskamer/intakes/{id}";
        await client.SubmitAsync(page, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = page }, formAction: "/taal");

        var refused = await PostAsync(client, page, "Decide", new() { ["Weight"] = "Light", ["Reason"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await ErrorsAsync(refused);
        Assert.Contains("The proposal is heavy. Write down why you choose light.", errors);
        Assert.DoesNotContain("Schrijf op waarom", errors);
        Assert.Null((await IntakeRowAsync(app, id)).DecidedWeight);
        // The proposal's reasons and the rule read in English too, with their levels.
        var triage = (await client.GetPageAsync(page)).QuerySelector("#triage")!.NextElementSibling!.TextContent;
        Assert.Contains("Finances is at level 2 (not self-sufficient).", triage);
        Assert.Contains("Heavy if a chosen ZRM domain is at level 2 or lower", triage);
        Assert.DoesNotContain("staat op niveau", triage);
    }

    [Fact]
    public async Task SuggestionsRankTheAdministrationBuddyFirstWithReasonsAndLeaveOutAnExpiredVog()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var bertId = await BuddyIdAsync(app, Bert);
        await RoomForAsync(app, bertId);
        await app.AsCaseworkAsync(async db =>
        {
            (await db.Buddies.SingleAsync(b => b.Id == bertId)).Availability = Availability.Bit(DayOfWeek.Tuesday, 0);
            return await db.SaveChangesAsync();
        });
        var form = IntakeForm("3", needTags: "administratie");
        form["Input.Availability"] = "3"; // Tuesday morning
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 4), form);
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Decide", new() { ["Weight"] = "Light" });

        var page = await client.GetPageAsync($"/huiskamer/intakes/{id}");

        var suggestions = page.QuerySelectorAll("[data-buddy]").ToList();
        Assert.NotEmpty(suggestions);
        Assert.Equal("Bert Buddy", suggestions[0].GetAttribute("data-buddy"));
        Assert.Contains("Kan helpen met administratie", suggestions[0].TextContent);
        Assert.Contains("Kan op 1 gewenste dagdelen", suggestions[0].TextContent);
        Assert.Contains("di ochtend", page.QuerySelector(".wb-dl")!.TextContent);
        Assert.DoesNotContain(suggestions, s => s.GetAttribute("data-buddy") == "Erik Ervaring");
        Assert.DoesNotContain(suggestions, s => s.GetAttribute("data-buddy") == "Priya Prins");

        // The reasons read in English too, with their values.
        await client.SubmitAsync($"/huiskamer/intakes/{id}", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = $"/huiskamer/intakes/{id}" }, formAction: "/taal");
        var english = (await client.GetPageAsync($"/huiskamer/intakes/{id}")).QuerySelector("[data-buddy]")!.TextContent;
        Assert.Contains("Can help with administratie", english);
        Assert.Contains("Available for 1 of the wanted parts of the day", english);
        Assert.DoesNotContain("Kan helpen", english);
    }

    [Fact]
    public async Task OfferingABuddyWithAnExpiredVogIsRefusedAndNothingIsSaved()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 5));
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Decide", new() { ["Weight"] = "Light" });

        var response = await PostAsync(client, $"/huiskamer/intakes/{id}", "Offer", new() { ["BuddyId"] = (await BuddyIdAsync(app, Erik)).ToString() });

        Assert.Contains("VOG van Erik Ervaring is verlopen", await ErrorsAsync(response));
        Assert.False(await app.AsCaseworkAsync(db => db.BuddyOffers.AnyAsync(o => o.IntakeId == id)));
        Assert.Equal(IntakeStatus.Open, (await IntakeRowAsync(app, id)).Status);
    }

    [Fact]
    public async Task LightHelpToAProfessionalNeedsAReason()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 6));
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Decide", new() { ["Weight"] = "Light" });
        var priya = (await BuddyIdAsync(app, "professional@huiskamer.demo")).ToString();

        var refused = await PostAsync(client, $"/huiskamer/intakes/{id}", "Offer", new() { ["BuddyId"] = priya });
        Assert.Contains("waarom u toch een professional", await ErrorsAsync(refused));

        var offered = await PostAsync(client, $"/huiskamer/intakes/{id}", "Offer", new() { ["BuddyId"] = priya, ["Reason"] = "Spreekt de taal van de bewoner" });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var offer = await app.AsCaseworkAsync(db => db.BuddyOffers.SingleAsync(o => o.IntakeId == id));
        Assert.Equal(OfferStatus.Offered, offer.Status);
        Assert.DoesNotContain("taal", offer.KindOverrideReason!.Stored);
        Assert.Contains("Spreekt de taal van de bewoner", (await client.GetPageAsync($"/huiskamer/intakes/{id}")).QuerySelector("#gevraagd")!.TextContent);
    }

    [Fact]
    public async Task TheBuddyDeclinesWithAReasonAndTheIntakeIsOpenAgain()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 7));
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Decide", new() { ["Weight"] = "Light" });
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Offer", new() { ["BuddyId"] = (await BuddyIdAsync(app, Hanneke)).ToString() });
        var hanneke = await HtmlClient.LoggedInAsync(app, Hanneke);
        var offerId = await app.AsCaseworkAsync(db => db.BuddyOffers.Where(o => o.IntakeId == id).Select(o => o.Id).SingleAsync());

        var noReason = await PostAsync(hanneke, "/huiskamer/mijn-bewoners", "Decline", new() { ["OfferId"] = offerId.ToString() });
        Assert.Contains("waarom u nee zegt", await ErrorsAsync(noReason));

        var declined = await PostAsync(hanneke, "/huiskamer/mijn-bewoners", "Decline", new() { ["OfferId"] = offerId.ToString(), ["Reason"] = "Te ver weg" });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(IntakeStatus.Open, (await IntakeRowAsync(app, id)).Status);
        var page = await client.GetPageAsync($"/huiskamer/intakes/{id}");
        Assert.Contains("Te ver weg", page.QuerySelector("#gevraagd")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("[data-buddy]"), s => s.GetAttribute("data-buddy") == "Hanneke Visser");
    }

    [Fact]
    public async Task AcceptingStartsACaseWithTheBuddyResponsibleAndTheIntakesGoals()
    {
        var caseId = await CaseAsync(app, Bert);

        var row = await CaseRowAsync(app, caseId);
        Assert.Equal(await BuddyIdAsync(app, Bert), row.OwnerBuddyId);
        var goals = await app.AsCaseworkAsync(db => db.CaseItems.Where(i => i.CaseId == caseId && i.IsGoal).CountAsync());
        Assert.Equal(2, goals);
        var bert = await HtmlClient.LoggedInAsync(app, Bert);
        var page = await bert.GetPageAsync($"/huiskamer/casussen/{caseId}");
        Assert.Contains("Post op orde", page.QuerySelector("#taken")!.TextContent);
    }

    [Fact]
    public async Task ABuddyWhoseVogExpiredAfterTheOfferCannotAccept()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await IntakeAsync(client, await FreshPersonAsync(app, 9));
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Decide", new() { ["Weight"] = "Light" });
        var hannekeId = await BuddyIdAsync(app, Hanneke);
        await RoomForAsync(app, hannekeId);
        await PostAsync(client, $"/huiskamer/intakes/{id}", "Offer", new() { ["BuddyId"] = hannekeId.ToString() });
        await app.AsCaseworkAsync(async db =>
        {
            var hanneke = await db.Buddies.SingleAsync(b => b.Id == hannekeId);
            hanneke.VogExpiresOn = DateOnly.FromDateTime(DateTime.Today).AddDays(-1);
            return await db.SaveChangesAsync();
        });
        var offer = await app.AsCaseworkAsync(db => db.BuddyOffers.Where(o => o.IntakeId == id).Select(o => o.Id).SingleAsync());
        var buddy = await HtmlClient.LoggedInAsync(app, Hanneke);

        var response = await PostAsync(buddy, "/huiskamer/mijn-bewoners", "Accept", new() { ["OfferId"] = offer.ToString() });

        Assert.Contains("VOG van Hanneke Visser is verlopen", await ErrorsAsync(response));
        Assert.False(await app.AsCaseworkAsync(db => db.Cases.AnyAsync(c => c.IntakeId == id)));
        await app.AsCaseworkAsync(async db =>
        {
            (await db.Buddies.SingleAsync(b => b.Id == hannekeId)).VogExpiresOn = DateOnly.FromDateTime(DateTime.Today).AddYears(1);
            return await db.SaveChangesAsync();
        });
    }
}

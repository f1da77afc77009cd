using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.People;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

public sealed class ConsentTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static Dictionary<string, string> Consent(string purpose, string basis, bool given) => new()
    {
        ["Purpose"] = purpose, ["LegalBasis"] = basis, ["Given"] = given ? "true" : "false",
    };

    [Fact]
    public async Task ConsentIsRecordedWithBasisDateAndWhoAndAWithdrawalTakesEffectAtOnce()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Toos Toestemming"));
        var id = Assert.Single(await FindAsync(app, "Toos Toestemming")).Id;
        var page = $"/huiskamer/mensen/{id}";

        var given = await client.SubmitAsync(page, Consent("BuddyProgramme", "PublicTask", true), formAction: "toestemming");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        var row = (await client.GetPageAsync(page)).QuerySelector("tr[data-purpose=BuddyProgramme]")!.TextContent;
        Assert.Contains("gegeven", row);
        Assert.Contains("Publieke taak", row);
        Assert.Contains("Corrie Coördinator", row);

        await client.SubmitAsync(page, Consent("BuddyProgramme", "PublicTask", false), formAction: "toestemming");
        var records = await app.InDbAsync("huiskamer", db => db.Consents.Where(c => c.PersonId == id).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.False(ConsentRules.InForce(records)[ConsentPurpose.BuddyProgramme].Given);
        Assert.Contains("ingetrokken", (await client.GetPageAsync(page)).QuerySelector("tr[data-purpose=BuddyProgramme]")!.TextContent);
        var audited = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityType == "ConsentRecord" && a.PersonId == id));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task AnUnknownPurposeIsRefusedAndNothingIsSaved()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Onbekend Doel"));
        var id = Assert.Single(await FindAsync(app, "Onbekend Doel")).Id;
        var response = await client.SubmitAsync($"/huiskamer/mensen/{id}", Consent("Marketing", "Consent", true), formAction: "toestemming");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vul bij Doel een geldige waarde in", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
        Assert.Empty(await app.InDbAsync("huiskamer", db => db.Consents.Where(c => c.PersonId == id).ToListAsync()));
    }

    [Fact]
    public async Task AVolunteerCannotRecordConsent()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var id = await AnyPersonIdAsync(app, "huiskamer");
        var before = await app.InDbAsync("huiskamer", db => db.Consents.CountAsync(c => c.PersonId == id));
        await client.PostRawAsync($"/huiskamer/mensen/{id}/toestemming", Consent("Reporting", "Consent", true));
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.Consents.CountAsync(c => c.PersonId == id)));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Features.Talents;

/// <summary>An offer leaves the enterprise only with the resident's consent, and only as first name, buurt and offer.</summary>
public sealed class SharingTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static Dictionary<string, string> Consent(bool given) => new()
    {
        ["Purpose"] = "TalentsInMunicipality", ["LegalBasis"] = "Consent", ["Given"] = given ? "true" : "false",
    };

    private static async Task<string> MunicipalityBoardAsync(HtmlClient client) =>
        (await client.GetPageAsync("/groene-spijker/talenten?waar=gemeente&taal=tigrinya")).QuerySelector("#bord")?.TextContent ?? "";

    [Fact]
    public async Task AnOfferIsVisibleToAnotherEnterpriseOnlyWithConsentAndDisappearsWhenConsentIsWithdrawn()
    {
        var id = await app.NewResidentAsync("Semhar Gedeeld", languages: "Tigrinya", phone: "06 99998888");
        await app.CardAsync(id, ["naaien"], ["computerhulp"], offerText: "Naait gordijnen op maat.");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var elsewhere = await HtmlClient.LoggedInAsync(app, OtherCoordinator);

        // A card alone is not shared.
        await coordinator.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "naaien"), ("Needs", "computerhulp"), ("OfferText", "Naait gordijnen op maat."));
        Assert.DoesNotContain("Semhar", await MunicipalityBoardAsync(elsewhere));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/huiskamer/mensen/{id}", Consent(true), formAction: "toestemming")).StatusCode);
        var shown = await MunicipalityBoardAsync(elsewhere);
        Assert.Contains("Semhar", shown);
        Assert.Contains("naaien", shown);
        Assert.Contains("De Huiskamer Klarendal", shown);
        Assert.DoesNotContain("Gedeeld", shown);
        Assert.DoesNotContain("06 99998888", shown);
        Assert.DoesNotContain("computerhulp", shown);
        // The own board of the other enterprise does not mix it in.
        Assert.DoesNotContain("Semhar", (await elsewhere.GetPageAsync("/groene-spijker/talenten")).Body!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/huiskamer/mensen/{id}", Consent(false), formAction: "toestemming")).StatusCode);
        Assert.DoesNotContain("Semhar", await MunicipalityBoardAsync(elsewhere));
        Assert.False(await app.InDbAsync("huiskamer", db => db.SharedOffers.AnyAsync(s => s.PersonId == id)));
        Assert.Contains(await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityType == "SharedOffer" && a.PersonId == id).Select(a => a.Action).ToListAsync()),
            a => a == "delete");
    }

    [Fact]
    public async Task ArchivingTheResidentOrEmptyingTheOfferTakesTheSharedOfferAway()
    {
        var id = await app.NewResidentAsync("Tesfay Archief", languages: "Tigrinya");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync($"/huiskamer/mensen/{id}", Consent(true), formAction: "toestemming");
        await coordinator.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "klussen"));
        Assert.True(await app.InDbAsync("huiskamer", db => db.SharedOffers.AnyAsync(s => s.PersonId == id)));
        var r = await coordinator.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Needs", "klussen"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.False(await app.InDbAsync("huiskamer", db => db.SharedOffers.AnyAsync(s => s.PersonId == id)));

        await coordinator.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "klussen"));
        Assert.True(await app.InDbAsync("huiskamer", db => db.SharedOffers.AnyAsync(s => s.PersonId == id)));
        await coordinator.SubmitAsync($"/huiskamer/mensen/{id}/archiveren", new Dictionary<string, string>());
        Assert.False(await app.InDbAsync("huiskamer", db => db.SharedOffers.AnyAsync(s => s.PersonId == id)));
    }

    [Fact]
    public async Task OnPostgresAnotherEnterpriseReadsSharedOffersButNeverTheCardsThemselves()
    {
        var id = await app.NewResidentAsync("Rahwa Rls", languages: "Tigrinya");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync($"/huiskamer/mensen/{id}", Consent(true), formAction: "toestemming");
        await coordinator.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "bakken"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var e = await db.Enterprises.SingleAsync(x => x.Slug == "groene-spijker");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(e, []);
        var huiskamer = await app.InDbAsync(null, d => d.Enterprises.Where(x => x.Slug == "huiskamer").Select(x => x.Id).SingleAsync());
        Task<int> CountAsync(string table) => db.Database.SqlQueryRaw<int>(table switch
        {
            "SharedOffers" => "SELECT COUNT(*) AS \"Value\" FROM \"SharedOffers\" WHERE \"TenantId\" = {0}",
            "TalentCards" => "SELECT COUNT(*) AS \"Value\" FROM \"TalentCards\" WHERE \"TenantId\" = {0}",
            _ => "SELECT COUNT(*) AS \"Value\" FROM \"TalentTags\" WHERE \"TenantId\" = {0}",
        }, huiskamer).SingleAsync();
        Assert.True(await CountAsync("SharedOffers") > 0);
        Assert.Equal(TestDatabase.IsPostgres, await CountAsync("TalentCards") == 0);
        Assert.Equal(TestDatabase.IsPostgres, await CountAsync("TalentTags") == 0);
        // Reading is all: another enterprise cannot change a shared offer.
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"SharedOffers\" SET \"FirstName\" = 'x' WHERE \"TenantId\" = {0}", huiskamer);
        Assert.Equal(TestDatabase.IsPostgres, changed == 0);
    }
}

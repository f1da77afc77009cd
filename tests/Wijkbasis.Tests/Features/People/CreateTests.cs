using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

public sealed class CreateTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Url = "/huiskamer/mensen/nieuw";

    [Fact]
    public async Task CoordinatorRegistersAPersonAndTheBuurtIsDerivedFromThePostcode()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var form = Form("Fenna Aanmeldt", "6822aa", "1961");
        form["Input.Languages"] = "Nederlands, Arabisch";
        form["Input.IsVrager"] = "true";
        form["Input.IsDrager"] = "true";

        var response = await client.SubmitAsync(Url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = Assert.Single(await FindAsync(app, "Fenna Aanmeldt"));
        Assert.Equal("6822 AA", person.Postcode);
        Assert.Equal("BU02020501", person.BuurtCode);
        Assert.Equal(1961, person.BirthYear);
        Assert.True(person.IsVrager && person.IsDrager);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Fenna Aanmeldt is toegevoegd", page.Body!.TextContent);
        Assert.Contains("Klarendal-Noord", page.Body.TextContent);
    }

    [Fact]
    public async Task CreatingAPersonWritesAnAuditRowInTheSameSave()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync(Url, Form("Gerda Geaudit"));
        var person = Assert.Single(await FindAsync(app, "Gerda Geaudit"));
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityId == person.Id.ToString()).ToListAsync());
        var row = Assert.Single(audit);
        Assert.Equal("create", row.Action);
        Assert.Equal("Person", row.EntityType);
        Assert.Equal(Coordinator, row.UserName);
        Assert.Equal("Coordinator", row.Role);
        Assert.Equal(person.Id, row.PersonId);
        Assert.Equal("success", row.Outcome);
        Assert.Equal(DateTimeKind.Utc, row.At.Kind);
    }

    [Theory]
    [InlineData("Piet Postcode", "1234", "Vul de postcode in als 1234 AB.")]
    [InlineData("Piet Postcode", "0123 AB", "Vul de postcode in als 1234 AB.")]
    [InlineData("Piet Postcode", "1234 SS", "Vul de postcode in als 1234 AB.")]
    [InlineData("", "1234 AB", "Vul een naam of roepnaam in.")]
    [InlineData("   ", null, "Vul een naam of roepnaam in.")]
    public async Task BadInputGetsAClearDutchMessageAndNothingIsSaved(string name, string? postcode, string message)
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.InDbAsync("huiskamer", db => db.People.CountAsync());

        var response = await client.SubmitAsync(Url, Form(name, postcode));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.People.CountAsync()));
    }

    [Fact]
    public async Task AnOverLongNameIsRefused()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var name = new string('a', 101);
        var response = await client.SubmitAsync(Url, Form(name));
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains("De naam mag maximaal 100 tekens lang zijn.", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await FindAsync(app, name));
    }

    [Fact]
    public async Task ABirthYearThatIsNotANumberGetsADutchMessage()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.SubmitAsync(Url, Form("Jaar Onzin", birthYear: "negentienzestig"));
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains("Vul bij Geboortejaar een geldige waarde in", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await FindAsync(app, "Jaar Onzin"));
    }

    [Fact]
    public async Task ASimilarPersonGivesADuplicateWarningUntilConfirmed()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync(Url, Form("Dubbel Dirk", "6823 AB", "1970"));

        var second = await client.SubmitAsync(Url, Form("dubbel  dirk", "6823ab", "1970"));
        var page = await HtmlClient.ParseAsync(second);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("staat misschien al in het register", page.QuerySelector("#dubbel")!.TextContent);
        Assert.Single(await app.InDbAsync("huiskamer", db => db.People.Where(p => p.SearchName == "dubbel dirk").ToListAsync()));

        var confirmed = Form("dubbel dirk", "6823ab", "1970");
        confirmed["Confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(Url, confirmed)).StatusCode);
        Assert.Equal(2, (await app.InDbAsync("huiskamer", db => db.People.Where(p => p.SearchName == "dubbel dirk").ToListAsync())).Count);
    }

    [Fact]
    public async Task AForgedAntiforgeryTokenIsRefusedAndNothingIsSaved()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.GetPageAsync(Url);
        var response = await client.PostRawAsync(Url, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8-vervalst-token",
            ["Input.Name"] = "Vera Vervalst",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Er is niets opgeslagen", (await HtmlClient.ParseAsync(response)).Body!.TextContent);
        Assert.Empty(await FindAsync(app, "Vera Vervalst"));
    }

    [Fact]
    public async Task AVolunteerCannotAddToTheRegister()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync(Url))).StatusCode);
        var response = await client.PostRawAsync(Url, Form("Vrijwilliger Voegt Toe"));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest or HttpStatusCode.Redirect);
        Assert.Empty(await FindAsync(app, "Vrijwilliger Voegt Toe"));
    }

    [Fact]
    public async Task AUserOfAnotherEnterpriseGets404()
    {
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(Url)).StatusCode);
        var response = await client.PostRawAsync(Url, Form("Buiten De Deur"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await FindAsync(app, "Buiten De Deur"));
    }
}

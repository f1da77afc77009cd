using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

public sealed class EditTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private async Task<Guid> NewPersonAsync(HtmlClient client, string name)
    {
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form(name, "6822 AA", "1980"));
        return Assert.Single(await FindAsync(app, name)).Id;
    }

    [Fact]
    public async Task CoordinatorChangesDetailsAndTheChangeIsAudited()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewPersonAsync(client, "Eddy Eerst");
        var form = Form("Eddy Daarna", "6815 AB", "1981");
        form["Input.Phone"] = "06 12345678";

        var response = await client.SubmitAsync($"/huiskamer/mensen/{id}/bewerken", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await app.InDbAsync("huiskamer", db => db.People.SingleAsync(p => p.Id == id));
        Assert.Equal("Eddy Daarna", person.Name);
        Assert.Equal("BU02020801", person.BuurtCode);
        Assert.Equal("06 12345678", person.Phone);
        var actions = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("update", actions);
    }

    [Fact]
    public async Task OpeningTheEditFormIsLoggedAsALook()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewPersonAsync(client, "Kijk Karel");
        await client.GetPageAsync($"/huiskamer/mensen/{id}/bewerken");
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "view")));
    }

    [Fact]
    public async Task TwoPeopleEditingTheSameRecordDoNotOverwriteEachOtherSilently()
    {
        var first = await HtmlClient.LoggedInAsync(app, Coordinator);
        var second = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await NewPersonAsync(first, "Gelijk Tijdig");
        var url = $"/huiskamer/mensen/{id}/bewerken";
        var firstForm = await first.GetPageAsync(url);
        var token = HtmlClient.TokenOf(firstForm);
        var version = firstForm.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var secondForm = Form("Gelijk Tijdig", "6822 AA", "1980");
        secondForm["Input.Phone"] = "06 11111111";
        await second.SubmitAsync(url, secondForm);
        var late = await first.PostRawAsync(url, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = version, ["Input.Name"] = "Gelijk Tijdig", ["Input.Phone"] = "06 22222222",
        });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Iemand anders heeft de gegevens", (await HtmlClient.ParseAsync(late)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("06 11111111", (await app.InDbAsync("huiskamer", db => db.People.SingleAsync(p => p.Id == id))).Phone);
    }

    [Fact]
    public async Task AnEnglishReaderGetsTheConflictInEnglishWithTheName()
    {
        var first = await HtmlClient.LoggedInAsync(app, Coordinator);
        var second = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var id = await NewPersonAsync(first, "Engelse Emma");
        var url = $"/huiskamer/mensen/{id}/bewerken";
        await first.SubmitAsync(url, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = url }, formAction: "/taal");
        var firstForm = await first.GetPageAsync(url);
        var token = firstForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = firstForm.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await second.SubmitAsync(url, Form("Engelse Emma", "6822 AA", "1981"));

        var late = await first.PostRawAsync(url, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = version, ["Input.Name"] = "Engelse Emma",
        });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var alert = (await HtmlClient.ParseAsync(late)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Someone else has just changed the details of Engelse Emma.", alert);
        Assert.DoesNotContain("Iemand anders", alert);
        Assert.DoesNotContain("Controleer", alert);
    }

    [Fact]
    public async Task AnInvalidEditKeepsTheOldData()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var id = await NewPersonAsync(client, "Ongewijzigd Ottje");
        var response = await client.SubmitAsync($"/huiskamer/mensen/{id}/bewerken", Form("Ongewijzigd Ottje", "99999"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("6822 AA", (await app.InDbAsync("huiskamer", db => db.People.SingleAsync(p => p.Id == id))).Postcode);
    }

    [Fact]
    public async Task SomeoneElsesPersonIdAnswers404AndNothingChanges()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var theirs = await AnyPersonIdAsync(app, "jongeren-malburgen");
        var before = await app.InDbAsync("jongeren-malburgen", db => db.People.SingleAsync(p => p.Id == theirs));
        var own = await NewPersonAsync(client, "Token Bron");
        var page = await client.GetPageAsync($"/huiskamer/mensen/{own}/bewerken");
        var token = HtmlClient.TokenOf(page);

        var response = await client.PostRawAsync($"/huiskamer/mensen/{theirs}/bewerken", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Overgenomen",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await app.InDbAsync("jongeren-malburgen", db => db.People.SingleAsync(p => p.Id == theirs));
        Assert.Equal(before.Name, after.Name);
    }

    [Fact]
    public async Task AVolunteerCannotEdit()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var id = await AnyPersonIdAsync(app, "huiskamer");
        var response = await client.FollowAsync(await client.Http.GetAsync($"/huiskamer/mensen/{id}/bewerken"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var denied = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.Outcome == "denied" && a.UserName == Volunteer).ToListAsync());
        Assert.Contains(denied, a => a.EntityId == $"/huiskamer/mensen/{id}/bewerken" && a.Action == "view");
        var page = await client.GetPageAsync("/huiskamer/mensen");
        Assert.Null(page.QuerySelector("a[href$='/bewerken']"));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Features.People;

/// <summary>A person is registered in three places — the register, a newcomer at the door of a session, a resident
/// on an outreach round — with one duplicate rule: the same name (case, accents, spaces ignored), birth year and
/// postcode, archived or not. Each place refuses a likely duplicate until the user confirms it is someone else.</summary>
public sealed class PersonRegistrationTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private enum Place { Register, Door, Outreach }

    private static readonly Place[] Places = [Place.Register, Place.Door, Place.Outreach];

    /// <summary>Registers <paramref name="name"/> (no birth year, no postcode: outreach asks only for a name) at
    /// <paramref name="place"/>, with consent where that place asks for it.</summary>
    private async Task<HttpResponseMessage> RegisterAsync(HtmlClient client, Place place, string name, bool someoneElse)
    {
        switch (place)
        {
            case Place.Register:
            {
                var form = Form(name);
                if (someoneElse)
                {
                    form["Confirmed"] = "true";
                }
                return await client.SubmitAsync("/huiskamer/mensen/nieuw", form);
            }
            case Place.Door:
            {
                var session = await app.NewSessionAsync("huiskamer");
                var form = new Dictionary<string, string> { ["NewPerson.Name"] = name, ["NewPerson.Consent"] = "true" };
                if (someoneElse)
                {
                    form["NewPerson.SomeoneElse"] = "true";
                }
                return await client.SubmitAsync($"/huiskamer/sessies/{session}", form, "handler=NewPerson");
            }
            default:
            {
                var round = await RoundAsync(client);
                var form = new Dictionary<string, string>
                {
                    ["Address"] = "Bakenbergseweg 3", ["On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Outcome"] = "ShortTalk",
                    ["PersonName"] = name, ["PersonConsent"] = "true",
                };
                if (someoneElse)
                {
                    form["PersonSomeoneElse"] = "true";
                }
                return await client.SubmitAsync($"/huiskamer/outreach/{round}", form, "handler=Visit");
            }
        }
    }

    private async Task<Guid> RoundAsync(HtmlClient client)
    {
        var response = await client.SubmitAsync("/huiskamer/outreach", new Dictionary<string, string>
        {
            ["Name"] = $"Ronde {Guid.NewGuid():N}"[..20], ["Kind"] = "DoorToDoor", ["Street"] = "Bakenbergseweg", ["FromNumber"] = "1",
            ["ToNumber"] = "80", ["StartsOn"] = DateTime.Today.AddDays(-7).ToString("yyyy-MM-dd"),
        }, "handler=Campaign");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private Task<int> CountAsync(string searchName) =>
        app.InDbAsync("huiskamer", db => db.People.CountAsync(p => p.SearchName == searchName));

    private static async Task<string> PageTextAsync(HttpResponseMessage response) => (await HtmlClient.ParseAsync(response)).Body!.TextContent;

    [Fact]
    public async Task TheSameNameBirthYearAndPostcodeIsADuplicateInAllThreePlacesUntilTheUserSaysItIsSomeoneElse()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Zélfde Zus"))).StatusCode);

        foreach (var place in Places)
        {
            // Case, accents and double spaces do not make someone else.
            var refused = await RegisterAsync(client, place, "zelfde  zus", someoneElse: false);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{place}: {refused.StatusCode}");
            Assert.Contains("al in het register", await PageTextAsync(refused));
            Assert.Equal(1, await CountAsync("zelfde zus"));
        }
        var expected = 1;
        foreach (var place in Places)
        {
            var confirmed = await RegisterAsync(client, place, "zelfde  zus", someoneElse: true);
            Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"{place}: {confirmed.StatusCode}");
            Assert.Equal(++expected, await CountAsync("zelfde zus"));
        }
    }

    [Fact]
    public async Task AnArchivedPersonStillCountsAndADifferentBirthYearDoesNot()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Archief Anton"))).StatusCode);
        var id = Assert.Single(await FindAsync(app, "Archief Anton")).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/huiskamer/mensen/{id}/archiveren", new Dictionary<string, string>())).StatusCode);

        foreach (var place in Places)
        {
            var refused = await RegisterAsync(client, place, "Archief Anton", someoneElse: false);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{place}: {refused.StatusCode}");
        }
        Assert.Equal(1, await CountAsync("archief anton"));

        // The register asks for a birth year: with another one it is not the same person.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Archief Anton", birthYear: "1950"))).StatusCode);
        Assert.Equal(2, await CountAsync("archief anton"));
    }

    [Fact]
    public async Task TheRegisterListsTheLikelyDuplicateAndTheDoorAndOutreachOfferSomeoneElse()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        await client.SubmitAsync("/huiskamer/mensen/nieuw", Form("Lijst Lotte"));

        var register = await HtmlClient.ParseAsync(await RegisterAsync(client, Place.Register, "Lijst Lotte", false));
        Assert.Contains("Lijst Lotte", register.QuerySelector("#dubbel")!.TextContent);
        Assert.NotNull(register.QuerySelector("input[name=Confirmed]"));
        var door = await HtmlClient.ParseAsync(await RegisterAsync(client, Place.Door, "Lijst Lotte", false));
        Assert.Contains("Lijst Lotte staat al in het register", door.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(door.QuerySelector("input[name='NewPerson.SomeoneElse']"));
        var outreach = await HtmlClient.ParseAsync(await RegisterAsync(client, Place.Outreach, "Lijst Lotte", false));
        Assert.Contains("Lijst Lotte staat al in het register", outreach.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(outreach.QuerySelector("input[name=PersonSomeoneElse]"));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Infrastructure.Localization;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Input a form never sends but an attacker or a broken client can: dates far out, a switch under the wrong name,
/// names made of invisible or direction-override characters (issue 15, "bad input"). Refused with a Dutch message,
/// nothing saved, never a 500.</summary>
public sealed class BadInputTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string Today => TimeProvider.System.AmsterdamToday().ToString("yyyy-MM-dd");

    private async Task<Dictionary<string, string>> ActivityAsync(string name, string firstDate, string? lastDate = null)
    {
        var location = await app.InDbAsync("huiskamer", db => db.Locations.OrderBy(l => l.Name).Select(l => l.Id).FirstAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.LocationId"] = location.ToString(), ["Input.Recurrence"] = "Weekly", ["Input.Day"] = "Tuesday",
            ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00", ["Input.FirstDate"] = firstDate, ["Input.IsPublic"] = "true",
        };
        if (lastDate is not null)
        {
            form["Input.LastDate"] = lastDate;
        }
        return form;
    }

    [Theory]
    [InlineData("9999-12-31", null)]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-02")]
    public async Task AnActivityWithADateCenturiesAwayIsRefusedNotACrash(string first, string? last)
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var name = "Ver Weg " + Guid.NewGuid().ToString("N")[..6];

        var response = await client.SubmitAsync("/huiskamer/activiteiten/nieuw", await ActivityAsync(name, first, last));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("een datum in tussen 1-1-1900 en 31-12-2199", await ErrorsAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.Activities.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task RoomAvailabilityFromTheYear9999IsRefusedNotACrash()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await client.FollowAsync(await client.Http.GetAsync("/huiskamer/ruimtes/beschikbaar?van=9999-12-31&tot=9999-12-31"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Contains("1-1-1900", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheTimeBankSwitchIsNotTurnedOffByAFieldUnderAnotherName()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        const string bank = "/huiskamer/tijdbank";
        Assert.True(await app.InDbAsync("huiskamer", db => db.TimeCreditSettings.Select(s => s.Enabled).SingleAsync()));

        var misnamed = await PostAsync(coordinator, bank, "Settings", new() { ["Enabled"] = "NotAnEnum", ["Bank.MinBalance"] = "-10", ["Bank.MaxBalance"] = "40" });
        var unreadable = await PostAsync(coordinator, bank, "Settings", new() { ["Bank.Enabled"] = "NotAnEnum", ["Bank.MinBalance"] = "-10", ["Bank.MaxBalance"] = "40" });

        Assert.Equal(HttpStatusCode.BadRequest, misnamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("ontbreekt", await ErrorsAsync(misnamed));
        Assert.Contains("NotAnEnum", await ErrorsAsync(unreadable));
        Assert.True(await app.InDbAsync("huiskamer", db => db.TimeCreditSettings.Select(s => s.Enabled).SingleAsync()));
        var form = (await coordinator.GetPageAsync(bank)).QuerySelector("form[action*=Settings]")!;
        Assert.Equal(["true", "false"], form.QuerySelectorAll("input[name='Bank.Enabled']").Select(i => i.GetAttribute("value")));
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u2060\uFEFF \u3164")]
    [InlineData("\u202E\u202C")]
    public async Task ANameOfOnlyInvisibleCharactersIsRefused(string name)
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var before = await app.InDbAsync("huiskamer", db => db.Activities.CountAsync());

        var response = await client.SubmitAsync("/huiskamer/activiteiten/nieuw", await ActivityAsync(name, Today));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vul een naam in.", await ErrorsAsync(response));
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task DirectionOverridesAreStrippedFromANameAndTheRestIsKept()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var tag = Guid.NewGuid().ToString("N")[..6];

        var response = await client.SubmitAsync("/huiskamer/activiteiten/nieuw", await ActivityAsync($"Koffie\u202E{tag}\u202C ochtend", Today));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.InDbAsync("huiskamer", db => db.Activities.AnyAsync(a => a.Name == $"Koffie{tag} ochtend")));
    }

    [Fact]
    public async Task APasswordIsKeptAsTypedEvenWithDirectionCharacters()
    {
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        const string odd = "Zomer\u202Ezon-2026-lang";

        var changed = await client.SubmitAsync("/account/wachtwoord", new Dictionary<string, string> { ["Current"] = WijkbasisFactory.Password, ["Password"] = odd });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        async Task<HttpStatusCode> LoginAsync(string password) => (await HtmlClient.For(app).SubmitAsync("/account/inloggen",
            new Dictionary<string, string> { ["Input.Email"] = OtherCoordinator, ["Input.Password"] = password })).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await LoginAsync("Zomerzon-2026-lang"));
        Assert.Equal(HttpStatusCode.Redirect, await LoginAsync(odd));
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a\u202Eb\u2066c\u2069", "abc")]
    [InlineData(" \u200B\t", "")]
    [InlineData("Ren\u00E9e \U0001F469\u200D\U0001F467", "Ren\u00E9e \U0001F469\u200D\U0001F467")]
    public void TextLosesOverridesAndInvisibleOnlyTextBecomesEmpty(string text, string expected) =>
        Assert.Equal(expected, TextRules.Clean(text));
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>Helpers for the buddy-programme tests: the demo's people, and an intake → offer → case path.</summary>
public static class ProgrammeApp
{

    /// <summary>A current resident of the demo enterprise, the <paramref name="skip"/>-th by name from the end of the
    /// alphabet (a resident may have several intakes over the years).</summary>
    public static Task<Guid> FreshPersonAsync(WijkbasisFactory app, int skip = 0) => app.AsCaseworkAsync(async db =>
    {
        var people = db.People.Where(p => p.ArchivedAt == null);
        return await people.OrderByDescending(p => p.Name).ThenBy(p => p.Id).Skip(skip % await people.CountAsync()).Select(p => p.Id).FirstAsync();
    });

    public static Dictionary<string, string> IntakeForm(string? zrmFinances = null, string needTags = "administratie", bool safety = false) => new()
    {
        ["Input.HeldOn"] = DateTime.Today.ToString("yyyy-MM-dd"),
        ["Input.Want"] = "Weer overzicht in de post",
        ["Input.Can"] = "Goed koken",
        ["Input.Need"] = "Iemand die meekijkt",
        ["Input.Goals"] = "Post op orde\nToeslag aangevraagd",
        ["Input.NeedTags"] = needTags,
        ["Input.Zrm[Finances]"] = zrmFinances ?? "",
        ["Input.SafetyConcern"] = safety ? "true" : "false",
        ["Input.Consent"] = "true",
    };

    /// <summary>Posts an intake as the wijkverbinder; returns its id.</summary>
    public static async Task<Guid> IntakeAsync(HtmlClient wijkverbinder, Guid personId, Dictionary<string, string>? form = null)
    {
        var response = await wijkverbinder.SubmitAsync($"/huiskamer/intakes/nieuw?persoon={personId}", form ?? IntakeForm("3"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Task<HttpResponseMessage> PostOnAsync(HtmlClient client, string page, string handler, Dictionary<string, string> values) =>
        client.SubmitAsync(page, values, $"handler={handler}");

    /// <summary>A new resident with only a participation consent: no legal basis for the buddy programme yet.</summary>
    public static Task<Guid> NewPersonAsync(WijkbasisFactory app, string name = "Nieuwe Bewoner") => app.AsCaseworkAsync(async db =>
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var person = new Wijkbasis.Features.People.Person { Name = name, SearchName = name.ToLowerInvariant(), CreatedAt = now, UpdatedAt = now };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    public static Task<Guid> BuddyIdAsync(WijkbasisFactory app, string email) =>
        app.AsCaseworkAsync(db => db.Buddies.Where(b => db.Users.Any(u => u.Id == b.UserId && u.Email == email)).Select(b => b.Id).SingleAsync());

    /// <summary>Intake (light), decision, offer to <paramref name="buddyEmail"/>, and the buddy's accept: the new case's id.</summary>
    public static async Task<Guid> CaseAsync(WijkbasisFactory app, string buddyEmail = Bert, int skip = 0)
    {
        var wijkverbinder = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var intake = await IntakeAsync(wijkverbinder, await FreshPersonAsync(app, skip));
        var page = $"/huiskamer/intakes/{intake}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnAsync(wijkverbinder, page, "Decide", new() { ["Weight"] = "Light" })).StatusCode);
        var buddyId = await BuddyIdAsync(app, buddyEmail);
        await RoomForAsync(app, buddyId);
        var offered = await wijkverbinder.Http.PostAsync($"{page}?handler=Offer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["BuddyId"] = buddyId.ToString(), ["Reason"] = "test",
            ["__RequestVerificationToken"] = await TokenAsync(wijkverbinder, page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var buddy = await HtmlClient.LoggedInAsync(app, buddyEmail);
        var offerId = await app.AsCaseworkAsync(db => db.BuddyOffers.Where(o => o.IntakeId == intake).Select(o => o.Id).SingleAsync());
        var accepted = await buddy.Http.PostAsync("/huiskamer/mijn-bewoners?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["OfferId"] = offerId.ToString(), ["__RequestVerificationToken"] = await TokenAsync(buddy, "/huiskamer/mijn-bewoners"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/huiskamer/casussen/", accepted.Headers.Location!.OriginalString);
        return await app.AsCaseworkAsync(db => db.Cases.Where(c => c.IntakeId == intake).Select(c => c.Id).SingleAsync());
    }

    /// <summary>The tests give one buddy many residents: make room, so the demo's load does not decide the outcome.</summary>
    public static Task RoomForAsync(WijkbasisFactory app, Guid buddyId) => app.AsCaseworkAsync(async db =>
    {
        var buddy = await db.Buddies.SingleAsync(b => b.Id == buddyId);
        buddy.MaxResidents = 50;
        return await db.SaveChangesAsync();
    });

    /// <summary>Sets a mandate, so what the demo already spent this month does not decide the outcome.</summary>
    public static Task SetMandateAsync(WijkbasisFactory app, string email, long perSpend, long perMonth) => app.AsCaseworkAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var mandate = await db.Mandates.SingleAsync(m => m.UserId == userId);
        (mandate.PerSpendCents, mandate.PerMonthCents) = (perSpend, perMonth);
        return await db.SaveChangesAsync();
    });

    public static Task<Case> CaseRowAsync(WijkbasisFactory app, Guid id) => app.AsCaseworkAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<Intake> IntakeRowAsync(WijkbasisFactory app, Guid id) => app.AsCaseworkAsync(db => db.Intakes.AsNoTracking().SingleAsync(i => i.Id == id));
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.Volunteers.VolunteersApp;

namespace Wijkbasis.Tests.Features.Volunteers;

/// <summary>Shifts are sessions: signing up in a role, withdrawing, and the refusals (twice, cancelled, over, no VOG).</summary>
public sealed class ShiftTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Shifts = "/huiskamer/diensten";

    private Task<int> SignupsAsync(Guid sessionId, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.ShiftSignups.CountAsync(s => s.SessionId == sessionId));

    [Fact]
    public async Task AVolunteerSignsUpForAComingSessionInARoleSeesItListedAndWithdrawsBeforeItStarts()
    {
        var session = await app.NewSessionAsync(startedAgo: TimeSpan.FromDays(-2), name: "Dienst Soep");
        var role = await app.NewRoleAsync("Soepkok");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await PostAsync(volunteer, Shifts, "SignUp", new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var me = await app.DemoVolunteerAsync();
        var signup = await app.InDbAsync("huiskamer", db => db.ShiftSignups.SingleAsync(s => s.SessionId == session));
        Assert.Equal((me.Id, role), (signup.VolunteerId, signup.RoleId));
        var page = await volunteer.GetPageAsync(Shifts);
        var card = page.QuerySelector($"[data-session='{session}']")!;
        Assert.Contains("Soepkok", card.TextContent);
        Assert.Contains(Wijkbasis.Features.Demo.DemoVolunteers.DemoVolunteerName, card.TextContent);

        response = await PostAsync(volunteer, Shifts, "Withdraw", new() { ["SignupId"] = signup.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await SignupsAsync(session));
    }

    [Fact]
    public async Task ACoordinatorSignsSomeoneElseUpButAVolunteerCannotSignUpOrWithdrawAnother()
    {
        var session = await app.NewSessionAsync(startedAgo: TimeSpan.FromDays(-3));
        var role = await app.NewRoleAsync("Gastvrouw");
        var (other, _) = await app.NewVolunteerAsync("Anna Anders");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var refused = await PostAsync(volunteer, Shifts, "SignUp", new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString(), ["VolunteerId"] = other.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(refused)).StatusCode);
        Assert.Equal(0, await SignupsAsync(session));

        var done = await PostAsync(coordinator, Shifts, "SignUp", new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString(), ["VolunteerId"] = other.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var signup = await app.InDbAsync("huiskamer", db => db.ShiftSignups.SingleAsync(s => s.SessionId == session));
        Assert.Equal(other, signup.VolunteerId);

        var withdraw = await PostAsync(volunteer, Shifts, "Withdraw", new() { ["SignupId"] = signup.Id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(withdraw)).StatusCode);
        Assert.Equal(1, await SignupsAsync(session));
    }

    [Fact]
    public async Task SigningUpTwiceForTheSameSessionAndRoleIsRefusedAlsoWhenTwoRequestsRace()
    {
        var session = await app.NewSessionAsync(startedAgo: TimeSpan.FromDays(-4));
        var role = await app.NewRoleAsync("Kok");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Dictionary<string, string> Form() => new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(volunteer, Shifts, "SignUp", Form())));

        Assert.Equal(1, await SignupsAsync(session));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var again = await PostAsync(volunteer, Shifts, "SignUp", Form());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al aangemeld voor deze sessie", await ErrorsAsync(again));
        Assert.Equal(1, await SignupsAsync(session));
    }

    [Fact]
    public async Task ACancelledOrFinishedSessionIsRefusedInDutchAndNothingIsSaved()
    {
        var cancelled = await app.NewSessionAsync(startedAgo: TimeSpan.FromDays(-1), cancelled: true);
        var over = await app.NewSessionAsync(startedAgo: TimeSpan.FromHours(5));
        var role = await app.NewRoleAsync("Gastheer");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var (volunteer, _) = await app.NewVolunteerAsync("Bram Bezig");

        foreach (var (session, message) in new[] { (cancelled, "gaat niet door"), (over, "al voorbij") })
        {
            var response = await PostAsync(coordinator, Shifts, "SignUp", new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString(), ["VolunteerId"] = volunteer.ToString() });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await ErrorsAsync(response));
            Assert.Equal(0, await SignupsAsync(session));
        }
    }

    [Fact]
    public async Task ARoleThatNeedsAVogRefusesAVolunteerWhoseVogIsMissingOrExpiredOnTheSessionDate()
    {
        var session = await app.NewSessionAsync(startedAgo: TimeSpan.FromDays(-10));
        var role = await app.NewRoleAsync("Chauffeur", requiresVog: true);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var (none, _) = await app.NewVolunteerAsync("Zonder Vog");
        var (lapses, _) = await app.NewVolunteerAsync("Bijna Verlopen", vogExpires: Today.AddDays(5));
        var (valid, _) = await app.NewVolunteerAsync("Wel Geldig", vogExpires: Today.AddYears(1));

        foreach (var (who, message) in new[] { (none, "nog geen VOG"), (lapses, "niet meer geldig") })
        {
            var response = await PostAsync(coordinator, Shifts, "SignUp", new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString(), ["VolunteerId"] = who.ToString() });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await ErrorsAsync(response));
        }
        Assert.Equal(0, await SignupsAsync(session));
        var ok = await PostAsync(coordinator, Shifts, "SignUp", new() { ["SessionId"] = session.ToString(), ["RoleId"] = role.ToString(), ["VolunteerId"] = valid.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1, await SignupsAsync(session));
    }

    [Fact]
    public async Task AnotherEnterprisesSessionCannotBeSignedUpFor()
    {
        var theirs = await app.NewSessionAsync("groene-spijker", startedAgo: TimeSpan.FromDays(-2));
        var role = await app.NewRoleAsync("Gastvrouw");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await PostAsync(volunteer, Shifts, "SignUp", new() { ["SessionId"] = theirs.ToString(), ["RoleId"] = role.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await SignupsAsync(theirs, "groene-spijker"));
    }
}

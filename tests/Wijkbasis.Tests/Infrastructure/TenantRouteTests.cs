using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Wijkbasis.Tests.Features.People.PeopleApp;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Every page under /{enterprise}/ is listed here with who may use it; a page added without
/// an entry fails the first test, so its tenant and role rules get tested too.</summary>
public sealed class TenantRouteTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    /// <summary>Route, and whether a Volunteer may open it (GET). POSTs are for editors only.</summary>
    private static readonly (string Pattern, bool VolunteerMayView)[] Routes =
    [
        ("{enterprise}/mensen", true),
        ("{enterprise}/mensen/nieuw", false),
        ("{enterprise}/mensen/{id:guid}", false),
        ("{enterprise}/mensen/{id:guid}/bewerken", false),
        ("{enterprise}/mensen/{id:guid}/archiveren", false),
        ("{enterprise}/mensen/{id:guid}/toestemming", false),
        ("{enterprise}/gebruikers", false),
        ("{enterprise}/vandaag", true),
        ("{enterprise}/sessies/{id:guid}", true),
        ("{enterprise}/sessies/{id:guid}/wijzigen", false),
        ("{enterprise}/activiteiten", false),
        ("{enterprise}/activiteiten/nieuw", false),
        ("{enterprise}/activiteiten/{id:guid}", false),
        ("{enterprise}/activiteiten/{id:guid}/bewerken", false),
        ("{enterprise}/locaties", false),
        ("{enterprise}/buddies", false),
        ("{enterprise}/buddies/nieuw", false),
        ("{enterprise}/buddies/{id:guid}/bewerken", false),
        ("{enterprise}/intakes", false),
        ("{enterprise}/intakes/nieuw", false),
        ("{enterprise}/intakes/{id:guid}", false),
        ("{enterprise}/mijn-bewoners", false),
        ("{enterprise}/casussen", false),
        ("{enterprise}/casussen/{id:guid}", false),
        ("{enterprise}/budget", false),
        ("{enterprise}/outreach", false),
        ("{enterprise}/outreach/{id:guid}", false),
        ("{enterprise}/instellingen/buddyprogramma", false),
        ("{enterprise}/instellingen/zrm", false),
        ("{enterprise}/talenten", true),
        ("{enterprise}/talenten/labels", false),
        ("{enterprise}/talenten/kaart/{id:guid}", false),
        ("{enterprise}/koppelingen", false),
        ("{enterprise}/koppelingen/{id:guid}", false),
        ("{enterprise}/geldstromen", false),
        ("{enterprise}/geldstromen/regels", false),
        ("{enterprise}/geldstromen/nieuw", false),
        ("{enterprise}/tijdbank", false),
        ("{enterprise}/tijdbank/{id:guid}", false),
        ("{enterprise}/ruimtes", true),
        ("{enterprise}/ruimtes/nieuw", false),
        ("{enterprise}/ruimtes/beschikbaar", true),
        ("{enterprise}/ruimtes/bezetting", false),
        ("{enterprise}/ruimtes/{id:guid}", true),
        ("{enterprise}/ruimtes/{id:guid}/kalender.ics", true),
        ("{enterprise}/ruimtes/{id:guid}/bewerken", false),
        ("{enterprise}/ruimtes/{id:guid}/boeken", false),
        ("{enterprise}/ruimtes/{id:guid}/sluiten", false),
        ("{enterprise}/boekingen/{id:guid}", false),
        ("{enterprise}/ruimteaanvragen", false),
        ("{enterprise}/ruimteaanvragen/{id:guid}", false),
        ("{enterprise}/vrijwilligers", false),
        ("{enterprise}/vrijwilligers/rollen", false),
        ("{enterprise}/vrijwilligers/vog", false),
        ("{enterprise}/vrijwilligers/{id:guid}", false),
        ("{enterprise}/diensten", true),
        ("{enterprise}/uren", true),
        ("{enterprise}/uren/overzicht", false),
        ("{enterprise}/uren/{id:guid}", true),
        ("{enterprise}/bijdragen", false),
        ("{enterprise}/vrager-drager", false),
    ];

    public static TheoryData<string> Patterns() => new(Routes.Select(r => r.Pattern));

    /// <summary>A real record of the kind the route is about. Sessions: one the demo volunteer hosts, so
    /// "may view" means the volunteer's own logbook.</summary>
    private async Task<string> UrlAsync(string pattern)
    {
        string[] casework = [Wijkbasis.Infrastructure.Auth.Roles.Caseworker];
        var id = pattern.Contains("/buddies/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.Buddies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync())
            : pattern.Contains("/intakes/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", casework, db => db.Intakes.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync())
            : pattern.Contains("/casussen/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", casework, db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync())
            : pattern.Contains("/tijdbank/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.TimeCreditAccounts.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync())
            : pattern.Contains("/outreach/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync())
            : pattern.Contains("/koppelingen/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.Matches.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync())
            : pattern.Contains("/ruimtes/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync())
            : pattern.Contains("/boekingen/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.RoomBookings.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync())
            : pattern.Contains("/ruimteaanvragen/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.BookingRequests.Where(r => r.Status == Wijkbasis.Features.Rooms.RequestStatus.Pending).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync())
            : pattern.Contains("/vrijwilligers/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.Volunteers.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync())
            // The demo volunteer's own hours, so "may view" means their own.
            : pattern.Contains("/uren/{id", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.VolunteerHours.Where(h => db.Volunteers.Any(v => v.PersonId == h.PersonId
                    && db.Users.Any(u => u.Id == v.UserId && u.Email == Volunteer))).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync())
            : pattern.Contains("/sessies/", StringComparison.Ordinal)
            ? await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Activity!.HostUserId != null && db.Users.Any(u => u.Id == s.Activity.HostUserId && u.Email == Volunteer))
                .OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync())
            : pattern.Contains("/activiteiten/", StringComparison.Ordinal)
                ? await app.InDbAsync("huiskamer", db => db.Activities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync())
                : await AnyPersonIdAsync(app, "huiskamer");
        return "/" + pattern.Replace("{enterprise}", "huiskamer", StringComparison.Ordinal).Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEnterprisePageIsListedHere()
    {
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("{enterprise}", StringComparison.Ordinal))
            .Distinct().Order().ToList();
        Assert.Equal(Routes.Select(r => r.Pattern).Order(), patterns);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task AUserOfAnotherEnterpriseGets404ForGetAndPost(string pattern)
    {
        var url = await UrlAsync(pattern);
        var client = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostRawAsync(url, new Dictionary<string, string> { ["Input.Name"] = "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task AnAnonymousVisitorIsSentToLogin(string pattern)
    {
        var url = await UrlAsync(pattern);
        var response = await HtmlClient.For(app).Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/inloggen", response.Headers.Location!.ToString());
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task AVolunteerMayOnlyLookNeverChange(string pattern)
    {
        var url = await UrlAsync(pattern);
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var get = await client.FollowAsync(await client.Http.GetAsync(url));
        var mayView = Routes.Single(r => r.Pattern == pattern).VolunteerMayView;
        Assert.Equal(mayView ? HttpStatusCode.OK : HttpStatusCode.Forbidden, get.StatusCode);

        // Even with a valid antiforgery token from a page they may see, a POST is refused.
        var page = await client.GetPageAsync("/huiskamer/mensen");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.FollowAsync(await client.PostRawAsync(url, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "Vrijwilliger Wijzigt",
        }));
        // Pages a volunteer may view have no POST handler at all (Razor Pages answers 4xx);
        // editing pages refuse the role itself.
        if (mayView)
        {
            Assert.InRange((int)post.StatusCode, 400, 499);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        Assert.Empty(await FindAsync(app, "Vrijwilliger Wijzigt"));
    }
}

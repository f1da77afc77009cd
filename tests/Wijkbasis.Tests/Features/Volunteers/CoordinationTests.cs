using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using VolunteerHours = Wijkbasis.Features.Volunteers.VolunteerHours;
using static Wijkbasis.Tests.Features.Volunteers.VolunteersApp;

namespace Wijkbasis.Tests.Features.Volunteers;

/// <summary>The coordinator's side: roles, volunteers and their VOG, the VOG list, contributions with time credits and
/// the vrager → drager register.</summary>
public sealed class CoordinationTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Roles = "/huiskamer/vrijwilligers/rollen";

    private Task<VolunteerRole?> RoleAsync(string key) => app.InDbAsync("huiskamer", db => db.VolunteerRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key));

    [Fact]
    public async Task ACoordinatorAddsRenamesRequiresAVogForAndArchivesARole()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Roles, "Add", new() { ["Name"] = "Fietsenmaker", ["RequiresVog"] = "false" })).StatusCode);
        var role = (await RoleAsync("fietsenmaker"))!;
        Assert.False(role.RequiresVog);

        var twice = await PostAsync(coordinator, Roles, "Add", new() { ["Name"] = " fietsenMAKER " });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("staat al op de lijst", await ErrorsAsync(twice));

        await PostAsync(coordinator, Roles, "Rename", new() { ["RoleId"] = role.Id.ToString(), ["Name"] = "Fietsmaker" });
        await PostAsync(coordinator, Roles, "Vog", new() { ["RoleId"] = role.Id.ToString(), ["RequiresVog"] = "true" });
        await PostAsync(coordinator, Roles, "Archive", new() { ["RoleId"] = role.Id.ToString(), ["restore"] = "false" });
        var changed = (await RoleAsync("fietsmaker"))!;
        Assert.Equal((role.Id, "Fietsmaker", true, true), (changed.Id, changed.Name, changed.RequiresVog, changed.IsArchived));
        Assert.Null(await RoleAsync("fietsenmaker"));
    }

    [Fact]
    public async Task AVolunteerCannotEditRolesNorOpenTheCoordinatorsPages()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, DemoUsers.Volunteer);
        foreach (var url in new[] { Roles, "/huiskamer/vrijwilligers", "/huiskamer/vrijwilligers/vog", "/huiskamer/bijdragen", "/huiskamer/vrager-drager" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(url))).StatusCode);
        }
        var token = await TokenAsync(volunteer, "/huiskamer/uren");
        var post = await volunteer.PostRawAsync($"{Roles}?handler=Add", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "Stiekeme rol" });
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(post)).StatusCode);
        Assert.Null(await RoleAsync("stiekeme rol"));
    }

    [Fact]
    public async Task ACoordinatorMakesSomeoneAVolunteerAndFillsInTheVogWithAThreeYearTermByDefault()
    {
        var personId = await app.InDbAsync("huiskamer", async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var p = new Wijkbasis.Features.People.Person { Name = "Nieuwe Helper", SearchName = "nieuwe helper", CreatedAt = now, UpdatedAt = now };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var added = await PostAsync(coordinator, "/huiskamer/vrijwilligers?q=nieuwe helper", "Add", new() { ["PersonId"] = personId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var url = added.Headers.Location!.OriginalString;

        var issued = Today.AddMonths(-2);
        var saved = await PostAsync(coordinator, url, "Save", new() { ["Input.VogIssuedOn"] = Iso(issued), ["Input.VogExpiresOn"] = "", ["Input.UserId"] = "", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var volunteer = await app.InDbAsync("huiskamer", db => db.Volunteers.AsNoTracking().SingleAsync(v => v.PersonId == personId));
        Assert.Equal((issued, issued.AddYears(3)), (volunteer.VogIssuedOn, volunteer.VogExpiresOn));

        var future = await PostAsync(coordinator, url, "Save", new() { ["Input.VogIssuedOn"] = Iso(Today.AddDays(3)), ["Input.Version"] = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("niet in de toekomst", await ErrorsAsync(future));
    }

    [Fact]
    public async Task TheVogListShowsExpiringSoonExpiredAndMissingForAVogRoleButNotMissingForOthers()
    {
        var vogRole = await app.NewRoleAsync("Taalmaatje", requiresVog: true);
        var (soon, _) = await app.NewVolunteerAsync("Vog Binnenkort", vogExpires: Today.AddDays(20));
        var (gone, _) = await app.NewVolunteerAsync("Vog Verlopen", vogExpires: Today.AddDays(-2));
        var (later, _) = await app.NewVolunteerAsync("Vog Later", vogExpires: Today.AddDays(200));
        var (missingWithVogHours, person) = await app.NewVolunteerAsync("Vog Ontbreekt");
        var (missingOk, _) = await app.NewVolunteerAsync("Vog Niet Nodig");
        await app.InDbAsync("huiskamer", async db =>
        {
            db.VolunteerHours.Add(new VolunteerHours { PersonId = person, RoleId = vogRole, WorkedOn = Today.AddMonths(-2), Minutes = 60, ByName = "test", At = TimeProvider.System.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var list = (await coordinator.GetPageAsync("/huiskamer/vrijwilligers/vog")).QuerySelector("#vog-lijst")!.TextContent;
        Assert.Contains("Vog Binnenkort", list);
        Assert.Contains("Vog Verlopen", list);
        Assert.Contains("Vog Ontbreekt", list);
        Assert.DoesNotContain("Vog Later", list);
        Assert.DoesNotContain("Vog Niet Nodig", list);
        Assert.Contains("Vog Later", (await coordinator.GetPageAsync("/huiskamer/vrijwilligers/vog?dagen=365")).QuerySelector("#vog-lijst")!.TextContent);
        _ = (soon, gone, later, missingWithVogHours, missingOk);
    }

    [Fact]
    public async Task AContributionWithPointsBooksALinkedTransferFromTheEnterpriseAndMakesTheGiverADrager()
    {
        var (_, person) = await app.NewVolunteerAsync("Koffie Brenger", isVrager: true, registered: TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-100));
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = $"/huiskamer/bijdragen?persoon={person}";
        Assert.NotNull((await coordinator.GetPageAsync(page)).QuerySelector("#Input_Points"));

        var response = await PostAsync(coordinator, page, "Add", new()
        {
            ["Input.PersonId"] = person.ToString(), ["Input.Kind"] = "Goods", ["Input.Description"] = "Brengt koffie mee", ["Input.GivenOn"] = Iso(Today), ["Input.Points"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (contribution, transfer, isDrager) = await app.InDbAsync("huiskamer", async db =>
        {
            var c = await db.Contributions.AsNoTracking().SingleAsync(x => x.PersonId == person);
            var t = await db.TimeCreditTransfers.AsNoTracking().SingleAsync(x => x.Id == c.TransferId);
            return (c, t, await db.People.Where(p => p.Id == person).Select(p => p.IsDrager).SingleAsync());
        });
        Assert.Equal((2L, Contribution.LinkKind, contribution.Id), (transfer.Points, transfer.LinkKind, transfer.LinkId));
        Assert.True(isDrager);
        var history = await coordinator.GetPageAsync($"/huiskamer/tijdbank/{transfer.ToAccountId}");
        Assert.NotNull(history.QuerySelector($"#geschiedenis a[href*='bijdrage={contribution.Id}']"));
        var log = await coordinator.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Brengt koffie mee", log.QuerySelector($"#b-{contribution.Id}")!.TextContent);

        var register = await coordinator.GetPageAsync("/huiskamer/vrager-drager");
        var row = register.QuerySelector($"[data-person='{person}']")!.TextContent;
        Assert.Contains(Today.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture), row);
    }

    [Fact]
    public async Task WhenTheTimeBankIsOffNothingAboutPointsIsShownAndPointsAreRefused()
    {
        var (_, person) = await app.NewVolunteerAsync("Zonder Punten", enterprise: "groene-spijker");
        var coordinator = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        var page = $"/groene-spijker/bijdragen?persoon={person}";
        Assert.Null((await coordinator.GetPageAsync(page)).QuerySelector("#Input_Points"));

        var response = await PostAsync(coordinator, page, "Add", new()
        {
            ["Input.PersonId"] = person.ToString(), ["Input.Kind"] = "Help", ["Input.Description"] = "Hielp bij de oogst", ["Input.GivenOn"] = Iso(Today), ["Input.Points"] = "1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(TimeCreditLedger.OffMessage, await ErrorsAsync(response));
        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.Contributions.CountAsync(c => c.PersonId == person)));
    }

    [Theory]
    [InlineData("", "Brengt koffie mee", 0, "Kies wat")]
    [InlineData("Help", "", 0, "Schrijf kort")]
    [InlineData("Help", "Soep gekookt", 2, "toekomst")]
    public async Task ABadContributionIsRefusedInDutchAndNothingIsSaved(string kind, string description, int daysAhead, string message)
    {
        var (_, person) = await app.NewVolunteerAsync("Foute Bijdrage " + Guid.NewGuid().ToString("N")[..4]);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await PostAsync(coordinator, $"/huiskamer/bijdragen?persoon={person}", "Add", new()
        {
            ["Input.PersonId"] = person.ToString(), ["Input.Kind"] = kind, ["Input.Description"] = description, ["Input.GivenOn"] = Iso(Today.AddDays(daysAhead)),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.Contributions.CountAsync(c => c.PersonId == person)));
    }

    [Fact]
    public async Task LoggedHoursCountAsContributionsWithoutBeingStoredTwice()
    {
        var role = await app.NewRoleAsync("Gastheer");
        var (_, person) = await app.NewVolunteerAsync("Uren Telt Mee");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var day = Today.AddDays(-1);
        await PostAsync(coordinator, "/huiskamer/uren", "Log", VolunteersApp.Hours(day, "2", role, personId: person));

        var log = await coordinator.GetPageAsync($"/huiskamer/bijdragen?maand={day:yyyy-MM}");
        Assert.Contains(log.QuerySelectorAll("#bijdragen li"), li => li.TextContent.Contains("Uren Telt Mee", StringComparison.Ordinal) && li.TextContent.Contains("2:00 uur", StringComparison.Ordinal));
        Assert.Equal(0, await app.InDbAsync("huiskamer", db => db.Contributions.CountAsync(c => c.PersonId == person)));
    }
}

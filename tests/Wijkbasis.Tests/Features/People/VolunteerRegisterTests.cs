using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using static Wijkbasis.Tests.Features.Logbook.LogbookApp;

namespace Wijkbasis.Tests.Features.People;

/// <summary>Data minimisation (issue 15): a volunteer sees the people of the activities they host and the people they
/// added, not the whole register (docs/decisions/0024).</summary>
public sealed class VolunteerRegisterTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private Task<Guid> PersonAsync(string name, int? birthYear = null, string? postcode = null, string? createdBy = null) =>
        app.InDbAsync("huiskamer", async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var by = createdBy is null ? (Guid?)null : await db.Users.Where(u => u.Email == createdBy).Select(u => u.Id).SingleAsync();
            var p = new Person
            {
                Name = name, SearchName = SearchText.Normalize(name), BirthYear = birthYear, Postcode = postcode,
                CreatedAt = now, UpdatedAt = now, CreatedByUserId = by,
            };
            db.People.Add(p);
            db.Consents.Add(new ConsentRecord
            {
                PersonId = p.Id, Purpose = ConsentPurpose.Participation, LegalBasis = LegalBasis.Consent, Given = true,
                RecordedAt = now, RecordedByUserId = Guid.Empty, RecordedByName = "test",
            });
            await db.SaveChangesAsync();
            return p.Id;
        });

    private Task<int> CheckInAsync(Guid session, Guid person) => app.InDbAsync("huiskamer", async db =>
    {
        db.CheckIns.Add(new CheckIn { SessionId = session, PersonId = person, At = TimeProvider.System.GetUtcNow().UtcDateTime, ByName = "test" });
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task AVolunteersRegisterShowsThePeopleOfTheirSessionsAndWhomTheyAddedOnly()
    {
        var hosted = await NewSessionAsync(app, hostEmail: Volunteer, name: "Mijn koffieochtend");
        var elsewhere = await NewSessionAsync(app, name: "Andermans ochtend");
        var mine = await PersonAsync("Henk Hiergeweest");
        await CheckInAsync(hosted, mine);
        var added = await PersonAsync("Anna Zelftoegevoegd", createdBy: Volunteer);
        var stranger = await PersonAsync("Vera Vreemdeling");
        await CheckInAsync(elsewhere, stranger);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        Assert.Equal(["Henk Hiergeweest"], Names(await volunteer.GetPageAsync("/huiskamer/mensen?q=hiergeweest")));
        Assert.Equal(["Anna Zelftoegevoegd"], Names(await volunteer.GetPageAsync("/huiskamer/mensen?q=zelftoegevoegd")));
        Assert.Null((await volunteer.GetPageAsync("/huiskamer/mensen?q=vreemdeling")).QuerySelector("tbody"));
        Assert.Contains("Vera Vreemdeling", (await coordinator.GetPageAsync("/huiskamer/mensen?q=vreemdeling")).QuerySelector("tbody")!.TextContent);
        var everyone = await app.InDbAsync("huiskamer", db => db.People.CountAsync());
        Assert.True(await VisibleToVolunteerAsync() < everyone);

        // The logbook's search at the door: the same people.
        var search = await volunteer.GetPageAsync($"/huiskamer/sessies/{hosted}?q=vreemdeling");
        Assert.DoesNotContain("Vera Vreemdeling", search.QuerySelector("main")!.TextContent);
        var found = await volunteer.GetPageAsync($"/huiskamer/sessies/{hosted}?q=zelftoegevoegd");
        Assert.Contains("Anna Zelftoegevoegd", found.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task APersonOutsideTheVolunteersSetIsNotFoundAndTheirOwnSessionsCheckInWorks()
    {
        var hosted = await NewSessionAsync(app, hostEmail: Volunteer, name: "Mijn inloop");
        var regular = await PersonAsync("Ria Regelmatig");
        await CheckInAsync(await NewSessionAsync(app, hostEmail: Volunteer, startedAgo: TimeSpan.FromDays(7), name: "Mijn inloop"), regular);
        var stranger = await PersonAsync("Otto Onbekend");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var refused = await PostAsync(volunteer, hosted, "CheckIn", new() { ["PersonId"] = stranger.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("staat niet in het register", await AlertTextAsync(refused));
        Assert.Equal(0, await CheckInsAsync(app, hosted));

        var checkedIn = await PostAsync(volunteer, hosted, "CheckIn", new() { ["PersonId"] = regular.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        Assert.Equal(1, await CheckInsAsync(app, hosted));
        // The person file stays closed to volunteers (policy), whoever it is.
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"/huiskamer/mensen/{regular}"))).StatusCode);
        // And another enterprise's coordinator finds neither.
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.FollowAsync(await other.Http.GetAsync($"/huiskamer/mensen/{regular}"))).StatusCode);
    }

    [Fact]
    public async Task SomeoneRegisteredElsewhereWhoGivesTheirDetailsAtTheDoorIsCheckedInNotRegisteredTwice()
    {
        var hosted = await NewSessionAsync(app, hostEmail: Volunteer, name: "Mijn middag");
        var known = await PersonAsync("Dirk Dubbel", 1961, "6822 AB");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await PostAsync(volunteer, hosted, "NewPerson", new()
        {
            ["NewPerson.Name"] = "Dirk Dubbel", ["NewPerson.BirthYear"] = "1961", ["NewPerson.Postcode"] = "6822ab", ["NewPerson.Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.People.CountAsync(p => p.SearchName == "dirk dubbel")));
        Assert.True(await app.InDbAsync("huiskamer", db => db.CheckIns.AnyAsync(c => c.SessionId == hosted && c.PersonId == known)));
        Assert.Equal(["Dirk Dubbel"], Names(await volunteer.GetPageAsync("/huiskamer/mensen?q=dubbel")));
    }

    [Fact]
    public async Task APersonAddedAtTheDoorRemembersWhoAddedThem()
    {
        var hosted = await NewSessionAsync(app, hostEmail: Volunteer, name: "Mijn avond");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        await PostAsync(volunteer, hosted, "NewPerson", new() { ["NewPerson.Name"] = "Nel Nieuwaangemeld", ["NewPerson.Consent"] = "true" });

        var by = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Name == "Nel Nieuwaangemeld").Select(p => p.CreatedByUserId).SingleAsync());
        var volunteerId = await app.InDbAsync("huiskamer", db => db.Users.Where(u => u.Email == Volunteer).Select(u => u.Id).SingleAsync());
        Assert.Equal(volunteerId, by);
    }

    /// <summary>How many people the volunteer's own database view holds (the filter in the model, not the page).</summary>
    private Task<int> VisibleToVolunteerAsync() => app.InScopeAsync<int>(null, async services =>
    {
        var db = services.GetRequiredService<Wijkbasis.Data.WijkbasisDb>();
        var e = await db.Enterprises.SingleAsync(x => x.Slug == "huiskamer");
        var user = await db.Users.Where(u => u.Email == Volunteer).Select(u => u.Id).SingleAsync();
        var tenant = services.GetRequiredService<Wijkbasis.Infrastructure.Tenancy.TenantContext>();
        tenant.Enter(e, [Wijkbasis.Infrastructure.Auth.Roles.Volunteer]);
        tenant.SetActor(user, Volunteer);
        return await db.People.CountAsync();
    });
}

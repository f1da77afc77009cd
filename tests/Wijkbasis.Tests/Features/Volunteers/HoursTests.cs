using System.Net;
using Microsoft.EntityFrameworkCore;
using static Wijkbasis.Tests.Features.Volunteers.VolunteersApp;

namespace Wijkbasis.Tests.Features.Volunteers;

/// <summary>Hours per person per role: a volunteer logs, corrects and removes their own only; a coordinator anyone's.</summary>
public sealed class HoursTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Hours = "/huiskamer/uren";

    private Task<List<Wijkbasis.Features.Volunteers.VolunteerHours>> HoursOfAsync(Guid personId, Guid roleId) =>
        app.InDbAsync("huiskamer", db => db.VolunteerHours.AsNoTracking().Where(h => h.PersonId == personId && h.RoleId == roleId).ToListAsync());

    [Fact]
    public async Task AVolunteerLogsOwnHoursAsTwoAndAHalfAndBecomesADrager()
    {
        var role = await app.NewRoleAsync("Tuinier");
        var me = await app.DemoVolunteerAsync();
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await PostAsync(volunteer, Hours, "Log", VolunteersApp.Hours(Today.AddDays(-1), "2,5", role, note: "Onkruid gewied"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var logged = Assert.Single(await HoursOfAsync(me.PersonId, role));
        Assert.Equal((150, Today.AddDays(-1), "Onkruid gewied"), (logged.Minutes, logged.WorkedOn, logged.Note));
        Assert.True(await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Id == me.PersonId).Select(p => p.IsDrager).SingleAsync()));
        var page = await volunteer.GetPageAsync($"{Hours}?maand={Today.AddDays(-1):yyyy-MM}");
        Assert.Contains("Onkruid gewied", page.QuerySelector("#uren")!.TextContent);
    }

    [Fact]
    public async Task AVolunteerCorrectsAndRemovesTheirOwnHours()
    {
        var role = await app.NewRoleAsync("Kok");
        var me = await app.DemoVolunteerAsync();
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        await PostAsync(volunteer, Hours, "Log", VolunteersApp.Hours(Today.AddDays(-2), "2:30", role));
        var id = Assert.Single(await HoursOfAsync(me.PersonId, role)).Id;

        var corrected = await PostAsync(volunteer, $"{Hours}/{id}", "Save", new()
        {
            ["Input.WorkedOn"] = Iso(Today.AddDays(-2)), ["Input.Duration"] = "3", ["Input.RoleId"] = role.ToString(), ["Input.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(180, Assert.Single(await HoursOfAsync(me.PersonId, role)).Minutes);

        var removed = await PostAsync(volunteer, $"{Hours}/{id}", "Remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await HoursOfAsync(me.PersonId, role));
    }

    [Fact]
    public async Task AVolunteerCannotSeeLogOrChangeSomeoneElsesHoursButACoordinatorCan()
    {
        var role = await app.NewRoleAsync("Chauffeur");
        var (_, other) = await app.NewVolunteerAsync("Ander Persoon");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var logged = await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(Today.AddDays(-3), "1:15", role, personId: other, note: "Rit naar de markt"));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var entry = Assert.Single(await HoursOfAsync(other, role));
        Assert.Equal(75, entry.Minutes);

        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.Http.GetAsync($"{Hours}/{entry.Id}")).StatusCode);
        var mine = await volunteer.GetPageAsync($"{Hours}?maand={Today.AddDays(-3):yyyy-MM}");
        Assert.DoesNotContain("Rit naar de markt", mine.Body!.TextContent);
        Assert.Contains("Rit naar de markt", (await coordinator.GetPageAsync($"{Hours}?maand={Today.AddDays(-3):yyyy-MM}")).Body!.TextContent);

        var forOther = await PostAsync(volunteer, Hours, "Log", VolunteersApp.Hours(Today.AddDays(-3), "1", role, personId: other));
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(forOther)).StatusCode);
        var token = await TokenAsync(volunteer, Hours);
        var change = await volunteer.PostRawAsync($"{Hours}/{entry.Id}?handler=Remove", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Single(await HoursOfAsync(other, role));
    }

    public static TheoryData<string, int, string> BadHours => new()
    {
        { "0", -4, "meer dan 0" },
        { "-2", -4, "meer dan 0" },
        { "25", -4, "Meer dan 24 uur" },
        { "veel", -4, "bijvoorbeeld 2,5" },
        { "2", 1, "toekomst" },
    };

    [Theory]
    [MemberData(nameof(BadHours))]
    public async Task BadHoursAreRefusedInDutchAndNothingIsSaved(string duration, int daysFromToday, string message)
    {
        var role = await app.NewRoleAsync("Gastvrouw");
        var me = await app.DemoVolunteerAsync();
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);

        var response = await PostAsync(volunteer, Hours, "Log", VolunteersApp.Hours(Today.AddDays(daysFromToday), duration, role));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Empty(await HoursOfAsync(me.PersonId, role));
    }

    [Fact]
    public async Task AnUnknownRoleOrAnotherEnterprisesSessionOrMoreThanADayInAllIsRefused()
    {
        var role = await app.NewRoleAsync("Kok");
        var theirRole = await app.NewRoleAsync("Tuinier", enterprise: "groene-spijker");
        var theirSession = await app.NewSessionAsync("groene-spijker", startedAgo: TimeSpan.FromDays(5));
        var (_, person) = await app.NewVolunteerAsync("Vol Dag");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var day = Today.AddDays(-5);

        var unknownRole = await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "2", theirRole, personId: person));
        Assert.Contains("Kies een rol uit de lijst", await ErrorsAsync(unknownRole));
        var foreignSession = await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "2", role, personId: person, sessionId: theirSession));
        Assert.Contains("Deze sessie bestaat niet", await ErrorsAsync(foreignSession));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "20", role, personId: person))).StatusCode);
        var tooMuch = await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "4:30", role, personId: person));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("niet meer dan 24 uur", await ErrorsAsync(tooMuch));
        Assert.Equal(1200, Assert.Single(await HoursOfAsync(person, role)).Minutes);
    }

    [Fact]
    public async Task TheOverviewTotalsHoursPerPersonAndRoleForAMonthAndExportsThemAsCsv()
    {
        var cook = await app.NewRoleAsync("Kok");
        var driver = await app.NewRoleAsync("Chauffeur");
        var (_, person) = await app.NewVolunteerAsync("Totaal Telling");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var day = Today.AddDays(-6);
        await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "2", cook, personId: person));
        await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "1,5", cook, personId: person));
        await PostAsync(coordinator, Hours, "Log", VolunteersApp.Hours(day, "0:45", driver, personId: person));

        var page = await coordinator.GetPageAsync($"{Hours}/overzicht?jaar={day.Year}&maand={day.Month}");
        var rows = page.QuerySelectorAll("#overzicht tr").Select(r => r.TextContent).Where(t => t.Contains("Totaal Telling", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, r => r.Contains("3:30", StringComparison.Ordinal) && r.Contains("Kok", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("0:45", StringComparison.Ordinal) && r.Contains("Chauffeur", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Samen", StringComparison.Ordinal) && r.Contains("4:15", StringComparison.Ordinal));

        var csv = await coordinator.Http.GetStringAsync($"{Hours}/overzicht?handler=Csv&jaar={day.Year}&maand={day.Month}&doel=verantwoording");
        Assert.Contains("Naam;Rol;Uren;Minuten;Keren", csv, StringComparison.Ordinal);
        Assert.Contains(csv.Split("\r\n"), l => l.StartsWith("Totaal Telling;Kok", StringComparison.Ordinal) && l.EndsWith(";3:30;210;2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVolunteerCannotOpenTheOverview()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"{Hours}/overzicht"))).StatusCode);
    }
}

using System.Net;
using static Wijkbasis.Tests.Features.Volunteers.VolunteersApp;

namespace Wijkbasis.Tests.Features.Volunteers;

/// <summary>A refusal with a value (a name, a date, a number of hours) reads in English with that value filled in, and
/// nothing of the Dutch sentence is left.</summary>
public sealed class VolunteersEnglishTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static async Task<HtmlClient> EnglishCoordinatorAsync(WijkbasisFactory app)
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync("/huiskamer/uren", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/huiskamer/uren" }, formAction: "/taal");
        return coordinator;
    }

    [Fact]
    public async Task MoreThanADayOfHoursIsRefusedInEnglishWithTheDateAndTheHoursAlreadyLogged()
    {
        var role = await app.NewRoleAsync("Kok");
        var (_, person) = await app.NewVolunteerAsync("Engelse Uren");
        var coordinator = await EnglishCoordinatorAsync(app);
        var day = Today.AddDays(-5);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, "/huiskamer/uren", "Log", VolunteersApp.Hours(day, "20", role, personId: person))).StatusCode);

        var tooMuch = await PostAsync(coordinator, "/huiskamer/uren", "Log", VolunteersApp.Hours(day, "4:30", role, personId: person));

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var errors = await ErrorsAsync(tooMuch);
        Assert.Contains($"20:00 hours are already logged on {day:d-M-yyyy}. Together it cannot be more than 24 hours.", errors);
        Assert.DoesNotContain("Samen kan het niet", errors);
        Assert.DoesNotContain("staat al", errors);
    }

    [Fact]
    public async Task AddingSomeoneWhoIsAlreadyAVolunteerIsRefusedInEnglishWithTheirName()
    {
        var (_, person) = await app.NewVolunteerAsync("Al Vrijwilliger");
        var coordinator = await EnglishCoordinatorAsync(app);

        var twice = await PostAsync(coordinator, "/huiskamer/vrijwilligers", "Add", new() { ["PersonId"] = person.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var errors = await ErrorsAsync(twice);
        Assert.Contains("Al Vrijwilliger is already a volunteer.", errors);
        Assert.DoesNotContain("is al vrijwilliger", errors);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Activities;

public sealed class ActivityTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string NewUrl = "/huiskamer/activiteiten/nieuw";

    private static DateOnly Today => TimeProvider.System.AmsterdamToday();

    private async Task<Dictionary<string, string>> FormAsync(string name, string recurrence = "Weekly", string day = "Tuesday",
        string start = "10:00", string end = "12:00", string enterprise = "huiskamer") => new()
    {
        ["Input.Name"] = name,
        ["Input.Description"] = "Koffie en een praatje",
        ["Input.LocationId"] = (await app.InDbAsync(enterprise, db => db.Locations.OrderBy(l => l.Name).Select(l => l.Id).FirstAsync())).ToString(),
        ["Input.Recurrence"] = recurrence,
        ["Input.Day"] = day,
        ["Input.StartTime"] = start,
        ["Input.EndTime"] = end,
        ["Input.FirstDate"] = Today.ToString("yyyy-MM-dd"),
        ["Input.IsPublic"] = "true",
    };

    private Task<List<Session>> SessionsOfAsync(string name) =>
        app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.Activity!.Name == name).OrderBy(s => s.OccurrenceDate).ToListAsync());

    [Fact]
    public async Task AWeeklyActivityPlansItsSessionsAheadOnTheRightDayAndLocalTime()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await client.SubmitAsync(NewUrl, await FormAsync("KoffieKaffee Test"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sessions = await SessionsOfAsync("KoffieKaffee Test");
        Assert.InRange(sessions.Count, SessionPlanner.WeeksAhead, SessionPlanner.WeeksAhead + 1);
        Assert.All(sessions, s =>
        {
            Assert.Equal(DayOfWeek.Tuesday, s.OccurrenceDate.DayOfWeek);
            Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(s.StartsAt.ToAmsterdam()));
            Assert.Equal(new TimeOnly(12, 0), TimeOnly.FromDateTime(s.EndsAt.ToAmsterdam()));
        });
        Assert.Contains("KoffieKaffee Test is toegevoegd", (await client.GetPageAsync(response.Headers.Location!.OriginalString)).Body!.TextContent);
    }

    [Theory]
    [InlineData("Weekly", "Tuesday", "12:00", "10:00", "De eindtijd moet na de begintijd liggen.")]
    [InlineData("Weekly", "", "10:00", "12:00", "Kies bij een activiteit die terugkomt op welke dag.")]
    [InlineData("EveryOtherWeek", "", "10:00", "12:00", "Kies bij een activiteit die terugkomt op welke dag.")]
    [InlineData("Weekly", "Tuesday", "", "12:00", "Vul de begintijd in.")]
    [InlineData("Weekly", "Someday", "10:00", "12:00", "geldige waarde")]
    public async Task BadRulesGetAClearDutchMessageAndNothingIsSaved(string recurrence, string day, string start, string end, string message)
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var name = "Fout " + Guid.NewGuid().ToString("N")[..8];

        var response = await client.SubmitAsync(NewUrl, await FormAsync(name, recurrence, day, start, end));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        Assert.False(await app.InDbAsync("huiskamer", db => db.Activities.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task ALocationOfAnotherEnterpriseCannotBeChosen()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var form = await FormAsync("Op andermans plek");
        form["Input.LocationId"] = (await app.InDbAsync("groene-spijker", db => db.Locations.Select(l => l.Id).FirstAsync())).ToString();

        var response = await client.SubmitAsync(NewUrl, form);

        Assert.Contains("Kies een locatie uit de lijst.", (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        Assert.False(await app.InDbAsync("huiskamer", db => db.Activities.AnyAsync(a => a.Name == "Op andermans plek")));
    }

    [Fact]
    public async Task OneSessionIsCancelledOrMovedWithoutBreakingTheSeries()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync(NewUrl, await FormAsync("Taalcafé Test", day: "Thursday", start: "14:00", end: "16:00"));
        var before = await SessionsOfAsync("Taalcafé Test");
        var (cancel, move) = (before[1], before[2]);

        var cancelled = await client.SubmitAsync($"/huiskamer/sessies/{cancel.Id}/wijzigen", new Dictionary<string, string> { ["Reason"] = "Kerstvakantie" }, "handler=Cancel");
        var moved = await client.SubmitAsync($"/huiskamer/sessies/{move.Id}/wijzigen", new Dictionary<string, string>
        {
            ["Move.Date"] = move.OccurrenceDate.AddDays(1).ToString("yyyy-MM-dd"), ["Move.StartTime"] = "15:00", ["Move.EndTime"] = "17:00",
            ["Move.LocationId"] = move.LocationId.ToString(),
        }, "handler=Move");

        Assert.True(HttpStatusCode.Redirect == cancelled.StatusCode, (await HtmlClient.ParseAsync(cancelled)).QuerySelector("main")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await SessionsOfAsync("Taalcafé Test");
        Assert.Equal(before.Count, after.Count);
        Assert.Equal("Kerstvakantie", after[1].CancelReason);
        Assert.True(after[2].IsMoved);
        Assert.Equal(new TimeOnly(15, 0), TimeOnly.FromDateTime(after[2].StartsAt.ToAmsterdam()));
        Assert.Equal(move.OccurrenceDate, after[2].OccurrenceDate);
        Assert.All(after.Where((_, i) => i is not 1 and not 2), s => Assert.Equal(before.Single(b => b.Id == s.Id).StartsAt, s.StartsAt));
        Assert.All(after.Where((_, i) => i is not 1), s => Assert.Null(s.CancelledAt));
    }

    [Fact]
    public async Task ChangingTheRuleMovesFutureSessionsButKeepsHandMovedAndCancelledOnes()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.SubmitAsync(NewUrl, await FormAsync("Regel Wijzigt", day: "Monday"));
        var id = response.Headers.Location!.OriginalString.Split('/').Last();
        var before = await SessionsOfAsync("Regel Wijzigt");
        await client.SubmitAsync($"/huiskamer/sessies/{before[3].Id}/wijzigen", new Dictionary<string, string> { ["Reason"] = "Zaal bezet" }, "handler=Cancel");

        var form = await FormAsync("Regel Wijzigt", day: "Wednesday", start: "09:00", end: "11:00");
        var inUse = before.Where(s => Wijkbasis.Features.Logbook.LogbookRules.MayHaveLog(s, TimeProvider.System.UtcNow())).Select(s => s.Id).ToHashSet();
        var edit = await client.SubmitAsync($"/huiskamer/activiteiten/{id}/bewerken", form);

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var after = await SessionsOfAsync("Regel Wijzigt");
        var kept = Assert.Single(after, s => s.CancelledAt is not null);
        Assert.Equal(before[3].Id, kept.Id);
        // On a Monday, today's session may already have its logbook open: it stays where it was, as history does.
        Assert.All(after.Where(s => inUse.Contains(s.Id)), s => Assert.Equal(before.Single(b => b.Id == s.Id).StartsAt, s.StartsAt));
        Assert.All(after.Where(s => s.CancelledAt is null && !inUse.Contains(s.Id)), s =>
        {
            Assert.Equal(DayOfWeek.Wednesday, s.OccurrenceDate.DayOfWeek);
            Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(s.StartsAt.ToAmsterdam()));
        });
    }

    [Fact]
    public async Task ASessionThatEndsBeforeItStartsIsRefused()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync(NewUrl, await FormAsync("Eindigt Vroeg", day: "Friday"));
        var session = (await SessionsOfAsync("Eindigt Vroeg"))[1];

        var response = await client.SubmitAsync($"/huiskamer/sessies/{session.Id}/wijzigen", new Dictionary<string, string>
        {
            ["Move.Date"] = session.OccurrenceDate.ToString("yyyy-MM-dd"), ["Move.StartTime"] = "16:00", ["Move.EndTime"] = "15:00",
            ["Move.LocationId"] = session.LocationId.ToString(),
        }, "handler=Move");

        Assert.Contains("De sessie moet eindigen na het begin.", (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        var unchanged = await app.InDbAsync("huiskamer", db => db.Sessions.SingleAsync(s => s.Id == session.Id));
        Assert.Equal((session.StartsAt, false), (unchanged.StartsAt, unchanged.IsMoved));
    }

    [Fact]
    public async Task StoppingAnActivityNeedsConfirmationAndKeepsItsHistory()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var created = await client.SubmitAsync(NewUrl, await FormAsync("Stopt Straks", day: "Saturday"));
        var url = created.Headers.Location!.OriginalString;

        await client.SubmitAsync(url, new Dictionary<string, string>(), "handler=Archive");
        Assert.NotEmpty(await SessionsOfAsync("Stopt Straks"));

        var stopped = await client.SubmitAsync(url, new Dictionary<string, string> { ["Confirm"] = "true" }, "handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.DoesNotContain(await SessionsOfAsync("Stopt Straks"), s => s.StartsAt > TimeProvider.System.UtcNow());
        Assert.NotNull(await app.InDbAsync("huiskamer", db => db.Activities.Where(a => a.Name == "Stopt Straks").Select(a => a.ArchivedAt).SingleAsync()));
    }

    [Fact]
    public async Task ALocationIsAddedAndAPopUpPlaceKeepsItsLabel()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.SubmitAsync("/huiskamer/locaties", new Dictionary<string, string>
        {
            ["Input.Name"] = "Rode Plein", ["Input.IsPopUp"] = "true", ["Input.Label"] = "caravan",
            ["Input.AvailableFrom"] = "2026-12-01", ["Input.AvailableUntil"] = "2026-12-31",
        }, "handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = await app.InDbAsync("huiskamer", db => db.Locations.SingleAsync(l => l.Name == "Rode Plein"));
        Assert.Equal(("caravan", true), (location.Label, location.IsPopUp));
        Assert.Contains("Rode Plein (caravan)", (await client.GetPageAsync("/huiskamer/locaties")).Body!.TextContent);
        Assert.False(await app.InDbAsync("groene-spijker", db => db.Locations.AnyAsync(l => l.Name == "Rode Plein")));
    }
}

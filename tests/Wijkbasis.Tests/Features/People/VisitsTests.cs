using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Tests.Features.Activities;

namespace Wijkbasis.Tests.Features.People;

/// <summary>A person's own visit history, for those who may open the person's file.</summary>
public sealed class VisitsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A new person (no demo visits) checked in at <paramref name="visits"/> past weekly sessions.</summary>
    private async Task<(Guid Person, HistoryData.Series Series)> VisitorAsync(int visits, string enterprise = "huiskamer")
    {
        var series = await HistoryData.PastWeeklyAsync(app, visits, "Inloop " + Guid.NewGuid().ToString("N")[..6], enterprise);
        var person = await app.InDbAsync(enterprise, async db =>
        {
            var p = new Wijkbasis.Features.People.Person { Name = "Bezoeker " + Guid.NewGuid().ToString("N")[..6], CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow() };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        await HistoryData.CheckInAsync(app, person, series.SessionIds, enterprise);
        return (person, series);
    }

    [Fact]
    public async Task APersonsVisitsAreListedNewestFirstPagedWithTotalFirstAndLastAndTheLookIsAudited()
    {
        var (person, series) = await VisitorAsync(30);
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        var url = $"/huiskamer/mensen/{person}/bezoeken";
        var looksBefore = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.PersonId == person && a.Action == "view"));

        var page = await client.GetPageAsync(url);

        var rows = page.QuerySelectorAll("#bezoeken tbody tr").ToList();
        Assert.Equal(25, rows.Count);
        Assert.Equal(series.SessionIds[^1].ToString(), rows[0].GetAttribute("data-session"));
        var summary = page.QuerySelector("#bezoeken-samenvatting")!.TextContent;
        Assert.Contains("30", summary);
        Assert.Contains(series.Starts[0].ToAmsterdam().ToString("d MMM yyyy", Dutch), summary);
        Assert.Contains(series.Starts[^1].ToAmsterdam().ToString("d MMM yyyy", Dutch), summary);
        Assert.Contains("Inloop", rows[0].TextContent);
        Assert.Equal(looksBefore + 1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.PersonId == person && a.Action == "view" && a.UserName == Wijkverbinder)));

        var second = await client.GetPageAsync(url + page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var rest = second.QuerySelectorAll("#bezoeken tbody tr");
        Assert.Equal(5, rest.Length);
        Assert.Equal(series.SessionIds[0].ToString(), rest[^1].GetAttribute("data-session"));

        var details = await client.GetPageAsync($"/huiskamer/mensen/{person}");
        Assert.Contains("30 keer geweest", details.Body!.TextContent);
    }

    [Fact]
    public async Task SomeoneWithoutVisitsSeesAClearEmptyState()
    {
        var (person, _) = await VisitorAsync(0);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var page = await client.GetPageAsync($"/huiskamer/mensen/{person}/bezoeken");

        Assert.Contains("nog bij geen enkele sessie aangemeld", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task AVolunteerMayNotSeeAPersonsVisitsAndAnotherEnterprisesPersonAnswers404()
    {
        var (ours, _) = await VisitorAsync(2);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync($"/huiskamer/mensen/{ours}/bezoeken"))).StatusCode);

        var (theirs, _) = await VisitorAsync(2, "groene-spijker");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Http.GetAsync($"/huiskamer/mensen/{theirs}/bezoeken")).StatusCode);
        Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.AuditEntries.CountAsync(a => a.PersonId == theirs && a.Action == "view")));
    }
}

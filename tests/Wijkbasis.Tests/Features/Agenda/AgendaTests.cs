using Activity = Wijkbasis.Features.Activities.Activity;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Activities;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Agenda;

/// <summary>The public agenda and its calendar feed: open to anyone, no personal data, and read by an independent
/// RFC 5545 parser (ical.js, run with node) with the times right across the change to and from summer time.</summary>
public sealed class AgendaTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    /// <summary>Weekly on Tuesday 10:00–12:00 from 29 September 2026: the series crosses 25 October 2026 (back to
    /// winter time) and 28 March 2027 (to summer time), both inside the feed's window.</summary>
    private async Task<Guid> SeriesAcrossSummerTimeAsync(string name, bool isPublic = true) =>
        await app.InDbAsync("huiskamer", async db =>
        {
            var location = await db.Locations.OrderBy(l => l.Name).FirstAsync();
            var activity = new Activity
            {
                Name = name, Description = "Koffie; thee, en \"meer\"", LocationId = location.Id, Recurrence = Recurrence.Weekly, Day = DayOfWeek.Tuesday,
                StartTime = new(10, 0), EndTime = new(12, 0), FirstDate = TimeProvider.System.AmsterdamToday().AddDays(-7 * 7),
                IsPublic = isPublic, CreatedAt = TimeProvider.System.UtcNow(), UpdatedAt = TimeProvider.System.UtcNow(),
            };
            db.Activities.Add(activity);
            var planner = new SessionPlanner(db, TimeProvider.System);
            await planner.PlanAsync(activity, CancellationToken.None);
            await db.SaveChangesAsync();
            return activity.Id;
        });

    [Fact]
    public async Task AnyoneSeesThePublicAgendaWithoutPersonalData()
    {
        await SeriesAcrossSummerTimeAsync("Openbare Koffie");
        await SeriesAcrossSummerTimeAsync("Besloten Overleg", isPublic: false);
        var anonymous = HtmlClient.For(app);

        var text = (await anonymous.GetPageAsync("/agenda/huiskamer")).Body!.TextContent;

        Assert.Contains("Openbare Koffie", text);
        Assert.DoesNotContain("Besloten Overleg", text);
        var names = await app.InDbAsync("huiskamer", db => db.People.Select(p => p.Name).ToListAsync());
        Assert.DoesNotContain(names, n => n.Length > 6 && text.Contains(n, StringComparison.Ordinal));
        Assert.DoesNotContain("Vincent Vrijwilliger", text);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync("/agenda/bestaat-niet")).StatusCode);
    }

    [Fact]
    public async Task TheAgendaShowsFourWeeksAtATimeWithALinkToTheNextWeeks()
    {
        await SeriesAcrossSummerTimeAsync("Weekkoffie");
        var anonymous = HtmlClient.For(app);
        var first = await anonymous.GetPageAsync("/agenda/huiskamer");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var later = await anonymous.GetPageAsync(next);
        Assert.Contains("Weekkoffie", later.Body!.TextContent);
        Assert.NotNull(later.QuerySelector("a[rel=prev]"));
        var shownFirst = first.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        var shownLater = later.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        // No day is shown on both pages.
        Assert.DoesNotContain(shownLater, day => shownFirst.Contains(day) && day != "In uw eigen agenda");
        // A date far away or garbage falls back to today.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/agenda/huiskamer?vanaf=9999-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/agenda/huiskamer?vanaf=morgen")).StatusCode);
    }

    [Fact]
    public async Task TheFeedParsesWithAnIndependentParserAndKeepsTenOClockAcrossSummerTime()
    {
        var activity = await SeriesAcrossSummerTimeAsync("Dinsdagkoffie");
        var sessions = await app.InDbAsync("huiskamer", db => db.Sessions.Where(s => s.ActivityId == activity).ToListAsync());
        var cancelled = sessions.OrderBy(s => s.StartsAt).Last(s => s.StartsAt > TimeProvider.System.UtcNow().AddDays(7));
        await app.InDbAsync("huiskamer", async db =>
        {
            var s = await db.Sessions.SingleAsync(x => x.Id == cancelled.Id);
            s.CancelledAt = TimeProvider.System.UtcNow();
            s.CancelReason = "Zaal bezet";
            s.Sequence++;
            return await db.SaveChangesAsync();
        });

        var response = await HtmlClient.For(app).Http.GetAsync("/agenda/huiskamer/kalender.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var parsed = ICalCheck.Parse(ics);

        var events = parsed.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("summary").GetString()!.EndsWith("Dinsdagkoffie", StringComparison.Ordinal)).ToList();
        var window = sessions.Where(s => s.StartsAt >= TimeProvider.System.UtcNow().AddDays(-7 * 8).Date).ToList();
        Assert.Equal(window.Count, events.Count);
        Assert.Contains(events, e => DateTime.Parse(e.GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal).Month is >= 4 and <= 10);
        Assert.Contains(events, e => DateTime.Parse(e.GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal).Month is 12 or 1);
        foreach (var e in events)
        {
            var start = DateTime.Parse(e.GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            // Wall-clock 10:00 in Amsterdam: 08:00 UTC in summer, 09:00 UTC in winter.
            Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(DateTime.SpecifyKind(start, DateTimeKind.Utc).ToAmsterdam()));
            Assert.Equal("Europe/Amsterdam", e.GetProperty("tzid").GetString());
            var session = window.Single(s => $"{s.Id:D}@wijkbasis.huiskamer" == e.GetProperty("uid").GetString());
            Assert.Equal(session.StartsAt, DateTime.SpecifyKind(start, DateTimeKind.Utc));
        }
        var gone = events.Single(e => e.GetProperty("uid").GetString() == $"{cancelled.Id:D}@wijkbasis.huiskamer");
        Assert.Equal("CANCELLED", gone.GetProperty("status").GetString());
        Assert.Equal(1, gone.GetProperty("sequence").GetInt32());
        Assert.All(events.Where(e => e.GetProperty("uid").GetString() != $"{cancelled.Id:D}@wijkbasis.huiskamer"),
            e => Assert.Equal("CONFIRMED", e.GetProperty("status").GetString()));

        // Stable: the same sessions keep the same UIDs on the next fetch.
        var again = ICalCheck.Parse(await HtmlClient.For(app).Http.GetStringAsync("/agenda/huiskamer/kalender.ics"));
        Assert.Equal(parsed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).Order(),
            again.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).Order());
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void LongTextIsFoldedWithoutSplittingACharacterAndEscapedAndReadsBackTheSame()
    {
        var text = string.Concat(Enumerable.Repeat("Oekraïens café ☕, thee; ", 12)) + "\nen een \\ tweede regel";
        var at = new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc);
        var ics = Wijkbasis.Features.Agenda.ICalendar.Write("Huiskamer, de Wijk", "test", at,
            [new Wijkbasis.Features.Agenda.ICalendar.Event(Guid.NewGuid(), "Koffie; thee", "Buurthuis, zaal 1", text, at, at.AddHours(2), false, 0)]);
        var lines = ics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.All(lines, l => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.DoesNotContain('\uFFFD', ics);
        var e = ICalCheck.Parse(ics).GetProperty("events").EnumerateArray().Single();
        Assert.Equal(text, e.GetProperty("description").GetString());
        Assert.Equal("Koffie; thee", e.GetProperty("summary").GetString());
        Assert.Equal("Europe/Amsterdam", e.GetProperty("tzid").GetString());
    }

    [Fact]
    public async Task TheAgendaOfAnotherEnterpriseShowsNoneOfThisOne()
    {
        await SeriesAcrossSummerTimeAsync("Alleen Huiskamer");
        var ics = await HtmlClient.For(app).Http.GetStringAsync("/agenda/groene-spijker/kalender.ics");
        Assert.DoesNotContain("Alleen Huiskamer", ics);
        Assert.DoesNotContain("Alleen Huiskamer", (await HtmlClient.For(app).GetPageAsync("/agenda/groene-spijker")).Body!.TextContent);
        _ = Coordinator;
    }
}

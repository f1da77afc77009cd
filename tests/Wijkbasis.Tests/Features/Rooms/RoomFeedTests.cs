using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Tests.Features.Rooms.RoomsApp;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>A room's iCalendar feed, read by an independent parser (ical.js): stable UIDs, Europe/Amsterdam times
/// right across 25 October 2026 and 28 March 2027, cancelled bookings marked cancelled, and no personal data.</summary>
public sealed class RoomFeedTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    /// <summary>Every Tuesday 10:00–12:00 from 20 October 2026 to 6 April 2027, written straight into the table so the
    /// series may start in the past (the feed shows eight weeks back). Dates outside the feed's window are left out.</summary>
    private async Task<List<RoomBooking>> SeriesAcrossSummerTimeAsync(Guid room)
    {
        var (slots, _) = RoomRules.Expand(new(2026, 10, 20), new(10, 0), new(12, 0), Repeat.Weekly, new(2027, 4, 6));
        var series = Guid.NewGuid();
        return await app.InDbAsync("huiskamer", async db =>
        {
            var rows = slots.Select((s, i) => new RoomBooking
            {
                RoomId = room, Kind = BookingKind.Booking, Title = "Spreekuur van Mevrouw Jansen", Party = "Fatima's Yogastudio",
                PublicTitle = i % 2 == 0 ? "Yoga" : null, Category = TariffCategory.Entrepreneur, PriceCents = 3500,
                StartsAt = s.StartsAt, EndsAt = s.EndsAt, SeriesId = series, CreatedAt = TimeProvider.System.UtcNow(),
            }).ToList();
            rows[3].CancelledAt = TimeProvider.System.UtcNow();
            rows[3].CancelReason = "Docent ziek";
            rows[3].Sequence = 1;
            db.RoomBookings.AddRange(rows);
            db.RoomBookings.Add(new RoomBooking
            {
                RoomId = room, Kind = BookingKind.Block, Title = "Kerstvakantie bij Piet thuis", Category = TariffCategory.Own,
                StartsAt = Clock.FromAmsterdam(new(2026, 12, 24), TimeOnly.MinValue), EndsAt = Clock.FromAmsterdam(new(2026, 12, 27), TimeOnly.MinValue),
                CreatedAt = TimeProvider.System.UtcNow(),
            });
            await db.SaveChangesAsync();
            return rows;
        });
    }

    [Fact]
    public async Task TheFeedParsesWithIcalJsAndKeepsTenOClockAcrossBothChangesOfSummerTime()
    {
        var room = await NewRoomAsync(app, "Zaal Feed", publicFeed: true);
        var rows = await SeriesAcrossSummerTimeAsync(room);
        var url = $"/ruimtes/huiskamer/{room}/kalender.ics";

        var response = await HtmlClient.For(app).Http.GetAsync(url);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var parsed = ICalCheck.Parse(ics);
        var events = parsed.GetProperty("events").EnumerateArray().ToList();

        var from = Clock.FromAmsterdam(TimeProvider.System.AmsterdamToday().AddDays(-7 * RoomFeed.WeeksBack), TimeOnly.MinValue);
        var inWindow = rows.Where(r => r.EndsAt > from).ToList();
        Assert.Equal(inWindow.Count + 1, events.Count);
        foreach (var row in inWindow)
        {
            var e = events.Single(x => x.GetProperty("uid").GetString() == $"{row.Id:D}@ruimtes.wijkbasis.huiskamer");
            var start = DateTime.Parse(e.GetProperty("start").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.Equal(row.StartsAt, DateTime.SpecifyKind(start, DateTimeKind.Utc));
            Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(DateTime.SpecifyKind(start, DateTimeKind.Utc).ToAmsterdam()));
            Assert.Equal("Europe/Amsterdam", e.GetProperty("tzid").GetString());
            Assert.Equal(row.IsCancelled ? "CANCELLED" : "CONFIRMED", e.GetProperty("status").GetString());
            Assert.Equal(row.PublicTitle ?? "Bezet", e.GetProperty("summary").GetString());
        }
        // Both sides of both changes are in the feed: 27 Oct 2026 is 09:00 UTC, 30 March 2027 is 08:00 UTC.
        var starts = events.Select(e => e.GetProperty("start").GetString()).ToList();
        Assert.Contains("2026-10-27T09:00:00.000Z", starts);
        Assert.Contains("2027-03-23T09:00:00.000Z", starts);
        Assert.Contains("2027-03-30T08:00:00.000Z", starts);
        Assert.Contains(events, e => e.GetProperty("summary").GetString() == "Gesloten");

        // No personal data: not the party, not the internal title, not the block's reason.
        Assert.DoesNotContain("Jansen", ics);
        Assert.DoesNotContain("Fatima", ics);
        Assert.DoesNotContain("Piet", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        // Stable: the same bookings keep the same UIDs on the next fetch.
        var again = ICalCheck.Parse(await HtmlClient.For(app).Http.GetStringAsync(url));
        Assert.Equal(events.Select(e => e.GetProperty("uid").GetString()).Order(),
            again.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).Order());
    }

    [Fact]
    public async Task AFeedThatIsNotPublicIsOnlyForMembers()
    {
        var room = await NewRoomAsync(app, "Zaal Besloten");
        await SeriesAcrossSummerTimeAsync(room);

        Assert.Equal(HttpStatusCode.NotFound, (await HtmlClient.For(app).Http.GetAsync($"/ruimtes/huiskamer/{room}/kalender.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlClient.For(app).Http.GetAsync($"/ruimtes/groene-spijker/{room}/kalender.ics")).StatusCode);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var ics = await volunteer.Http.GetStringAsync($"/huiskamer/ruimtes/{room}/kalender.ics");
        Assert.NotEmpty(ICalCheck.Parse(ics).GetProperty("events").EnumerateArray());
        Assert.DoesNotContain("Jansen", ics);
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/huiskamer/ruimtes/{room}/kalender.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/ruimtes/{room}/kalender.ics")).StatusCode);
    }
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>Helpers for the room tests: a room of their own (so demo bookings do not get in the way), dates
/// relative to today, and the booking form.</summary>
public static class RoomsApp
{
    public static Task<Guid> NewRoomAsync(WijkbasisFactory app, string name, string enterprise = "huiskamer", bool acceptsRequests = false,
        bool publicFeed = false, TariffUnit unit = TariffUnit.Hour) =>
        app.InDbAsync(enterprise, async db =>
        {
            var room = new Room
            {
                Name = name, Capacity = 20, Facilities = Facility.Kitchen | Facility.Wifi, Unit = unit, SocialRateCents = 1000,
                EntrepreneurRateCents = 1750, CommercialRateCents = 4500, OpensAt = new(8, 0), ClosesAt = new(23, 0),
                OpenDays = RoomRules.AllDays, AcceptsRequests = acceptsRequests, FeedIsPublic = publicFeed, CreatedAt = TimeProvider.System.UtcNow(),
            };
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room.Id;
        });

    /// <summary>A day some weeks ahead on the given weekday, so tests do not depend on the day the suite runs.</summary>
    public static DateOnly Ahead(int weeks, DayOfWeek day = DayOfWeek.Tuesday)
    {
        var d = TimeProvider.System.AmsterdamToday().AddDays(7 * weeks);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }
        return d;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Booking(DateOnly date, string start = "19:00", string end = "20:30", string title = "Yogales",
        string repeat = "Once", DateOnly? until = null, string category = "Entrepreneur") => new()
    {
        ["Input.Title"] = title, ["Input.Date"] = Iso(date), ["Input.StartTime"] = start, ["Input.EndTime"] = end,
        ["Input.Repeat"] = repeat, ["Input.Until"] = until is { } u ? Iso(u) : "", ["Input.Category"] = category, ["Input.Party"] = "Yoga in de Wijk",
    };

    public static Task<List<RoomBooking>> BookingsAsync(WijkbasisFactory app, Guid roomId, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.RoomBookings.Where(b => b.RoomId == roomId).OrderBy(b => b.StartsAt).ToListAsync());

    public static async Task<string> AlertTextAsync(HttpResponseMessage response) =>
        string.Join(" ", (await HtmlClient.ParseAsync(response)).QuerySelectorAll("[role=alert], #conflicten").Select(e => e.TextContent));
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Agenda;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>A room's calendar as an iCalendar feed: the last eight weeks and the year ahead. Titles are neutral
/// ("Bezet", "Gesloten" or the booking's public title): no party, no requester, nothing a person typed about themselves.
/// Cancelled bookings stay in the feed as cancelled, so calendar apps remove them.</summary>
public static class RoomFeed
{
    public const int WeeksBack = 8;

    public static async Task<string> WriteAsync(WijkbasisDb db, Room room, string enterpriseName, string slug, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        var from = Clock.FromAmsterdam(today.AddDays(-WeeksBack * 7), TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(today.AddYears(1), TimeOnly.MinValue);
        var rows = await db.RoomBookings.AsNoTracking()
            .Where(b => b.RoomId == room.Id && b.EndsAt > from && b.StartsAt < until)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var events = rows.Select(b => new ICalendar.Event(b.Id, b.FeedTitle, room.Name, null, b.StartsAt, b.EndsAt, b.IsCancelled, b.Sequence));
        return ICalendar.Write($"{room.Name} · {enterpriseName}", "ruimtes.wijkbasis." + slug, time.UtcNow(), events);
    }
}

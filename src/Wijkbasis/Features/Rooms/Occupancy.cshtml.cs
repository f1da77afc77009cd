using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>Per room and month: hours open, hours booked, occupancy and rental income; and the twelve months up to
/// the chosen one for all rooms together.</summary>
public sealed class OccupancyModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "maand")] public string? MonthText { get; set; }
    public DateOnly Month { get; private set; }
    public List<(Room Room, Occupancy Month)> PerRoom { get; private set; } = [];
    public List<(DateOnly Month, Occupancy Total)> Year { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Month = DateOnly.TryParseExact(MonthText, "yyyy-MM", out var m) && Math.Abs(m.DayNumber - today.DayNumber) < 3660
            ? m : new DateOnly(today.Year, today.Month, 1);
        var first = Month.AddMonths(-11);
        var from = Clock.FromAmsterdam(first, TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(Month.AddMonths(1), TimeOnly.MinValue);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ArchivedAt == null).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var rows = await db.RoomBookings.AsNoTracking()
            .Where(b => b.CancelledAt == null && b.StartsAt < until && b.EndsAt > from)
            .ToListAsync(cancellationToken);
        PerRoom = rooms.Select(r => (r, RoomRules.MonthOf(r, Month.Year, Month.Month, rows))).ToList();
        for (var month = first; month <= Month; month = month.AddMonths(1))
        {
            var all = rooms.Select(r => RoomRules.MonthOf(r, month.Year, month.Month, rows)).ToList();
            Year.Add((month, new Occupancy(all.Sum(o => o.OpenMinutes), all.Sum(o => o.BookedMinutes), all.Sum(o => o.IncomeCents), all.Sum(o => o.Bookings))));
        }
    }
}

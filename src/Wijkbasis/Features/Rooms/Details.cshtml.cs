using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>A room's calendar, a week at a time: bookings (with who uses the room) and closed periods. Contact
/// details of requesters are never shown here.</summary>
public sealed class DetailsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "week")] public DateOnly? Week { get; set; }
    public Room Room { get; private set; } = null!;
    public DateOnly Monday { get; private set; }
    public List<(DateOnly Day, List<RoomBooking> Rows)> Days { get; private set; } = [];
    public bool Manages => tenant.IsInRole(Roles.Coordinator);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } room)
        {
            return NotFound();
        }
        Room = room;
        var today = time.AmsterdamToday();
        var wanted = Week is { } w && Math.Abs(w.DayNumber - today.DayNumber) <= 3 * 366 ? w : today;
        Monday = RoomViews.MondayOf(wanted);
        var from = Clock.FromAmsterdam(Monday, TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(Monday.AddDays(7), TimeOnly.MinValue);
        var rows = await db.RoomBookings.AsNoTracking()
            .Where(b => b.RoomId == id && b.StartsAt < until && b.EndsAt > from)
            .OrderBy(b => b.StartsAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        Days = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i)).Select(day =>
        {
            var dayStart = Clock.FromAmsterdam(day, TimeOnly.MinValue);
            var dayEnd = Clock.FromAmsterdam(day.AddDays(1), TimeOnly.MinValue);
            return (day, rows.Where(b => RoomRules.Overlaps(b.StartsAt, b.EndsAt, dayStart, dayEnd)).ToList());
        }).ToList();
        return Page();
    }
}

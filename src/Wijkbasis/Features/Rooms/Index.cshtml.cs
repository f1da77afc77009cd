using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>The enterprise's rooms with capacity, facilities and rates; for coordinators also the waiting requests.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public List<Room> Rooms { get; private set; } = [];
    public Dictionary<Guid, int> BookingsThisWeek { get; private set; } = [];
    public int PendingRequests { get; private set; }
    public bool Manages => tenant.IsInRole(Roles.Coordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.ArchivedAt == null).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var monday = RoomViews.MondayOf(time.AmsterdamToday());
        var from = Clock.FromAmsterdam(monday, TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(monday.AddDays(7), TimeOnly.MinValue);
        BookingsThisWeek = await db.RoomBookings.AsNoTracking()
            .Where(b => b.Kind == BookingKind.Booking && b.CancelledAt == null && b.StartsAt >= from && b.StartsAt < until)
            .GroupBy(b => b.RoomId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (Manages)
        {
            PendingRequests = await db.BookingRequests.CountAsync(r => r.Status == RequestStatus.Pending, cancellationToken);
        }
    }
}

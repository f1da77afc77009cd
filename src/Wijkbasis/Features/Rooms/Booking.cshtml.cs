using Wijkbasis.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>One booking or closed period, and cancelling it (with the later dates of its series, if wanted). A
/// cancelled row stays, marked cancelled, so calendar apps that read the feed remove it too.</summary>
public sealed class BookingModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(Name = nameof(Input))] public CancelInput Input { get; set; } = new();
    public RoomBooking Booking { get; private set; } = null!;
    public int LaterInSeries { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Booking.IsCancelled)
        {
            ModelState.AddRefusal("", new Refusal("Deze boeking is al geannuleerd."));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var rows = new List<RoomBooking> { Booking };
        if (Input.AlsoLater && Booking.SeriesId is { } series)
        {
            rows.AddRange(await db.RoomBookings.Where(b => b.SeriesId == series && b.StartsAt > Booking.StartsAt && b.CancelledAt == null)
                .ToListAsync(cancellationToken));
        }
        foreach (var row in rows)
        {
            row.CancelledAt = time.UtcNow();
            row.CancelledByName = tenant.DisplayName;
            row.CancelReason = Input.Reason!.Trim();
            row.Sequence++;
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(rows.Count == 1 ? "De boeking is geannuleerd." : "{0} boekingen zijn geannuleerd.", rows.Count);
        return RedirectToPage("/Rooms/Details", null, new { id = Booking.RoomId, week = RoomViews.WeekKey(DateOnly.FromDateTime(Booking.StartsAt.ToAmsterdam())) }, "week");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.RoomBookings.Include(b => b.Room).SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } booking)
        {
            return false;
        }
        Booking = booking;
        if (booking.SeriesId is { } series)
        {
            LaterInSeries = await db.RoomBookings.CountAsync(b => b.SeriesId == series && b.StartsAt > booking.StartsAt && b.CancelledAt == null, cancellationToken);
        }
        return true;
    }

    public sealed class CancelInput
    {
        [Required(ErrorMessage = "Vul in waarom de boeking niet doorgaat.")]
        [StringLength(RoomBooking.ReasonMax, ErrorMessage = "De reden mag maximaal {1} tekens lang zijn.")]
        public string? Reason { get; set; }

        public bool AlsoLater { get; set; }
    }
}

using Wijkbasis.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>Closes a room for a period (maintenance, holidays). Bookings in that period are reported and nothing
/// is stored: they are cancelled or moved first, so nobody finds a closed door.</summary>
public sealed class BlockModel(WijkbasisDb db, TimeProvider time, RoomCalendar calendar) : PageModel
{
    [BindProperty(Name = nameof(Input))] public BlockInput Input { get; set; } = new();
    public Room Room { get; private set; } = null!;
    public List<Conflict> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ArchivedAt == null, cancellationToken) is not { } room)
        {
            return NotFound();
        }
        Room = room;
        Input.From = Input.Until = time.AmsterdamToday();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ArchivedAt == null, cancellationToken) is not { } room)
        {
            return NotFound();
        }
        Room = room;
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var slot = Input.ToSlot();
        var result = await calendar.StoreAsync(room, [slot], _ => new RoomBooking
        {
            Kind = BookingKind.Block, Title = Input.Reason!.Trim(), Category = TariffCategory.Own, PriceCents = 0,
        }, onlyFree: false, expectedFree: null, cancellationToken);
        if (!result.Saved)
        {
            Conflicts = result.Conflicts;
            return this.Refuse(Conflicts.Count > 0
                ? new Refusal("In deze periode is de ruimte geboekt. Annuleer of verplaats eerst de boekingen hieronder; er is niets opgeslagen.")
                : result.Problem);
        }
        TempData.Say("{0} is gesloten: {1}.", room.Name, RoomViews.Period(slot.StartsAt, slot.EndsAt));
        return RedirectToPage("/Rooms/Details", null, new { id = room.Id, week = RoomViews.WeekKey(Input.From!.Value) }, "week");
    }

    public sealed class BlockInput : IValidatableObject
    {
        [Required(ErrorMessage = "Vul de eerste dag in.")]
        public DateOnly? From { get; set; }

        /// <summary>Empty: from the start of the first day.</summary>
        public TimeOnly? FromTime { get; set; }

        [Required(ErrorMessage = "Vul de laatste dag in.")]
        public DateOnly? Until { get; set; }

        /// <summary>Empty: to the end of the last day.</summary>
        public TimeOnly? UntilTime { get; set; }

        [Required(ErrorMessage = "Vul de reden in, bijvoorbeeld: onderhoud, zomervakantie.")]
        [StringLength(RoomBooking.TitleMax, ErrorMessage = "De reden mag maximaal {1} tekens lang zijn.")]
        public string? Reason { get; set; }

        public Slot ToSlot()
        {
            var start = Clock.FromAmsterdam(From!.Value, FromTime ?? TimeOnly.MinValue);
            var end = UntilTime is { } t ? Clock.FromAmsterdam(Until!.Value, t) : Clock.FromAmsterdam(Until!.Value.AddDays(1), TimeOnly.MinValue);
            return new Slot(From.Value, start, end);
        }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (From is { } f && Until is { } u)
            {
                if (u < f || ToSlot().EndsAt <= ToSlot().StartsAt)
                {
                    yield return new ValidationResult("Het einde moet na het begin liggen.", [nameof(Until)]);
                }
                else if (u.DayNumber - f.DayNumber > 366)
                {
                    yield return new ValidationResult("Sluit een ruimte hoogstens een jaar achter elkaar.", [nameof(Until)]);
                }
            }
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>What is free across all rooms in a date range, within opening hours, optionally for a number of people
/// and with a facility.</summary>
public sealed class AvailabilityModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int MaxDays = 31;

    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? Until { get; set; }
    [BindProperty(SupportsGet = true, Name = "personen")] public int? People { get; set; }
    [BindProperty(SupportsGet = true, Name = "voorziening")] public Facility? Facility { get; set; }
    [BindProperty(SupportsGet = true, Name = "uren")] public int? Hours { get; set; }

    public Refusal? Problem { get; private set; }
    public List<RoomFree> Rooms { get; private set; } = [];

    public sealed record RoomFree(Room Room, List<(DateOnly Day, List<(DateTime From, DateTime Until)> Free)> Days);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A value that could not be read, or a date centuries away (see StrictBinding), is said, not silently replaced.
        if (ModelState.GetFieldValidationState("van") == ModelValidationState.Invalid || ModelState.GetFieldValidationState("tot") == ModelValidationState.Invalid)
        {
            Problem = new Refusal("Kies een van- en tot-datum tussen {0} en {1}.", "1-1-1900", "31-12-2199");
            (From, Until) = (null, null);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Problem = new Refusal("Vul een aantal personen tussen 1 en 1000 en een duur tussen 1 en 24 uur in.");
            return Page();
        }
        var today = time.AmsterdamToday();
        var from = From ?? today;
        var until = Until ?? from.AddDays(6);
        (From, Until) = (from, until);
        if (until < from)
        {
            Problem = new Refusal("De tot-datum moet op of na de van-datum liggen.");
            return Page();
        }
        if (until.DayNumber - from.DayNumber >= MaxDays)
        {
            Problem = new Refusal("Zoek hoogstens {0} dagen tegelijk.", MaxDays);
            return Page();
        }
        if (People is < 1 or > Room.CapacityMax || Hours is < 1 or > 24)
        {
            Problem = new Refusal("Vul een aantal personen tussen 1 en 1000 en een duur tussen 1 en 24 uur in.");
            return Page();
        }
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ArchivedAt == null).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        rooms = rooms.Where(r => (People is not { } p || r.Capacity >= p) && (Facility is not { } f || r.Facilities.HasFlag(f))).ToList();
        var start = Clock.FromAmsterdam(from, TimeOnly.MinValue);
        var end = Clock.FromAmsterdam(until.AddDays(1), TimeOnly.MinValue);
        var ids = rooms.Select(r => r.Id).ToList();
        var busy = await db.RoomBookings.AsNoTracking()
            .Where(b => ids.Contains(b.RoomId) && b.CancelledAt == null && b.StartsAt < end && b.EndsAt > start)
            .Select(b => new { b.RoomId, Busy = new Busy(b.Id, b.StartsAt, b.EndsAt, b.Title, b.Kind) })
            .ToListAsync(cancellationToken);
        var minimum = TimeSpan.FromHours(Hours ?? 1);
        var now = time.UtcNow();
        foreach (var room in rooms)
        {
            var mine = busy.Where(b => b.RoomId == room.Id).Select(b => b.Busy).ToList();
            var days = new List<(DateOnly, List<(DateTime, DateTime)>)>();
            for (var day = from; day <= until; day = day.AddDays(1))
            {
                if (RoomRules.OpenWindow(room, day) is { } w && w.Until > now)
                {
                    days.Add((day, RoomRules.FreeIntervals(w.From > now ? w.From : now, w.Until, mine, minimum)));
                }
            }
            Rooms.Add(new RoomFree(room, days));
        }
        return Page();
    }
}

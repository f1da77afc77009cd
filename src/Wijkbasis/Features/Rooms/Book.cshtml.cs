using Wijkbasis.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>Books a room once or as a series (every week, every other week until a date). Conflicting dates are
/// reported before anything is stored; the coordinator then books only the free dates or nothing.</summary>
public sealed class BookModel(WijkbasisDb db, TimeProvider time, RoomCalendar calendar) : PageModel
{
    [BindProperty(Name = nameof(Input))] public BookingInput Input { get; set; } = new();
    public Room Room { get; private set; } = null!;
    public List<Slot> Slots { get; private set; } = [];
    public List<Conflict> Conflicts { get; private set; } = [];
    public int FreeCount => Slots.Count - Conflicts.Count;
    public long PricePerSlot { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? datum, CancellationToken cancellationToken)
    {
        if (await LoadRoomAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }
        Input.Date = datum is { } d && d >= time.AmsterdamToday() ? d : time.AmsterdamToday();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadRoomAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }
        long? agreedPrice = null;
        if (!string.IsNullOrWhiteSpace(Input.Price))
        {
            if (!Budget.Money.TryParse(Input.Price, out var cents))
            {
                ModelState.AddRefusal(Key(nameof(BookingInput.Price)), new Refusal("Vul de prijs in euro's in, bijvoorbeeld 25,00."));
            }
            else if (cents < 0)
            {
                ModelState.AddRefusal(Key(nameof(BookingInput.Price)), new Refusal("De prijs mag niet negatief zijn."));
            }
            else
            {
                agreedPrice = cents;
            }
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var (slots, problem) = RoomRules.Expand(Input.Date!.Value, Input.StartTime!.Value, Input.EndTime!.Value, Input.Repeat, Input.Until);
        if (problem is not null)
        {
            return this.Refuse(problem, Key(problem.Format.Contains("eindtijd", StringComparison.Ordinal) ? nameof(BookingInput.EndTime) : nameof(BookingInput.Until)));
        }
        if (slots[0].Date < time.AmsterdamToday())
        {
            return this.Refuse(new Refusal("Een boeking begint vandaag of later."), Key(nameof(BookingInput.Date)));
        }
        Slots = slots;
        PricePerSlot = agreedPrice ?? Room.PriceFor(Input.Category, slots[0].StartsAt, slots[0].EndsAt);
        var seriesId = slots.Count > 1 ? Guid.CreateVersion7() : (Guid?)null;
        var result = await calendar.StoreAsync(Room, slots, s => new RoomBooking
        {
            Kind = BookingKind.Booking, Title = Input.Title!.Trim(), PublicTitle = Clean(Input.PublicTitle), Party = Clean(Input.Party),
            Category = Input.Category, PriceCents = agreedPrice ?? Room.PriceFor(Input.Category, s.StartsAt, s.EndsAt), SeriesId = seriesId,
        }, Input.OnlyFree, Input.OnlyFree ? Input.ExpectedFree : null, cancellationToken);
        if (!result.Saved)
        {
            Conflicts = result.Conflicts;
            return this.Refuse(result.Problem);
        }
        var first = result.Stored.Min(b => b.StartsAt);
        if (result.Stored.Count == 1)
        {
            TempData.Say("{0} is geboekt op {1}.", Room.Name, RoomViews.Period(first, result.Stored[0].EndsAt));
        }
        else
        {
            TempData.Say("{0} is {1} keer geboekt; {2} data waren bezet en zijn overgeslagen.", Room.Name, result.Stored.Count, result.Conflicts.Count);
        }
        return RedirectToPage("/Rooms/Details", null, new { id = Room.Id, week = RoomViews.WeekKey(DateOnly.FromDateTime(first.ToAmsterdam())) }, "week");
    }

    /// <summary>The model-state key of a field of the form ("Input.Price").</summary>
    private static string Key(string field) => $"{nameof(Input)}.{field}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult?> LoadRoomAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ArchivedAt == null, cancellationToken) is not { } room)
        {
            return NotFound();
        }
        Room = room;
        return null;
    }

    public sealed class BookingInput : IValidatableObject
    {
        [Required(ErrorMessage = "Vul de datum in.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Vul de begintijd in.")]
        public TimeOnly? StartTime { get; set; } = new(10, 0);

        [Required(ErrorMessage = "Vul de eindtijd in.")]
        public TimeOnly? EndTime { get; set; } = new(12, 0);

        public Repeat Repeat { get; set; }
        public DateOnly? Until { get; set; }

        [Required(ErrorMessage = "Vul in waarvoor de ruimte is.")]
        [StringLength(RoomBooking.TitleMax, ErrorMessage = "De omschrijving mag maximaal {1} tekens lang zijn.")]
        public string? Title { get; set; }

        [StringLength(RoomBooking.TitleMax, ErrorMessage = "De openbare titel mag maximaal {1} tekens lang zijn.")]
        public string? PublicTitle { get; set; }

        [StringLength(RoomBooking.PartyMax, ErrorMessage = "De naam van de gebruiker mag maximaal {1} tekens lang zijn.")]
        public string? Party { get; set; }

        [Display(Name = "Tarief")]
        public TariffCategory Category { get; set; }
        public string? Price { get; set; }
        public bool OnlyFree { get; set; }
        public int? ExpectedFree { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (StartTime is { } s && EndTime is { } e && e <= s)
            {
                yield return new ValidationResult("De eindtijd moet na de begintijd liggen.", [nameof(EndTime)]);
            }
            if (!Enum.IsDefined(Category))
            {
                yield return new ValidationResult("Kies een tarief uit de lijst.", [nameof(Category)]);
            }
            if (!Enum.IsDefined(Repeat))
            {
                yield return new ValidationResult("Kies of de boeking zich herhaalt.", [nameof(Repeat)]);
            }
        }
    }
}

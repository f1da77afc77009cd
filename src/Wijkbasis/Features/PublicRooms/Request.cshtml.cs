using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Mail;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.PublicRooms;

/// <summary>The public form on which a neighbourhood entrepreneur or partner organisation asks for a room. Anonymous
/// and rate limited per address; shows rooms and rates only, never who booked what. A coordinator decides.</summary>
public sealed class RequestModel(PublicRoomsAccess access, WijkbasisDb db, TenantContext tenant, TimeProvider time, RoomCalendar calendar) : PageModel
{
    /// <summary>How far ahead a request may be.</summary>
    public const int MonthsAhead = 12;

    [BindProperty(Name = nameof(Input))] public RequestInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "verzonden")] public bool Sent { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }
    public string EnterpriseName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public List<Room> Rooms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        Input.Date ??= time.AmsterdamToday().AddDays(7);
        FormKey = FormOnce.NewKey();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        var room = Rooms.SingleOrDefault(r => r.Id == Input.RoomId);
        if (Input.RoomId is not null && room is null)
        {
            ModelState.AddRefusal(Key(nameof(RequestInput.RoomId)), new Refusal("Kies een ruimte uit de lijst."));
        }
        if (Input.Email is { Length: > 0 } email && !Mailer.IsSingleAddress(email))
        {
            ModelState.AddRefusal(Key(nameof(RequestInput.Email)), new Refusal("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."));
        }
        var today = time.AmsterdamToday();
        if (Input.Date is { } date && (date <= today || date > today.AddMonths(MonthsAhead)))
        {
            ModelState.AddRefusal(Key(nameof(RequestInput.Date)), new Refusal("Kies een datum vanaf morgen en binnen {0} maanden.", MonthsAhead));
        }
        if (!ModelState.IsValid || room is null)
        {
            return this.Refuse();
        }
        var slot = RoomRules.SlotOn(Input.Date!.Value, Input.StartTime!.Value, Input.EndTime!.Value);
        if (!RoomRules.WithinOpeningHours(room, slot))
        {
            return this.Refuse(new Refusal("{0} is op die dag niet open op dat tijdstip (open {1}–{2} op de open dagen).", room.Name,
                room.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture), room.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture)), Key(nameof(RequestInput.StartTime)));
        }
        if ((await calendar.ConflictsAsync(room.Id, [slot], cancellationToken)).Count > 0)
        {
            return this.Refuse(new Refusal("De ruimte is op dat moment al bezet. Kies een ander tijdstip."), Key(nameof(RequestInput.StartTime)));
        }
        tenant.SetActor(null, PublicRoomsAccess.FormActor);
        db.BookingRequests.Add(new BookingRequest
        {
            RoomId = room.Id, StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, Category = Input.Category,
            Organisation = Input.Organisation!.Trim(), Purpose = Input.Purpose!.Trim(), Message = Clean(Input.Message),
            ContactName = Input.Name!.Trim(), ContactEmail = Input.Email!.Trim(), ContactPhone = Clean(Input.Phone),
            Status = RequestStatus.Pending, ReceivedAt = time.UtcNow(),
        });
        var done = Url.Page("/PublicRooms/Request", new { slug = Slug, verzonden = "true" });
        FormOnce.Record(db, time, FormKey, done);
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        return RedirectToPage("/PublicRooms/Request", new { slug = Slug, verzonden = "true" });
    }

    /// <summary>The model-state key of a field of the form ("Input.Date").</summary>
    private static string Key(string field) => $"{nameof(Input)}.{field}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await access.EnterAsync(slug, cancellationToken) is not { } enterprise)
        {
            return false;
        }
        Rooms = await access.RequestableRoomsAsync(cancellationToken);
        (EnterpriseName, Slug) = (enterprise.Name, enterprise.Slug);
        return Rooms.Count > 0;
    }

    public sealed class RequestInput : IValidatableObject
    {
        [Required(ErrorMessage = "Kies een ruimte.")]
        public Guid? RoomId { get; set; }

        [Required(ErrorMessage = "Vul de datum in.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Vul de begintijd in.")]
        public TimeOnly? StartTime { get; set; } = new(10, 0);

        [Required(ErrorMessage = "Vul de eindtijd in.")]
        public TimeOnly? EndTime { get; set; } = new(12, 0);

        public TariffCategory Category { get; set; } = TariffCategory.Entrepreneur;

        [Required(ErrorMessage = "Vul de naam van uw organisatie of onderneming in.")]
        [StringLength(BookingRequest.OrganisationMax, ErrorMessage = "De naam van de organisatie mag maximaal {1} tekens lang zijn.")]
        public string? Organisation { get; set; }

        [Required(ErrorMessage = "Vul in waarvoor u de ruimte wilt gebruiken.")]
        [StringLength(BookingRequest.PurposeMax, ErrorMessage = "Waarvoor mag maximaal {1} tekens lang zijn.")]
        public string? Purpose { get; set; }

        [StringLength(BookingRequest.MessageMax, ErrorMessage = "Het bericht mag maximaal {1} tekens lang zijn.")]
        public string? Message { get; set; }

        [Required(ErrorMessage = "Vul uw naam in.")]
        [StringLength(BookingRequest.NameMax, ErrorMessage = "Uw naam mag maximaal {1} tekens lang zijn.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vul uw e-mailadres in, zodat we u kunnen antwoorden.")]
        [StringLength(BookingRequest.EmailMax, ErrorMessage = "Het e-mailadres mag maximaal {1} tekens lang zijn.")]
        public string? Email { get; set; }

        [StringLength(BookingRequest.PhoneMax, ErrorMessage = "Het telefoonnummer mag maximaal {1} tekens lang zijn.")]
        public string? Phone { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (StartTime is { } s && EndTime is { } e && e <= s)
            {
                yield return new ValidationResult("De eindtijd moet na de begintijd liggen.", [nameof(EndTime)]);
            }
            if (!RoomViews.PaidCategories.Contains(Category))
            {
                yield return new ValidationResult("Kies wie u bent uit de lijst.", [nameof(Category)]);
            }
        }
    }
}

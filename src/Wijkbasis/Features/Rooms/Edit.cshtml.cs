using Wijkbasis.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>Adds a room (/ruimtes/nieuw) or changes one: capacity, facilities, opening hours, rates in euros, and
/// whether outsiders may ask for it and read its calendar feed.</summary>
public sealed class EditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(Name = nameof(Input))] public RoomInput Input { get; set; } = new();
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is { } existing)
        {
            if (await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == existing, cancellationToken) is not { } room)
            {
                return NotFound();
            }
            Input = RoomInput.From(room);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        Room? room = null;
        if (id is { } existing && (room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == existing, cancellationToken)) is null)
        {
            return NotFound();
        }
        var rates = Input.ReadRates(ModelState);
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Rooms.AnyAsync(r => r.Name == name && r.ArchivedAt == null && r.Id != id, cancellationToken))
        {
            ModelState.AddRefusal($"{nameof(Input)}.{nameof(RoomInput.Name)}", new Refusal("Er is al een ruimte met deze naam."));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        if (room is null)
        {
            room = new Room { Name = name, CreatedAt = time.UtcNow() };
            db.Rooms.Add(room);
        }
        room.Name = name;
        room.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        room.Capacity = Input.Capacity!.Value;
        room.Facilities = Input.Facilities.Aggregate(Facility.None, (all, f) => all | f);
        room.Unit = Input.Unit;
        (room.SocialRateCents, room.EntrepreneurRateCents, room.CommercialRateCents) = rates;
        room.OpensAt = Input.OpensAt!.Value;
        room.ClosesAt = Input.ClosesAt!.Value;
        room.OpenDays = Input.OpenDays.Aggregate(0, (all, d) => all | (1 << (int)d));
        room.AcceptsRequests = Input.AcceptsRequests;
        room.FeedIsPublic = Input.FeedIsPublic;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(IsNew ? "Ruimte {0} is toegevoegd." : "Ruimte {0} is bijgewerkt.", room.Name);
        return RedirectToPage("/Rooms/Details", new { id = room.Id });
    }

    public sealed class RoomInput : IValidatableObject
    {
        [Required(ErrorMessage = "Vul de naam van de ruimte in.")]
        [StringLength(Room.NameMax, ErrorMessage = "De naam mag maximaal {1} tekens lang zijn.")]
        public string? Name { get; set; }

        [StringLength(Room.DescriptionMax, ErrorMessage = "De beschrijving mag maximaal {1} tekens lang zijn.")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Vul in voor hoeveel personen de ruimte is.")]
        [Range(1, Room.CapacityMax, ErrorMessage = "Het aantal personen moet tussen {1} en {2} liggen.")]
        public int? Capacity { get; set; }

        public List<Facility> Facilities { get; set; } = [];
        public TariffUnit Unit { get; set; }
        public string? SocialRate { get; set; } = "0";
        public string? EntrepreneurRate { get; set; } = "0";
        public string? CommercialRate { get; set; } = "0";

        [Required(ErrorMessage = "Vul in hoe laat de ruimte opengaat.")]
        public TimeOnly? OpensAt { get; set; } = new(9, 0);

        [Required(ErrorMessage = "Vul in hoe laat de ruimte sluit.")]
        public TimeOnly? ClosesAt { get; set; } = new(22, 0);

        public List<DayOfWeek> OpenDays { get; set; } =
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        [Infrastructure.Localization.AlwaysSent] public bool AcceptsRequests { get; set; }
        [Infrastructure.Localization.AlwaysSent] public bool FeedIsPublic { get; set; }

        public static RoomInput From(Room r) => new()
        {
            Name = r.Name, Description = r.Description, Capacity = r.Capacity,
            Facilities = RoomRules.AllFacilities.Where(f => r.Facilities.HasFlag(f)).ToList(), Unit = r.Unit,
            SocialRate = RoomViews.EuroInput(r.SocialRateCents), EntrepreneurRate = RoomViews.EuroInput(r.EntrepreneurRateCents),
            CommercialRate = RoomViews.EuroInput(r.CommercialRateCents), OpensAt = r.OpensAt, ClosesAt = r.ClosesAt,
            OpenDays = Enum.GetValues<DayOfWeek>().Where(r.IsOpenOn).ToList(), AcceptsRequests = r.AcceptsRequests, FeedIsPublic = r.FeedIsPublic,
        };

        /// <summary>The three rates in cents; a rate that cannot be read or is negative adds an error.</summary>
        public (long Social, long Entrepreneur, long Commercial) ReadRates(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
        {
            long Read(string? text, string field, string label)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return 0;
                }
                if (!Budget.Money.TryParse(text, out var cents))
                {
                    state.AddRefusal($"{nameof(Input)}.{field}", new Refusal("Vul het tarief {0} in euro's in, bijvoorbeeld 12,50.", label));
                    return 0;
                }
                if (RoomRules.CheckRate(cents, label) is { } problem)
                {
                    state.AddRefusal($"{nameof(Input)}.{field}", problem);
                }
                return cents;
            }
            return (Read(SocialRate, nameof(SocialRate), "sociaal"), Read(EntrepreneurRate, nameof(EntrepreneurRate), "buurtondernemer"),
                Read(CommercialRate, nameof(CommercialRate), "commercieel"));
        }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (OpensAt is { } o && ClosesAt is { } c && c <= o)
            {
                yield return new ValidationResult("De sluitingstijd moet na de openingstijd liggen.", [nameof(ClosesAt)]);
            }
            if (!Enum.IsDefined(Unit) || Facilities.Any(f => !RoomRules.AllFacilities.Contains(f)) || OpenDays.Any(d => !Enum.IsDefined(d)))
            {
                yield return new ValidationResult("Kies uit de lijst.", [nameof(Unit)]);
            }
        }
    }
}

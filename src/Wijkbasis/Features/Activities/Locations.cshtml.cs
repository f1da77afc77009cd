using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

public sealed class LocationsModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(Name = nameof(Input))] public LocationInput Input { get; set; } = new();
    public List<Location> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && await db.Locations.AnyAsync(l => l.Name == name && l.ArchivedAt == null, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "Er is al een locatie met deze naam.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        db.Locations.Add(new Location
        {
            Name = name,
            Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim(),
            IsPopUp = Input.IsPopUp,
            Label = Input.IsPopUp && !string.IsNullOrWhiteSpace(Input.Label) ? Input.Label.Trim() : null,
            AvailableFrom = Input.IsPopUp ? Input.AvailableFrom : null,
            AvailableUntil = Input.IsPopUp ? Input.AvailableUntil : null,
            CreatedAt = time.UtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Locatie {0} is toegevoegd.", name);
        return RedirectToPage("/Activities/Locations");
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await db.Locations.SingleOrDefaultAsync(l => l.Id == id && l.ArchivedAt == null, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }
        if (await db.Activities.AnyAsync(a => a.LocationId == id && a.ArchivedAt == null, cancellationToken))
        {
            TempData.Say("Locatie {0} is nog in gebruik bij een activiteit. Kies daar eerst een andere locatie.", location.Name);
            return RedirectToPage("/Activities/Locations");
        }
        location.ArchivedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Locatie {0} staat niet meer in de lijst.", location.Name);
        return RedirectToPage("/Activities/Locations");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Locations = await db.Locations.AsNoTracking().Where(l => l.ArchivedAt == null).OrderBy(l => l.Name).ToListAsync(cancellationToken);

    public sealed class LocationInput : IValidatableObject
    {
        [Required(ErrorMessage = "Vul de naam van de locatie in.")]
        [StringLength(Location.NameMax, ErrorMessage = "De naam mag maximaal {1} tekens lang zijn.")]
        public string? Name { get; set; }

        [StringLength(Location.AddressMax, ErrorMessage = "Het adres mag maximaal {1} tekens lang zijn.")]
        public string? Address { get; set; }

        public bool IsPopUp { get; set; }

        [StringLength(Location.LabelMax, ErrorMessage = "Het soort plek mag maximaal {1} tekens lang zijn.")]
        public string? Label { get; set; }

        public DateOnly? AvailableFrom { get; set; }
        public DateOnly? AvailableUntil { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (AvailableFrom is { } from && AvailableUntil is { } until && until < from)
            {
                yield return new ValidationResult("De einddatum moet op of na de begindatum liggen.", [nameof(AvailableUntil)]);
            }
        }
    }
}

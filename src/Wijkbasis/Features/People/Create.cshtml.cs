using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.People;

public sealed class CreateModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(Name = nameof(Input))] public PersonInput Input { get; set; } = new();
    [BindProperty] public bool Confirmed { get; set; }

    public List<Duplicate> Duplicates { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var person = new Person { Name = "" };
        await Input.ApplyToAsync(person, db, cancellationToken);
        if (!Confirmed)
        {
            Duplicates = await FindDuplicatesAsync(db, person, cancellationToken);
            if (Duplicates.Count > 0)
            {
                return Page();
            }
        }
        person.CreatedAt = person.UpdatedAt = time.UtcNow();
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is toegevoegd.", person.Name);
        return Redirect($"/{tenant.Slug}/mensen/{person.Id}");
    }

    /// <summary>Same name, birth year and postcode: probably the same person.</summary>
    internal static Task<List<Duplicate>> FindDuplicatesAsync(WijkbasisDb db, Person p, CancellationToken cancellationToken) =>
        db.People.Where(o => o.Id != p.Id && o.SearchName == p.SearchName && o.BirthYear == p.BirthYear && o.Postcode == p.Postcode)
            .OrderBy(o => o.CreatedAt)
            .Select(o => new Duplicate(o.Id, o.Name, o.BirthYear, o.Postcode))
            .Take(5)
            .ToListAsync(cancellationToken);

    public sealed record Duplicate(Guid Id, string Name, int? BirthYear, string? Postcode);
}

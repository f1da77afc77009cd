using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.People;

public sealed class CreateModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(Name = nameof(Input))] public PersonInput Input { get; set; } = new();
    /// <summary>The user confirmed it is someone else than the possible duplicates shown.</summary>
    [BindProperty] public bool Confirmed { get; set; }

    public IReadOnlyList<PersonRegistration.Duplicate> Duplicates { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var person = new Person { Name = "" };
        await Input.ApplyToAsync(person, db, cancellationToken);
        var registration = await PersonRegistration.RegisterAsync(db, person, consent: null, someoneElse: Confirmed, time.UtcNow(), cancellationToken);
        if (!registration.Added)
        {
            Duplicates = registration.Duplicates;
            return this.Refuse();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is toegevoegd.", person.Name);
        return RedirectToPage("/People/Details", new { id = person.Id });
    }
}

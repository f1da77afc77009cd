using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.People;

public sealed class EditModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        // The form shows the whole record: that is a look, and it is logged.
        await audit.RecordViewAsync(person, cancellationToken);
        Input = PersonInput.From(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await Input.ApplyToAsync(person, db, cancellationToken);
        if (db.Entry(person).State == EntityState.Modified)
        {
            person.UpdatedAt = time.UtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Message"] = "De gegevens zijn opgeslagen.";
        return Redirect($"/{tenant.Slug}/mensen/{person.Id}");
    }
}

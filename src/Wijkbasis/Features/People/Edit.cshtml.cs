using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.People;

public sealed class EditModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = nameof(Input))] public PersonInput Input { get; set; } = new();
    /// <summary>The version the form was filled in on.</summary>
    [BindProperty] public int Version { get; set; }

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
        Version = person.Version;
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
            return this.Refuse();
        }
        if (person.Version != Version)
        {
            return Conflict(person);
        }
        await Input.ApplyToAsync(person, db, cancellationToken);
        if (db.Entry(person).State == EntityState.Modified)
        {
            person.UpdatedAt = time.UtcNow();
            person.Version++;
            try
            {
                await Talents.TalentSharing.ApplyAsync(db, tenant, person.Id, null, person.UpdatedAt, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed between our read and our write.
                var current = await db.People.AsNoTracking().SingleAsync(p => p.Id == Id, cancellationToken);
                return Conflict(current);
            }
        }
        TempData.Say("De gegevens zijn opgeslagen.");
        return RedirectToPage("/People/Details", new { id = person.Id });
    }

    /// <summary>Someone else saved first: keep what this user typed, show that the record changed.</summary>
    private IActionResult Conflict(Person current)
    {
        ModelState.Remove(nameof(Version));
        Version = current.Version;
        return this.Refuse(new Refusal("Iemand anders heeft de gegevens van {0} net gewijzigd. Controleer uw wijzigingen en sla opnieuw op.", current.Name));
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.People;

/// <summary>Archiving hides a person from the lists without losing anything; restore undoes it.</summary>
public sealed class ArchiveModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var name = await db.People.Where(p => p.Id == Id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }
        Name = name;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SetArchivedAsync(true, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        SetArchivedAsync(false, cancellationToken);

    private async Task<IActionResult> SetArchivedAsync(bool archive, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if ((person.ArchivedAt is not null) != archive)
        {
            var now = time.UtcNow();
            person.ArchivedAt = archive ? now : null;
            person.UpdatedAt = now;
            person.Version++;
            await Talents.TalentSharing.ApplyAsync(db, tenant, person.Id, null, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Say(archive ? "{0} is gearchiveerd. Op deze pagina kunt u dat terugzetten." : "{0} staat weer in de lijst.", person.Name);
        return RedirectToPage("/People/Details", new { id = person.Id });
    }
}

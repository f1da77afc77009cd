using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Features.People;

public sealed class DetailsModel(WijkbasisDb db, AuditLog audit, Infrastructure.Tenancy.TenantContext tenant) : PageModel
{
    public const int LooksShown = 20;

    public Person Person { get; private set; } = null!;
    public string? BuurtName { get; private set; }
    public Dictionary<ConsentPurpose, ConsentRecord> Current { get; private set; } = [];
    public List<ConsentRecord> History { get; private set; } = [];
    /// <summary>The latest looks and changes, for the coordinator (the person may ask who saw their data).</summary>
    public List<AuditEntry> Looks { get; private set; } = [];
    public PersonVisits.Summary Visits { get; private set; } = new(0, null, null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Consents)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        // The look is logged before anything is shown.
        await audit.RecordViewAsync(person, cancellationToken);
        Person = person;
        BuurtName = await db.PostcodeAreas.Where(a => a.BuurtCode == person.BuurtCode).Select(a => a.BuurtName).FirstOrDefaultAsync(cancellationToken);
        History = person.Consents.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).ToList();
        Current = ConsentRules.InForce(person.Consents);
        Visits = await PersonVisits.SummaryAsync(db, id, cancellationToken);
        if (tenant.IsInRole(Infrastructure.Auth.Roles.Coordinator))
        {
            // Rows about this person and list rows that showed them (a session's visitors, a list of requests).
            Looks = await AuditLog.AboutPerson(db, id).AsNoTracking()
                .OrderByDescending(a => a.Id).Take(LooksShown).ToListAsync(cancellationToken);
        }
        return Page();
    }
}

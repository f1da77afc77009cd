using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Features.People;

/// <summary>A person's own visit history: the sessions they were checked in at, newest first, paged, with the total and
/// the first and last visit. Guarded like the person's page (PersonFile); the look is audited like a look at the person.</summary>
public sealed class VisitsModel(WijkbasisDb db, AuditLog audit) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public Person Person { get; private set; } = null!;
    public PersonVisits.Summary Summary { get; private set; } = new(0, null, null);
    public int PageCount => Math.Max(1, (Summary.Total + PageSize - 1) / PageSize);
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        // The look is logged before anything is shown.
        await audit.RecordViewAsync(person, cancellationToken);
        Person = person;
        Summary = await PersonVisits.SummaryAsync(db, Id, cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await db.CheckIns.AsNoTracking().Where(c => c.PersonId == Id)
            .Join(db.Sessions, c => c.SessionId, s => s.Id, (c, s) => s)
            .OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new Row(s.Id, s.ActivityId, s.Activity!.Name, s.StartsAt, s.EndsAt,
                Location.DisplayOf(s.Location!.Name, s.Location.IsPopUp, s.Location.Label)))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public string PageLink(int page) => QueryString.Create("pagina", page.ToString()).ToUriComponent();

    public sealed record Row(Guid SessionId, Guid ActivityId, string Activity, DateTime StartsAt, DateTime EndsAt, string Location);
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Intakes;

/// <summary>The intakes this user may see (their own; a caseworker all), newest first.</summary>
public sealed class IndexModel(WijkbasisDb db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Person, DateOnly HeldOn, string ByName, CaseWeight Proposed, CaseWeight? Decided, IntakeStatus Status);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Intakes.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await db.Intakes.AsNoTracking()
            .OrderByDescending(i => i.HeldOn).ThenByDescending(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.People, i => i.PersonId, p => p.Id, (i, p) => new Row(i.Id, p.Name, i.HeldOn, i.ByName, i.ProposedWeight, i.DecidedWeight, i.Status))
            .ToListAsync(cancellationToken);
    }
}

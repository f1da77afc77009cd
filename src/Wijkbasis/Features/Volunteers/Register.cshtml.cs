using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Vrager → drager: the people who first came for support and now give, with both dates (rule in
/// <see cref="VragerDrager"/> and docs/decisions/0012).</summary>
public sealed class RegisterModel(WijkbasisDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;

    public sealed record Line(Guid PersonId, string Name, DateOnly AskedSince, DateOnly GivesSince, VragerDrager.GivingKind FirstGiving);
    public List<Line> Lines { get; private set; } = [];
    public int Total { get; private set; }
    public int VragersNotYetGiving { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Where(p => p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name, p.IsVrager, p.CreatedAt }).ToListAsync(cancellationToken);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var facts = await VragerDrager.FactsAsync([.. people.Select(p => new VragerDrager.Person(p.Id, p.IsVrager, p.CreatedAt))],
            db.Matches.AsNoTracking(), db.Contributions.AsNoTracking(), db.VolunteerHours.AsNoTracking(), onlyThese: false, cancellationToken);
        var lines = new List<Line>();
        var notYet = 0;
        foreach (var f in facts)
        {
            if (VragerDrager.RowOf(f) is { } row)
            {
                lines.Add(new Line(f.PersonId, names[f.PersonId], row.AskedSince, row.GivesSince, row.FirstGiving));
            }
            else if (VragerDrager.AskedSince(f) is not null && VragerDrager.GivesSince(f) is null)
            {
                notYet++;
            }
        }
        VragersNotYetGiving = notYet;
        Total = lines.Count;
        Pagina = Math.Clamp(Pagina, 1, Pages);
        Lines = lines.OrderByDescending(l => l.GivesSince).ThenBy(l => l.Name, StringComparer.CurrentCulture)
            .Skip((Pagina - 1) * PageSize).Take(PageSize).ToList();
    }
}

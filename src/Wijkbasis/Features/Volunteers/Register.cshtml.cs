using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Talents;

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
        var received = await db.Matches.AsNoTracking().GroupBy(m => m.ReceiverPersonId)
            .Select(g => new { g.Key, First = g.Min(m => m.SuggestedAt) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        var gaveMatch = await db.Matches.AsNoTracking().Where(m => m.DoneAt != null).GroupBy(m => m.GiverPersonId)
            .Select(g => new { g.Key, First = g.Min(m => m.DoneAt!.Value) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        var contributed = await db.Contributions.AsNoTracking().GroupBy(c => c.PersonId)
            .Select(g => new { g.Key, First = g.Min(c => c.GivenOn) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        var worked = await db.VolunteerHours.AsNoTracking().GroupBy(h => h.PersonId)
            .Select(g => new { g.Key, First = g.Min(h => h.WorkedOn) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);

        static DateOnly? Day(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(Infrastructure.Time.Clock.ToAmsterdam(u)) : null;
        var lines = new List<Line>();
        var notYet = 0;
        foreach (var p in people)
        {
            var facts = new VragerDrager.Facts(p.Id, p.IsVrager ? Day(p.CreatedAt) : null,
                Day(received.TryGetValue(p.Id, out var r) ? r : null),
                contributed.TryGetValue(p.Id, out var c) ? c : null,
                worked.TryGetValue(p.Id, out var w) ? w : null,
                Day(gaveMatch.TryGetValue(p.Id, out var g) ? g : null));
            if (VragerDrager.RowOf(facts) is { } row)
            {
                lines.Add(new Line(p.Id, p.Name, row.AskedSince, row.GivesSince, row.FirstGiving));
            }
            else if (VragerDrager.AskedSince(facts) is not null && VragerDrager.GivesSince(facts) is null)
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

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Cases;

/// <summary>The cases this user may see, with the "losing touch" list: open cases without contact for N days.</summary>
public sealed class IndexModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Person, string Buddy, DateTime OpenedAt, DateTime? LastContactAt, bool Transfer, CaseStatus Status);

    [BindProperty(SupportsGet = true, Name = "contact-kwijt")] public bool LosingTouch { get; set; }
    [BindProperty(SupportsGet = true, Name = "afgesloten")] public bool Closed { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int LosingTouchDays { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.UtcNow();
        LosingTouchDays = await db.ProgrammeSettings.Select(s => (int?)s.LosingTouchDays).SingleOrDefaultAsync(cancellationToken)
            ?? ProgrammeSettings.DefaultLosingTouchDays;
        var query = db.Cases.AsNoTracking().Where(c => c.Status == (Closed ? CaseStatus.Closed : CaseStatus.Open));
        if (LosingTouch)
        {
            var before = Now.AddDays(-LosingTouchDays);
            query = query.Where(c => (c.LastContactAt ?? c.OpenedAt) < before);
        }
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query.OrderBy(c => c.LastContactAt ?? c.OpenedAt).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { c, p.Name })
            .Join(db.Buddies, x => x.c.OwnerBuddyId, b => b.Id, (x, b) => new Row(x.c.Id, x.Name, b.Name, x.c.OpenedAt, x.c.LastContactAt, x.c.TransferToBuddyId != null, x.c.Status))
            .ToListAsync(cancellationToken);
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Buddies;

public sealed class IndexModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Buddy Buddy, int ActiveCases, int LosingTouch);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public DateOnly Today { get; private set; }
    public int LosingTouchDays { get; private set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "archief")] public bool Archived { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        var query = db.Buddies.AsNoTracking().Where(b => Archived ? b.ArchivedAt != null : b.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // translated to LOWER(...) LIKE on both databases
            query = query.Where(b => b.Name.ToLower().Contains(q) || b.Skills.Contains(q) || b.Languages.Contains(q)
                || (b.Organisation != null && b.Organisation.ToLower().Contains(q)));
#pragma warning restore CA1862
        }
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var buddies = await query.OrderBy(b => b.Name).ThenBy(b => b.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = buddies.Select(b => b.Id).ToList();
        // Only a count per buddy: who the residents are stays behind the access filter.
        var load = (await TenantBypass.OwnersOfOpenCases(db).Where(owner => ids.Contains(owner))
            .GroupBy(owner => owner).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToDictionary(g => g.Key, g => g.Count);
        LosingTouchDays = await db.ProgrammeSettings.Select(s => (int?)s.LosingTouchDays).SingleOrDefaultAsync(cancellationToken)
            ?? Cases.ProgrammeSettings.DefaultLosingTouchDays;
        var before = time.UtcNow().AddDays(-LosingTouchDays);
        var losing = (await TenantBypass.OwnersOfCasesWithoutContactSince(db, before).Where(owner => ids.Contains(owner))
            .GroupBy(owner => owner).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToDictionary(g => g.Key, g => g.Count);
        Rows = buddies.Select(b => new Row(b, load.GetValueOrDefault(b.Id), losing.GetValueOrDefault(b.Id))).ToList();
    }
}

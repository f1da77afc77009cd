using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Talents;

/// <summary>All matches between neighbours, by status, with the ones that have stalled on top (not moved for
/// <see cref="TalentOptions.StalledAfterDays"/> days): the coordinator's reminder list.</summary>
public sealed class MatchesModel(WijkbasisDb db, TimeProvider time, IOptions<TalentOptions> options) : PageModel
{
    public const int PageSize = 25;

    /// <summary>"open" (default), "alle", or a status.</summary>
    [BindProperty(SupportsGet = true, Name = "status")] public string? Filter { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public int StalledAfterDays => options.Value.StalledAfterDays;
    public List<Row> Stalled { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public Dictionary<MatchStatus, int> Counts { get; private set; } = [];

    public sealed record Row(Guid Id, string GiverName, string ReceiverName, string About, MatchStatus Status, DateTime LastMovedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var stalledBefore = time.UtcNow().AddDays(-StalledAfterDays);
        var open = new[] { MatchStatus.Suggested, MatchStatus.Introduced, MatchStatus.Agreed };
        Stalled = await Project(db.Matches.AsNoTracking().Where(m => open.Contains(m.Status) && m.LastMovedAt < stalledBefore)
            .OrderBy(m => m.LastMovedAt)).Take(50).ToListAsync(cancellationToken);

        var query = db.Matches.AsNoTracking();
        if (Filter is null or "open")
        {
            query = query.Where(m => open.Contains(m.Status));
        }
        else if (Enum.TryParse<MatchStatus>(Filter, ignoreCase: false, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(m => m.Status == status);
        }
        else
        {
            Filter = "alle";
        }
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await Project(query.OrderByDescending(m => m.LastMovedAt).ThenBy(m => m.Id))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Counts = (await db.Matches.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
    }

    private IQueryable<Row> Project(IQueryable<Match> matches) => matches.Select(m => new Row(m.Id,
        db.People.Where(p => p.Id == m.GiverPersonId).Select(p => p.Name).First(),
        db.People.Where(p => p.Id == m.ReceiverPersonId).Select(p => p.Name).First(),
        m.About, m.Status, m.LastMovedAt));
}

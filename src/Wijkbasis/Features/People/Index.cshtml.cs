using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.People;

public sealed class IndexModel(WijkbasisDb db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Buurt { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archief { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Buurt) || Archief;
    public List<Row> Rows { get; private set; } = [];
    public List<(string Code, string Name)> Buurten { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An erased person's tombstone is never listed, not even under "archived" (docs/decisions/0023).
        var query = db.People.AsNoTracking();
        if (!Archief)
        {
            query = query.Where(p => p.ArchivedAt == null);
        }
        query = query.Matching(Q);
        if (!string.IsNullOrEmpty(Buurt))
        {
            query = query.Where(p => p.BuurtCode == Buurt);
        }

        // The page first: when the first page is not full, it holds everyone found and no count is needed (one round
        // trip for most searches). A page past the end (an old link) falls back to the last page.
        PageNumber = Math.Max(1, PageNumber);
        Rows = await PageAsync(query, PageNumber, cancellationToken);
        if (PageNumber == 1 && Rows.Count < PageSize)
        {
            Total = Rows.Count;
        }
        else
        {
            Total = await query.CountAsync(cancellationToken);
            if (PageNumber > PageCount)
            {
                PageNumber = PageCount;
                Rows = await PageAsync(query, PageNumber, cancellationToken);
            }
        }

        // The buurten where someone of this enterprise lives, in one round trip (an index probe per buurt).
        Buurten = (await db.PostcodeAreas.AsNoTracking()
                .Where(a => db.People.Any(p => p.BuurtCode == a.BuurtCode))
                .Select(a => new { a.BuurtCode, a.BuurtName }).Distinct().ToListAsync(cancellationToken))
            .Select(a => (a.BuurtCode, a.BuurtName))
            .OrderBy(a => a.BuurtName, StringComparer.CurrentCulture).ToList();
    }

    private Task<List<Row>> PageAsync(IQueryable<Person> query, int page, CancellationToken cancellationToken) => query
        .OrderBy(p => p.SearchName).ThenBy(p => p.Id)
        .Skip((page - 1) * PageSize).Take(PageSize)
        .Select(p => new Row(p.Id, p.Name, p.BirthYear, p.Postcode,
            db.PostcodeAreas.Where(a => a.BuurtCode == p.BuurtCode).Select(a => a.BuurtName).FirstOrDefault(),
            p.IsVrager, p.IsDrager, p.ArchivedAt != null))
        .ToListAsync(cancellationToken);

    public sealed record Row(Guid Id, string Name, int? BirthYear, string? Postcode, string? BuurtName,
        bool IsVrager, bool IsDrager, bool Archived);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.People;

public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
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
        var query = Found();

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

    /// <summary>The people the filters find. An erased person's tombstone is never listed, not even under "archived"
    /// (docs/decisions/0023).</summary>
    private IQueryable<Person> Found()
    {
        // An erased person's tombstone is never listed, not even under "archived": the model hides it (docs/decisions/0023).
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
        return query;
    }

    /// <summary>Who may download the register: those who may open a person's record (a volunteer finds people for
    /// check-in but takes no copy of the register away, docs/decisions/0024 and 0025).</summary>
    public bool MayExport => AreaAccess.Allows(PeopleArea.PersonFile, User, tenant);

    public ExportButtons Downloads => new("/People/Index", new Dictionary<string, string>
    {
        ["q"] = Q ?? "", ["buurt"] = Buurt ?? "", ["archief"] = Archief ? "true" : "false",
    }, AsksPurpose: true, Choice, Other);

    private string? Choice { get; set; }
    private string? Other { get; set; }

    /// <summary>Everyone the current filters find (not one page), CSV or XLSX, after the purpose (docs/decisions/0025).</summary>
    public Task<IActionResult> OnGetCsvAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        ExportAsync(ExportFormat.Csv, doel, anders, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        ExportAsync(ExportFormat.Xlsx, doel, anders, cancellationToken);

    private async Task<IActionResult> ExportAsync(ExportFormat format, string? doel, string? anders, CancellationToken cancellationToken)
    {
        if (!MayExport)
        {
            return Forbid();
        }
        var (purpose, problem, field) = ExportPurpose.Read(doel, anders);
        if (problem is not null)
        {
            (Choice, Other) = (doel, anders);
            await OnGetAsync(cancellationToken);
            return this.Refuse(problem, field);
        }
        var rows = await Select(Found().OrderBy(p => p.SearchName).ThenBy(p => p.Id)).ToListAsync(cancellationToken);
        ExportColumn[] columns =
        [
            new(localizer["Naam"]), new(localizer["Geboren"], ExportKind.Number), new(localizer["Postcode"]), new(localizer["Buurt"]),
            new(localizer["Vrager / drager"]), new(localizer["Status"]),
        ];
        string Word(bool value, string word) => value ? localizer[word].Value : "";
        var document = new ExportDocument("mensen", new ExportTable(columns, [.. rows.Select(r => (IReadOnlyList<object?>)
            [r.Name, r.BirthYear, r.Postcode, r.BuurtName,
                string.Join(" ", new[] { Word(r.IsVrager, "vrager"), Word(r.IsDrager, "drager") }.Where(w => w.Length > 0)), Word(r.Archived, "gearchiveerd")])]));
        await audit.RecordExportAsync("Mensen", $"q={Q};buurt={Buurt};archief={Archief}", document.RowCount, format.Key(), purpose,
            rows.Select(r => r.Id), cancellationToken);
        return Export.File(document, format);
    }

    private Task<List<Row>> PageAsync(IQueryable<Person> query, int page, CancellationToken cancellationToken) =>
        Select(query.OrderBy(p => p.SearchName).ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);

    private IQueryable<Row> Select(IQueryable<Person> query) => query
        .Select(p => new Row(p.Id, p.Name, p.BirthYear, p.Postcode,
            db.PostcodeAreas.Where(a => a.BuurtCode == p.BuurtCode).Select(a => a.BuurtName).FirstOrDefault(),
            p.IsVrager, p.IsDrager, p.ArchivedAt != null));

    public sealed record Row(Guid Id, string Name, int? BirthYear, string? Postcode, string? BuurtName,
        bool IsVrager, bool IsDrager, bool Archived);
}

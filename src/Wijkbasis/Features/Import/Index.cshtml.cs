using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Import;

/// <summary>The enterprise's imports, and a new one: choose what the file holds, upload it (CSV or XLSX).</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Kies wat er in het bestand staat."), Display(Name = "Wat staat er in het bestand")]
    public ImportKind? Kind { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public sealed record Row(Guid Id, string FileName, ImportKind Kind, ImportStatus Status, DateTime CreatedAt, string ByName, int Rows, int Added, int Merged, int Skipped);

    public List<Row> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKey = FormOnce.NewKey();
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Imports = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(50)
            .Select(j => new Row(j.Id, j.FileName, j.Kind, j.Status, j.CreatedAt, j.ByName, j.Rows, j.Added, j.Merged, j.Skipped))
            .ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        var name = Path.GetFileName(Upload?.FileName ?? "").Trim();
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Kies een bestand.");
        }
        else if (Upload.Length > ImportJob.MaxBytes)
        {
            ModelState.AddRefusal(nameof(Upload), new Refusal("Het bestand is groter dan {0} MB.", ImportJob.MaxBytes / 1024 / 1024));
        }
        else if (extension is not (".csv" or ".xlsx" or ".txt"))
        {
            ModelState.AddModelError(nameof(Upload), "Kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx).");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return this.Refuse();
        }
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var xlsx = extension == ".xlsx";
        var (sheet, problem) = ImportSheet.Read(content, xlsx);
        if (sheet is null)
        {
            await LoadAsync(cancellationToken);
            return this.Refuse(problem, nameof(Upload));
        }
        var kind = Kind!.Value;
        var remembered = await db.ImportMappings.AsNoTracking().Where(m => m.Kind == kind).Select(m => m.Mapping).FirstOrDefaultAsync(cancellationToken);
        var job = new ImportJob
        {
            Kind = kind, FileName = name.Length > ImportJob.FileNameMax ? name[..ImportJob.FileNameMax] : name, IsXlsx = xlsx, Content = content,
            Mapping = ColumnMapping.For(kind, sheet.Heads, ColumnMapping.FromJson(remembered)).ToJson(), Rows = sheet.Rows.Count,
            Status = ImportStatus.Open, ByUserId = tenant.UserId, ByName = Cut(tenant.UserName, 100), CreatedAt = time.UtcNow(),
        };
        db.ImportJobs.Add(job);
        FormOnce.Record(db, time, FormKey, Url.Page("/Import/Map", new { id = job.Id }));
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        return RedirectToPage("/Import/Map", new { id = job.Id });
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    public static string StatusLabel(ImportStatus status) => status switch
    {
        ImportStatus.Open => "Nog niet opgeslagen",
        ImportStatus.Queued => "Wacht op opslaan",
        ImportStatus.Running => "Wordt opgeslagen",
        ImportStatus.Committed => "Opgeslagen",
        _ => "Afgebroken",
    };
}

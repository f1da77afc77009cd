using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Import;

/// <summary>Which column holds what: filled in from the mapping the enterprise used last time for this kind of file (or
/// guessed from the heads), saved for next time.</summary>
public sealed class MapModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>Field key → column head ("" = not used).</summary>
    [BindProperty] public Dictionary<string, string?> Columns { get; set; } = new(StringComparer.Ordinal);

    public ImportJob Job { get; private set; } = null!;
    public IReadOnlyList<string> Heads { get; private set; } = [];
    public IReadOnlyList<SheetRow> Sample { get; private set; } = [];
    public IReadOnlyList<ImportField> Fields { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Job = (await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == Id, cancellationToken))!;
        if (Job is null)
        {
            return false;
        }
        Fields = ImportFields.Of(Job.Kind);
        if (Job.Content is not null && ImportSheet.Read(Job.Content, Job.IsXlsx).Sheet is { } sheet)
        {
            Heads = sheet.Heads;
            Sample = sheet.Rows.Take(3).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Job.Status != ImportStatus.Open)
        {
            return RedirectToPage("/Import/Progress", new { id = Id });
        }
        Columns = ColumnMapping.FromJson(Job.Mapping).Columns.ToDictionary(c => c.Key, c => (string?)c.Value, StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Job.Status != ImportStatus.Open)
        {
            return RedirectToPage("/Import/Progress", new { id = Id });
        }
        var mapping = new ColumnMapping();
        foreach (var (key, head) in Columns)
        {
            if (Fields.All(f => f.Key != key) || (!string.IsNullOrEmpty(head) && !Heads.Contains(head)))
            {
                // An unreadable choice is refused, never read as "not used".
                ModelState.AddModelError("", "Kies bij elk veld een kolom uit het bestand, of ‘niet gebruiken’.");
                return this.Refuse();
            }
            if (!string.IsNullOrEmpty(head))
            {
                mapping.Columns[key] = head;
            }
        }
        foreach (var field in Fields.Where(f => f.Required && !mapping.Columns.ContainsKey(f.Key)))
        {
            ModelState.AddRefusal($"Columns[{field.Key}]", new Refusal("Kies de kolom voor {0}.", field.Label));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var json = mapping.ToJson();
        await db.ImportJobs.Where(j => j.Id == Id && j.Status == ImportStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Mapping, json).SetProperty(j => j.Problem, (string?)null), cancellationToken);
        var kind = Job.Kind;
        var remembered = await db.ImportMappings.SingleOrDefaultAsync(m => m.Kind == kind, cancellationToken);
        if (remembered is null)
        {
            db.ImportMappings.Add(new ImportMapping { Kind = kind, Mapping = json, UpdatedAt = time.UtcNow() });
        }
        else
        {
            remembered.Mapping = json;
            remembered.UpdatedAt = time.UtcNow();
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two mappings saved at once: the other one is remembered; this import keeps its own.
        }
        return RedirectToPage("/Import/Check", new { id = Id });
    }
}

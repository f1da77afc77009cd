using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Import;

/// <summary>The dry run: per row what would happen and every problem (row, column, why), and for each probable duplicate
/// the user's choice. Shows, never writes; the commit is queued for the background work, which plans again and writes
/// all rows or none.</summary>
public sealed class CheckModel(WijkbasisDb db, ImportPlanner planner, ImportQueue queue) : PageModel
{
    /// <summary>Rows, and problems, per page (the counts are always complete; every possible duplicate is always on the
    /// page, since its choice is sent with the form).</summary>
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The page of the row table ("pagina") and of the problem table ("problemen"); a page past the end shows
    /// the last one.</summary>
    [BindProperty(SupportsGet = true, Name = "pagina")] public int RowPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "problemen")] public int ProblemPage { get; set; } = 1;

    public static int PageCount(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);

    /// <summary>The page within 1 and the last page.</summary>
    public static int Clamp(int page, int count) => Math.Clamp(page, 1, PageCount(count));

    /// <summary>Row number → Skip, Merge or New, for each probable duplicate, as posted ("Choices[12]"). Read from the form
    /// by hand: a dictionary bound by the model binder falls back to every form field when none is sent.</summary>
    public Dictionary<int, string?> Choices { get; } = [];

    public ImportJob Job { get; private set; } = null!;
    public ImportPlan? Plan { get; private set; }
    public Refusal? Unreadable { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Job = (await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == Id, cancellationToken))!;
        if (Job is null)
        {
            return false;
        }
        if (Job.Status == ImportStatus.Open && Job.Content is not null)
        {
            var (sheet, problem) = ImportSheet.Read(Job.Content, Job.IsXlsx);
            Unreadable = problem;
            if (sheet is not null)
            {
                Plan = await planner.PlanAsync(Job.Kind, sheet, ColumnMapping.FromJson(Job.Mapping), null, cancellationToken);
            }
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // "pagina=abc": an unreadable page number is refused, not read as page 1.
            return BadRequest();
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Plan is not null)
        {
            RowPage = Clamp(RowPage, Plan.Rows.Count);
            ProblemPage = Clamp(ProblemPage, Plan.Problems.Count);
        }
        return Job.Status == ImportStatus.Open ? Page() : RedirectToPage("/Import/Progress", new { id = Id });
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Job.Status != ImportStatus.Open)
        {
            // A second click, or the form sent again: the first one is at work.
            TempData.Say(FormOnce.SentBeforeText);
            return RedirectToPage("/Import/Progress", new { id = Id });
        }
        if (Plan is null || Plan.Problems.Count > 0)
        {
            ModelState.AddModelError("", "Er zijn nog problemen in het bestand. Verbeter het bestand en lees het opnieuw in; er is niets opgeslagen.");
            return this.Refuse();
        }
        var choices = new Dictionary<int, DuplicateChoice>();
        foreach (var row in Plan.Rows.Where(r => r.Action == RowAction.Duplicate))
        {
            Choices[row.Row] = Request.Form.TryGetValue($"Choices[{row.Row}]", out var posted) ? posted.ToString() : null;
            if (Choices[row.Row] is { } text && Enum.TryParse<DuplicateChoice>(text, ignoreCase: false, out var choice)
                && Enum.IsDefined(choice) && !int.TryParse(text, out _))
            {
                choices[row.Row] = choice;
            }
            else
            {
                ModelState.AddRefusal($"Choices[{row.Row}]", new Refusal("Kies bij rij {0}: overslaan, samenvoegen of nieuw.", row.Row));
            }
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var json = JsonSerializer.Serialize(choices);
        var queued = await db.ImportJobs.Where(j => j.Id == Id && j.Status == ImportStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Queued).SetProperty(j => j.Choices, json)
                .SetProperty(j => j.Problem, (string?)null), cancellationToken);
        if (queued == 1)
        {
            queue.Enqueue(Job.TenantId, Id);
        }
        else
        {
            TempData.Say(FormOnce.SentBeforeText);
        }
        return RedirectToPage("/Import/Progress", new { id = Id });
    }

    public async Task<IActionResult> OnPostAbandonAsync(CancellationToken cancellationToken)
    {
        if (!await db.ImportJobs.AnyAsync(j => j.Id == Id, cancellationToken))
        {
            return NotFound();
        }
        // The file goes with the import; an import already queued or committed is left as it is.
        if (await db.ImportJobs.Where(j => j.Id == Id && j.Status == ImportStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Abandoned).SetProperty(j => j.Content, (byte[]?)null), cancellationToken) == 1)
        {
            TempData.Say("De import is afgebroken. Het bestand is verwijderd.");
        }
        return RedirectToPage("/Import/Index");
    }

    public static string ActionLabel(RowAction action) => action switch
    {
        RowAction.Add => "Toevoegen",
        RowAction.Duplicate => "Misschien dubbel",
        RowAction.Skip => "Overslaan",
        _ => "Probleem",
    };
}

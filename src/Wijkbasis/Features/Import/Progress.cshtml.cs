using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Import;

/// <summary>Where a commit is: the page reloads itself every few seconds while the background work runs (no script
/// needed), and may be left; the import goes on without it.</summary>
public sealed class ProgressModel(WijkbasisDb db, ImportQueue queue) : PageModel
{
    public const int ReloadSeconds = 2;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public sealed record View(string FileName, ImportKind Kind, ImportStatus Status, int Rows, int Added, int Merged, int Skipped, string? Problem);

    public View Job { get; private set; } = null!;
    public ImportStage? Stage { get; private set; }
    public bool Busy => Job.Status is ImportStatus.Queued or ImportStatus.Running;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == Id)
            .Select(j => new View(j.FileName, j.Kind, j.Status, j.Rows, j.Added, j.Merged, j.Skipped, j.Problem)).SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return NotFound();
        }
        Job = job;
        Stage = queue.StageOf(Id);
        if (Busy)
        {
            // The browser asks again by itself (the Refresh header every browser honours; no script needed).
            Response.Headers["Refresh"] = ReloadSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }
}

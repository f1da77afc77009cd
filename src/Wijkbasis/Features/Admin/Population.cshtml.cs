using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Wijkbasis.Data;
using Wijkbasis.Features.MunicipalView;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Admin;

/// <summary>The CBS inhabitants per buurt, per year: upload, check (nothing saved yet), then read in (all or nothing).
/// The checked file waits in memory for half an hour under a one-time token, so the admin does not pick it twice and a
/// second click on "Inlezen" finds nothing left to do.</summary>
[RequestSizeLimit(MaxBytes + (64 * 1024))]
public sealed class PopulationModel(WijkbasisDb db, IMemoryCache cache, TimeProvider time, CubePublisher cubes) : PageModel
{
    public const long MaxBytes = 40 * 1024 * 1024;
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public Guid Token { get; set; }

    public sealed record YearRow(int Year, int Buurten, long Inhabitants, DateTime ImportedAt);
    public sealed record Preview(int Year, PopulationImport.Parsed Parsed, int New, int Replaced, int Dropped);

    public IReadOnlyList<YearRow> Years { get; private set; } = [];
    public Preview? Checked { get; private set; }
    public int LastYear => time.AmsterdamToday().Year;

    private string Key(Guid token) => $"cbs-population/{User.FindFirstValue(ClaimTypes.NameIdentifier)}/{token:N}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year ??= LastYear - 1;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (Year is null)
        {
            ModelState.AddModelError(nameof(Year), "Vul het jaar van de cijfers in.");
        }
        else if (Year < PopulationImport.FirstYear || Year > LastYear)
        {
            ModelState.AddRefusal(nameof(Year), new Refusal("Het jaar moet tussen {0} en {1} liggen.", PopulationImport.FirstYear, LastYear));
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Kies een CSV-bestand.");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Het bestand is groter dan 40 MB.");
        }
        if (ModelState.IsValid)
        {
            using var reader = new StreamReader(Upload!.OpenReadStream());
            var parsed = PopulationImport.Parse(reader);
            foreach (var error in parsed.Errors)
            {
                ModelState.AddRefusal(nameof(Upload), error);
            }
            if (parsed.Errors.Count == 0)
            {
                var (added, replaced, dropped) = await PopulationImport.CompareAsync(db, Year!.Value, parsed, cancellationToken);
                Checked = new Preview(Year.Value, parsed, added, replaced, dropped);
                Token = Guid.NewGuid();
                cache.Set(Key(Token), Checked, Kept);
                ModelState.Clear();
                await LoadAsync(cancellationToken);
                return Page();
            }
        }
        await LoadAsync(cancellationToken);
        return this.Refuse();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (Token == Guid.Empty || !cache.TryGetValue(Key(Token), out Preview? preview) || preview is null)
        {
            ModelState.AddModelError(nameof(Upload), "Deze controle is verlopen of al ingelezen. Kies het bestand opnieuw.");
            await LoadAsync(cancellationToken);
            return this.Refuse();
        }
        // Replacing a year is idempotent, so a second click racing the first does no harm; the token goes only once the
        // year is in, so a failure (a locked database) can simply be tried again.
        await PopulationImport.ImportAsync(db, preview.Year, preview.Parsed, time.UtcNow(), cancellationToken);
        // The municipalities' published figures hold shares of the old inhabitants: they are computed again.
        await cubes.ForgetAllAsync(db, cancellationToken);
        cache.Remove(Key(Token));
        TempData.Say("De inwoners van {0} buurten voor {1} zijn ingelezen.", preview.Parsed.Rows.Count, preview.Year);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Years = (await db.BuurtPopulations.GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Buurten = g.Count(), Inhabitants = g.Sum(p => (long)p.Inhabitants), ImportedAt = g.Max(p => p.ImportedAt) })
            .ToListAsync(cancellationToken))
            .OrderByDescending(y => y.Year).Select(y => new YearRow(y.Year, y.Buurten, y.Inhabitants, y.ImportedAt)).ToList();
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Admin;

[RequestSizeLimit(MaxBytes + (64 * 1024))]
public sealed class PostcodesModel(WijkbasisDb db) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    public int Count { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Count = await db.PostcodeAreas.CountAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Kies een CSV-bestand.");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Het bestand is groter dan 20 MB.");
        }
        if (ModelState.IsValid)
        {
            using var reader = new StreamReader(Upload!.OpenReadStream());
            var result = await PostcodeImport.ImportAsync(db, reader, cancellationToken);
            foreach (var error in result.Errors)
            {
                ModelState.AddRefusal(nameof(Upload), error);
            }
            if (result.Errors.Count == 0)
            {
                TempData.Say("{0} postcodes geïmporteerd.", result.Imported);
                return RedirectToPage();
            }
        }
        Count = await db.PostcodeAreas.CountAsync(cancellationToken);
        return this.Refuse();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Enterprise;

/// <summary>An enterprise with a ZRM licence loads the criteria texts per cell; they then show on the intake form.
/// All lines are checked first: one bad line and nothing is saved.</summary>
public sealed class ZrmCriteriaModel(WijkbasisDb db) : PageModel
{
    public const int MaxLines = 200;

    [BindProperty(Name = "Lines")] public string? Lines { get; set; }
    public List<ZrmCriterion> Criteria { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Criteria = await db.ZrmCriteria.AsNoTracking().OrderBy(c => c.Domain).ThenBy(c => c.Level).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parsed = new Dictionary<(ZrmDomain, int), string>();
        var lines = (Lines ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            if (Parse(lines[i]) is not { } cell)
            {
                ModelState.AddRefusal(nameof(Lines), new("Regel {0} klopt niet. Schrijf: domein;niveau;tekst, bijvoorbeeld Financiën;3;…", i + 1));
                continue;
            }
            if (cell.Text.Length > ZrmCriterion.TextMax)
            {
                ModelState.AddRefusal(nameof(Lines), new("De tekst op regel {0} is te lang (hoogstens {1} tekens).", i + 1, ZrmCriterion.TextMax));
                continue;
            }
            if (!parsed.TryAdd((cell.Domain, cell.Level), cell.Text))
            {
                ModelState.AddRefusal(nameof(Lines), new("Regel {0}: {1} niveau {2} staat er twee keer in.", i + 1, Zrm.Name(cell.Domain), cell.Level));
            }
        }
        if (parsed.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddRefusal(nameof(Lines), new("Plak minstens één regel."));
        }
        if (parsed.Count > MaxLines)
        {
            ModelState.AddRefusal(nameof(Lines), new("Hoogstens {0} regels.", MaxLines));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => OnGetAsync(cancellationToken));
        }
        // The loaded texts replace the old ones cell by cell; cells not in the list stay as they were.
        var existing = await db.ZrmCriteria.ToListAsync(cancellationToken);
        foreach (var ((domain, level), text) in parsed)
        {
            if (existing.FirstOrDefault(c => c.Domain == domain && c.Level == level) is { } cell)
            {
                cell.Text = text;
            }
            else
            {
                db.ZrmCriteria.Add(new ZrmCriterion { Domain = domain, Level = level, Text = text });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} criteria zijn geladen.", parsed.Count);
        return RedirectToPage("/Enterprise/ZrmCriteria");
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        await db.ZrmCriteria.ExecuteDeleteAsync(cancellationToken);
        TempData.Say("De criteria zijn verwijderd. Het intakeformulier toont weer alleen de namen van de niveaus.");
        return RedirectToPage("/Enterprise/ZrmCriteria");
    }

    /// <summary>"Financiën;3;text" or "Finances;3;text"; the text may itself contain semicolons.</summary>
    public static (ZrmDomain Domain, int Level, string Text)? Parse(string line)
    {
        var parts = line.Split(';', 3);
        if (parts.Length != 3 || !int.TryParse(parts[1].Trim(), out var level) || !Zrm.IsLevel(level) || parts[2].Trim().Length == 0)
        {
            return null;
        }
        var name = parts[0].Trim();
        var domain = Zrm.Domains.Cast<ZrmDomain?>().FirstOrDefault(d =>
            string.Equals(Zrm.Name(d!.Value), name, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Value.ToString(), name, StringComparison.OrdinalIgnoreCase));
        return domain is null ? null : (domain.Value, level, parts[2].Trim());
    }
}

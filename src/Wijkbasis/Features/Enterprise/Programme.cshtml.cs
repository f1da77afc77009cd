using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Enterprise;

/// <summary>The coordinator sets the triage rule and when a case counts as losing touch.</summary>
public sealed class ProgrammeModel(WijkbasisDb db) : PageModel
{
    [BindProperty(Name = "HeavyAtOrBelow"), Display(Name = "het niveau")] public int HeavyAtOrBelow { get; set; } = TriageRule.Default.HeavyAtOrBelow;
    /// <summary>No initializer: an unticked box is not posted and must read as false.</summary>
    [BindProperty(Name = "SafetyConcernIsHeavy")] public bool SafetyConcernIsHeavy { get; set; }
    [BindProperty(Name = "LosingTouchDays"), Display(Name = "het aantal dagen")] public int LosingTouchDays { get; set; } = ProgrammeSettings.DefaultLosingTouchDays;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var s = await db.ProgrammeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ProgrammeSettings();
        (HeavyAtOrBelow, SafetyConcernIsHeavy, LosingTouchDays) = (s.HeavyAtOrBelow, s.SafetyConcernIsHeavy, s.LosingTouchDays);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (TriageRule.Check(HeavyAtOrBelow) is { } level)
        {
            ModelState.AddRefusal(nameof(HeavyAtOrBelow), level);
        }
        if (ProgrammeSettings.CheckLosingTouchDays(LosingTouchDays) is { } days)
        {
            ModelState.AddRefusal(nameof(LosingTouchDays), days);
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var settings = await db.ProgrammeSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new ProgrammeSettings();
            db.ProgrammeSettings.Add(settings);
        }
        settings.HeavyAtOrBelow = HeavyAtOrBelow;
        settings.SafetyConcernIsHeavy = SafetyConcernIsHeavy;
        settings.LosingTouchDays = LosingTouchDays;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De instellingen van het buddyprogramma zijn opgeslagen.");
        return RedirectToPage("/Enterprise/Programme");
    }
}

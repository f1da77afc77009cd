using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Ownership;

/// <summary>One round: which partners scored, how many "weet niet" each gave, and (for the coordinator) entering a partner's scores.</summary>
public sealed class RoundModel(WijkbasisDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public OwnershipRound Round { get; private set; } = null!;
    public List<OwnershipScoring> Scorings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.OwnershipRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } round)
        {
            return NotFound();
        }
        Round = round;
        Scorings = (await db.OwnershipScorings.AsNoTracking().Where(s => s.RoundId == Id).ToListAsync(ct))
            .OrderBy(s => s.Role).ThenBy(s => s.PartnerKey, StringComparer.Ordinal).ToList();
        return Page();
    }
}

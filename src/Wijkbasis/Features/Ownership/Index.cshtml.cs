using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Ownership;

/// <summary>The rounds of the trap van eigenaarschap, and for a chosen round (the latest by default) per ingrediënt the spread,
/// the change since the round before and where the partners disagree most. The coordinator adds a round here.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ronde")] public Guid? RoundId { get; set; }
    [BindProperty, Display(Name = "de naam van de ronde")] public string? Name { get; set; }
    [BindProperty, Display(Name = "de datum")] public DateOnly? HeldOn { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public sealed record RoundRow(OwnershipRound Round, int Partners);

    public List<RoundRow> Rounds { get; private set; } = [];
    public OwnershipRound? Now { get; private set; }
    public OwnershipRound? Before { get; private set; }
    public IReadOnlyList<IngredientRow> Rows { get; private set; } = [];
    public IReadOnlyList<IngredientRow> Disagreements { get; private set; } = [];
    public IReadOnlyList<PartnerRole> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FormKey = FormOnce.NewKey();
        HeldOn = time.AmsterdamToday();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>False when the asked round is not one of this enterprise's.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var rounds = await db.OwnershipRounds.AsNoTracking().OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        var counts = await db.OwnershipScorings.AsNoTracking().GroupBy(s => s.RoundId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rounds = rounds.Select(r => new RoundRow(r, counts.GetValueOrDefault(r.Id))).ToList();
        var scored = Rounds.Where(r => r.Partners > 0).Select(r => r.Round).ToList();
        if (RoundId is { } id)
        {
            Now = rounds.FirstOrDefault(r => r.Id == id);
            if (Now is null)
            {
                return false;
            }
        }
        else
        {
            Now = scored.FirstOrDefault();
        }
        if (Now is null)
        {
            return true;
        }
        var now = Now;
        Before = scored.FirstOrDefault(r => r.HeldOn < now.HeldOn || (r.HeldOn == now.HeldOn && r.Id.CompareTo(now.Id) < 0));
        var ids = Before is null ? [now.Id] : new[] { now.Id, Before.Id };
        var scorings = await db.OwnershipScorings.AsNoTracking().Where(s => ids.Contains(s.RoundId)).ToListAsync(ct);
        var thisRound = scorings.Where(s => s.RoundId == now.Id).Select(s => (s.Role, Trap.Decode(s.Rungs))).ToList();
        var before = Before is null ? null : scorings.Where(s => s.RoundId == Before.Id).Select(s => (s.Role, Trap.Decode(s.Rungs))).ToList();
        Rows = OwnershipMath.Analyse(thisRound, before);
        Disagreements = OwnershipMath.Disagreements(Rows);
        Roles = thisRound.Select(s => s.Role).Distinct().Order().ToList();
        return true;
    }

    public async Task<IActionResult> OnPostRoundAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, OwnershipArea.OwnershipEdit)).Succeeded)
        {
            return Forbid();
        }
        if (await FormOnce.EarlierAsync(db, FormKey, ct) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        RoundId = null;
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Geef de ronde een naam, bijvoorbeeld ‘Voorjaar 2026’.");
        }
        else if (name.Length > OwnershipRound.NameMax)
        {
            ModelState.AddRefusal(nameof(Name), new Refusal("De naam is te lang (hoogstens {0} tekens).", OwnershipRound.NameMax));
        }
        var today = time.AmsterdamToday();
        if (HeldOn is not { } held)
        {
            if (!(ModelState.TryGetValue(nameof(HeldOn), out var e) && e.Errors.Count > 0))
            {
                ModelState.AddModelError(nameof(HeldOn), "Vul de datum van de ronde in.");
            }
        }
        else if (held < ImpactPeriod.Earliest || held > today.AddYears(1))
        {
            ModelState.AddRefusal(nameof(HeldOn), new Refusal("Kies een datum tussen {0} en een jaar na vandaag.",
                ImpactPeriod.Earliest.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(ct));
        }
        var round = new OwnershipRound { Name = name, HeldOn = HeldOn!.Value, ByName = tenant.DisplayName, CreatedAt = time.UtcNow() };
        db.OwnershipRounds.Add(round);
        FormOnce.Record(db, time, FormKey, Url.Page("/Ownership/Round", new { id = round.Id }));
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(ct), ct) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        TempData.Say("De ronde {0} is toegevoegd.", round.Name);
        return RedirectToPage("/Ownership/Round", new { id = round.Id });
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Ownership;

/// <summary>One form per partner per round: the partner's name and role, and for each of the 20 ingrediënten a rung 1–5 or
/// "weet niet". Every choice must be made and readable; a refused form saves nothing.</summary>
public sealed class ScoringModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "partner")] public Guid? ScoringId { get; set; }
    [BindProperty, Display(Name = "de rol")] public PartnerRole? Role { get; set; }
    [BindProperty, Display(Name = "de partner")] public string? PartnerName { get; set; }
    [BindProperty] public List<string?> Scores { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public OwnershipRound Round { get; private set; } = null!;
    public bool IsNew => ScoringId is null;

    public static string ScoreKey(int index) => $"{nameof(Scores)}[{index}]";

    public string? Sent(int index) => index < Scores.Count ? Scores[index] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.OwnershipRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } round)
        {
            return NotFound();
        }
        Round = round;
        if (ScoringId is { } sid)
        {
            if (await db.OwnershipScorings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid && s.RoundId == Id, ct) is not { } scoring)
            {
                return NotFound();
            }
            (Role, PartnerName, Version) = (scoring.Role, scoring.PartnerName, scoring.Version);
            Scores = [.. Trap.Decode(scoring.Rungs).Select(r => r is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : Trap.Unknown)];
        }
        else
        {
            FormKey = FormOnce.NewKey();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (IsNew && await FormOnce.EarlierAsync(db, FormKey, ct) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (await db.OwnershipRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } round)
        {
            return NotFound();
        }
        Round = round;
        OwnershipScoring? scoring = null;
        if (ScoringId is { } sid && (scoring = await db.OwnershipScorings.SingleOrDefaultAsync(s => s.Id == sid && s.RoundId == Id, ct)) is null)
        {
            return NotFound();
        }
        var name = PartnerName?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(PartnerName), "Vul in welke partner dit is, bijvoorbeeld ‘Bewonersgroep Dorpsplein’.");
        }
        else if (name.Length > OwnershipScoring.NameMax)
        {
            ModelState.AddRefusal(nameof(PartnerName), new Refusal("De naam is te lang (hoogstens {0} tekens).", OwnershipScoring.NameMax));
        }
        else if (Trap.KeyOf(name) is var key && await db.OwnershipScorings.AnyAsync(s => s.RoundId == Id && s.PartnerKey == key && s.Id != ScoringId, ct))
        {
            ModelState.AddRefusal(nameof(PartnerName), new Refusal("{0} heeft in deze ronde al gescoord. Wijzig die scores in plaats van nieuwe in te voeren.", name));
        }
        if ((Role is not { } role || !Enum.IsDefined(role)) && !(ModelState.TryGetValue(nameof(Role), out var roleState) && roleState.Errors.Count > 0))
        {
            ModelState.AddModelError(nameof(Role), "Kies de rol van de partner.");
        }
        var rungs = new int?[Trap.Count];
        if (Scores.Count > Trap.Count)
        {
            ModelState.AddRefusal("", new Refusal("Er zijn meer dan {0} keuzes verstuurd. Vul het formulier opnieuw in.", Trap.Count));
        }
        for (var i = 0; i < Trap.Count; i++)
        {
            var sent = Sent(i);
            if (string.IsNullOrWhiteSpace(sent))
            {
                ModelState.AddRefusal(ScoreKey(i), new Refusal("Kies bij ‘{0}’ een trede of ‘weet niet’.", Trap.Ingredients[i]));
            }
            else if (!Trap.TryRead(sent, out rungs[i]))
            {
                ModelState.AddRefusal(ScoreKey(i), new Refusal("Bij ‘{0}’ is de keuze niet te lezen. Kies een trede of ‘weet niet’.", Trap.Ingredients[i]));
            }
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => Task.CompletedTask);
        }
        if (scoring is not null && scoring.Version != Version)
        {
            return Conflict(scoring.Version);
        }
        var now = time.UtcNow();
        if (scoring is null)
        {
            scoring = new OwnershipScoring { RoundId = Id, PartnerName = name, Rungs = "", ByName = tenant.DisplayName, CreatedAt = now };
            db.OwnershipScorings.Add(scoring);
            FormOnce.Record(db, time, FormKey, Url.Page("/Ownership/Round", new { id = Id }));
        }
        else
        {
            scoring.Version++;
        }
        (scoring.PartnerName, scoring.PartnerKey, scoring.Role, scoring.Rungs, scoring.UpdatedAt) = (name, Trap.KeyOf(name), Role!.Value, Trap.Encode(rungs), now);
        try
        {
            if (await FormOnce.SaveAsync(db, IsNew ? FormKey : null, () => db.SaveChangesAsync(ct), ct) is { Earlier: { } first })
            {
                return this.SentBefore(first);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.OwnershipScorings.AsNoTracking().Where(s => s.Id == ScoringId).Select(s => s.Version).SingleAsync(ct));
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same partner entered twice at once: the unique index answers the second.
            return await this.RefuseAsync(db, () => Task.CompletedTask,
                new Refusal("{0} heeft in deze ronde al gescoord. Wijzig die scores in plaats van nieuwe in te voeren.", name), nameof(PartnerName));
        }
        TempData.Say("De scores van {0} zijn bewaard.", name);
        return RedirectToPage("/Ownership/Round", new { id = Id });
    }

    private IActionResult Conflict(int version)
    {
        db.ChangeTracker.Clear();
        ModelState.Remove(nameof(Version));
        Version = version;
        return this.Refuse(new Refusal("Iemand anders heeft deze scores net gewijzigd. Controleer uw keuzes en sla opnieuw op."));
    }
}

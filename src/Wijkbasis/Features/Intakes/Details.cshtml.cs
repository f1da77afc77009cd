using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Intakes;

/// <summary>An intake: what the resident said, the triage proposal and decision, and the buddy suggestions.</summary>
public sealed class DetailsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit,
    BuddyPoolCache pools) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>Also suggest the other kind of buddy (light help to a professional, heavy to a volunteer).</summary>
    [BindProperty(SupportsGet = true, Name = "anders")] public bool OtherKind { get; set; }
    [BindProperty(Name = "Weight")] public Intakes.CaseWeight? Weight { get; set; }
    [BindProperty(Name = "Reason")] public string? Reason { get; set; }
    [BindProperty(Name = "BuddyId")] public Guid? BuddyId { get; set; }
    [BindProperty(Name = "OfferId")] public Guid? OfferId { get; set; }

    public Intake Intake { get; private set; } = null!;
    public IntakeView View { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public IReadOnlyList<MatchSuggestion> Suggestions { get; private set; } = [];
    public List<BuddyOffer> Offers { get; private set; } = [];
    public Guid? CaseId { get; private set; }

    /// <summary>An offer's sealed reasons, opened for this page (the look at the intake is already audited).</summary>
    public (string? Decline, string? KindOverride) Reasons(BuddyOffer offer) => (
        cipher.Open(offer.DeclineReason, offer, nameof(BuddyOffer.DeclineReason)),
        cipher.Open(offer.KindOverrideReason, offer, nameof(BuddyOffer.KindOverrideReason)));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(tracked: false, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tracked: true, cancellationToken))
        {
            return NotFound();
        }
        if (await RefuseOthersAsync() is { } others)
        {
            return others;
        }
        if (Intake.Status is not IntakeStatus.Open)
        {
            return await RefuseAsync(new("Er is al een buddy gevraagd. Trek die vraag eerst in om licht of zwaar te veranderen."), cancellationToken);
        }
        var proposal = new TriageProposal(Intake.ProposedWeight, []);
        if ((Weight is null ? TriageDecision.NoWeight : TriageDecision.Check(proposal, Weight.Value, Reason)) is { } problem)
        {
            return await RefuseAsync(problem, cancellationToken, nameof(Reason));
        }
        Intake.DecidedWeight = Weight;
        Intake.DecisionReason = Weight == Intake.ProposedWeight && string.IsNullOrWhiteSpace(Reason)
            ? null : cipher.Seal(Reason?.Trim(), Intake, nameof(Intake.DecisionReason));
        Intake.DecidedAt = time.UtcNow();
        Intake.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Besloten: {0}. Kies hieronder een buddy.", TriageDecision.Label(Weight!.Value));
        return RedirectToPage("/Intakes/Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostOfferAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tracked: true, cancellationToken))
        {
            return NotFound();
        }
        if (await RefuseOthersAsync() is { } others)
        {
            return others;
        }
        if (Intake.DecidedWeight is not { } weight)
        {
            return await RefuseAsync(new("Kies eerst licht of zwaar."), cancellationToken);
        }
        if (Intake.Status is not IntakeStatus.Open)
        {
            return await RefuseAsync(Intake.Status == IntakeStatus.Offered
                ? new("Er is al een buddy gevraagd. Wacht op het antwoord of trek de vraag in.")
                : new("Deze bewoner heeft al een buddy."), cancellationToken);
        }
        var buddy = await db.Buddies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == BuddyId && b.ArchivedAt == null, cancellationToken);
        if (buddy is null)
        {
            return await RefuseAsync(new("Deze buddy bestaat niet (meer)."), cancellationToken);
        }
        if (await BuddyPool.BlockerNowAsync(db, buddy.Id, time.AmsterdamToday(), cancellationToken) is { } blocker)
        {
            return await RefuseAsync(blocker, cancellationToken);
        }
        var fits = BuddyMatching.KindFits(weight, buddy.Kind);
        if (!fits && string.IsNullOrWhiteSpace(Reason))
        {
            return await RefuseAsync(weight == Intakes.CaseWeight.Heavy
                ? new("Een zware hulpvraag gaat naar een professional. Schrijf op waarom u toch deze buddy vraagt.")
                : new("Een lichte hulpvraag gaat naar een vrijwilliger, student of ervaringsdeskundige. Schrijf op waarom u toch een professional vraagt."),
                cancellationToken, nameof(Reason));
        }
        if (Reason is { Length: > BuddyOffer.ReasonMax })
        {
            return await RefuseAsync(new("De reden is te lang (hoogstens {0} tekens).", BuddyOffer.ReasonMax), cancellationToken, nameof(Reason));
        }
        var offer = new BuddyOffer
        {
            IntakeId = Intake.Id, PersonId = Intake.PersonId, BuddyId = buddy.Id, BuddyUserId = buddy.UserId,
            OfferedByUserId = tenant.UserId!.Value, OfferedByName = tenant.DisplayName, OfferedAt = time.UtcNow(), Status = OfferStatus.Offered,
        };
        offer.KindOverrideReason = fits ? null : cipher.Seal(Reason!.Trim(), offer, nameof(BuddyOffer.KindOverrideReason));
        db.BuddyOffers.Add(offer);
        Intake.Status = IntakeStatus.Offered;
        Intake.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync(new("Iemand anders heeft net een buddy gevraagd voor deze bewoner."), cancellationToken);
        }
        TempData.Say("{0} is gevraagd. Zodra die accepteert, begint de casus.", buddy.Name);
        return RedirectToPage("/Intakes/Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tracked: true, cancellationToken))
        {
            return NotFound();
        }
        if (await RefuseOthersAsync() is { } others)
        {
            return others;
        }
        var offer = await db.BuddyOffers.SingleOrDefaultAsync(o => o.Id == OfferId && o.IntakeId == Id, cancellationToken);
        if (offer is not { Status: OfferStatus.Offered })
        {
            return await RefuseAsync(new("Deze vraag is al beantwoord of ingetrokken."), cancellationToken);
        }
        offer.Status = OfferStatus.Withdrawn;
        offer.AnsweredAt = time.UtcNow();
        Intake.Status = IntakeStatus.Open;
        Intake.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De vraag is ingetrokken.");
        return RedirectToPage("/Intakes/Details", new { id = Id });
    }

    /// <summary>Only the wijkverbinder who did the intake, or a caseworker, decides and asks buddies
    /// (a buddy who was offered the resident can read it, not steer it).</summary>
    private async Task<IActionResult?> RefuseOthersAsync()
    {
        if (Intake.ByUserId == tenant.UserId || tenant.IsInRole(Infrastructure.Auth.Roles.Caseworker))
        {
            return null;
        }
        await audit.RecordAttemptAsync(nameof(Intake), Id.ToString(), AuditActions.Update, "denied");
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    private Task<IActionResult> RefuseAsync(Refusal refusal, CancellationToken cancellationToken, string key = "") =>
        this.RefuseAsync(db, () => LoadAsync(tracked: false, cancellationToken), refusal, key);

    /// <summary>Loads the intake through the access filter (someone else's intake: 404) and audits the look.</summary>
    private async Task<bool> LoadAsync(bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Intakes : db.Intakes.AsNoTracking();
        if (await query.SingleOrDefaultAsync(i => i.Id == Id, cancellationToken) is not { } intake)
        {
            return false;
        }
        Intake = intake;
        if (!tracked)
        {
            await audit.RecordViewAsync(intake, cancellationToken);
        }
        View = IntakeView.Open(intake, cipher);
        PersonName = await db.People.Where(p => p.Id == intake.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        Offers = await db.BuddyOffers.AsNoTracking().Include(o => o.Buddy).Where(o => o.IntakeId == Id)
            .OrderByDescending(o => o.OfferedAt).ToListAsync(cancellationToken);
        CaseId = await db.Cases.Where(c => c.IntakeId == Id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (intake.DecidedWeight is { } weight && intake.Status == IntakeStatus.Open)
        {
            Suggestions = await SuggestAsync(weight, cancellationToken);
        }
        return true;
    }

    private async Task<IReadOnlyList<MatchSuggestion>> SuggestAsync(Intakes.CaseWeight weight, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == Intake.PersonId)
            .Select(p => new { p.Languages, p.Postcode }).SingleAsync(cancellationToken);
        var declined = Offers.Where(o => o.Status == OfferStatus.Declined).Select(o => o.BuddyId).ToHashSet();
        var request = new MatchRequest(weight, Tags.Normalize(person.Languages), Intake.NeedTags, person.Postcode, Intake.Availability, OtherKind);
        return await BuddyPool.SuggestAsync(db, pools, request, declined, time.AmsterdamToday(), cancellationToken);
    }
}

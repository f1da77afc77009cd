using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Cases;

/// <summary>The buddy's start page: residents they are asked to take on, transfers to them, and the residents
/// they hold on to.</summary>
public sealed class MineModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit) : PageModel
{
    public sealed record OfferView(BuddyOffer Offer, string Person, string NeedTags, IReadOnlyList<string> Goals, CaseWeight? Weight);
    public sealed record CaseRow(Guid Id, string Person, DateTime OpenedAt, DateTime? LastContactAt, bool Incoming);

    [BindProperty(Name = "OfferId")] public Guid? OfferId { get; set; }
    [BindProperty(Name = "Reason")] public string? Reason { get; set; }

    public List<OfferView> Offers { get; private set; } = [];
    public List<CaseRow> Cases { get; private set; } = [];
    public int LosingTouchDays { get; private set; } = ProgrammeSettings.DefaultLosingTouchDays;
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        var offer = await MyOpenOfferAsync(cancellationToken);
        if (offer is null)
        {
            return await RefuseAsync(Gone, cancellationToken);
        }
        if (await BuddyPool.BlockerNowAsync(db, offer.BuddyId, time.AmsterdamToday(), cancellationToken) is { } blocker)
        {
            return await RefuseAsync(blocker, cancellationToken);
        }
        var intake = await db.Intakes.SingleAsync(i => i.Id == offer.IntakeId, cancellationToken);
        var now = time.UtcNow();
        var started = new Case
        {
            PersonId = intake.PersonId, IntakeId = intake.Id, Weight = intake.DecidedWeight ?? intake.ProposedWeight,
            OwnerBuddyId = offer.BuddyId, OwnerUserId = offer.BuddyUserId, CreatedByUserId = intake.ByUserId, OpenedAt = now,
            Status = CaseStatus.Open,
        };
        db.Cases.Add(started);
        // The intake's goals become the case's goals, each sealed for its own row.
        foreach (var goal in IntakeView.OpenGoals(intake, cipher))
        {
            var item = new CaseItem { CaseId = started.Id, PersonId = intake.PersonId, IsGoal = true, ByName = intake.ByName, CreatedAt = now };
            item.Text = cipher.Seal(goal, item, nameof(CaseItem.Text));
            db.CaseItems.Add(item);
        }
        offer.Status = OfferStatus.Accepted;
        offer.AnsweredAt = now;
        intake.Status = IntakeStatus.Matched;
        intake.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return await RefuseAsync(new("Deze bewoner heeft net een andere buddy gekregen, of de vraag is ingetrokken."), cancellationToken);
        }
        TempData.Say("U bent nu de buddy. Houd vast!");
        return RedirectToPage("/Cases/Details", new { id = started.Id });
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        var offer = await MyOpenOfferAsync(cancellationToken);
        if (offer is null)
        {
            return await RefuseAsync(Gone, cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            return await RefuseAsync(new("Schrijf kort op waarom u nee zegt, zodat de wijkverbinder een ander kan vragen."), cancellationToken, nameof(Reason));
        }
        if (Reason.Length > BuddyOffer.ReasonMax)
        {
            return await RefuseAsync(new("De reden is te lang (hoogstens {0} tekens).", BuddyOffer.ReasonMax), cancellationToken, nameof(Reason));
        }
        var intake = await db.Intakes.SingleAsync(i => i.Id == offer.IntakeId, cancellationToken);
        offer.Status = OfferStatus.Declined;
        offer.DeclineReason = cipher.Seal(Reason.Trim(), offer, nameof(BuddyOffer.DeclineReason));
        offer.AnsweredAt = time.UtcNow();
        intake.Status = IntakeStatus.Open;
        intake.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync(new("Deze vraag is net ingetrokken."), cancellationToken);
        }
        TempData.Say("U heeft nee gezegd. De wijkverbinder vraagt iemand anders.");
        return RedirectToPage("/Cases/Mine");
    }

    private Task<BuddyOffer?> MyOpenOfferAsync(CancellationToken cancellationToken) =>
        db.BuddyOffers.SingleOrDefaultAsync(o => o.Id == OfferId && o.BuddyUserId == tenant.UserId && o.Status == OfferStatus.Offered, cancellationToken);

    private static readonly Refusal Gone = new("Deze vraag is er niet meer: ingetrokken of al beantwoord.");

    private Task<IActionResult> RefuseAsync(Refusal refusal, CancellationToken cancellationToken, string key = "") =>
        this.RefuseAsync(db, () => LoadAsync(cancellationToken), refusal, key);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.UtcNow();
        LosingTouchDays = await db.ProgrammeSettings.Select(s => (int?)s.LosingTouchDays).SingleOrDefaultAsync(cancellationToken)
            ?? ProgrammeSettings.DefaultLosingTouchDays;
        var me = tenant.UserId;
        var offers = await db.BuddyOffers.AsNoTracking().Where(o => o.BuddyUserId == me && o.Status == OfferStatus.Offered)
            .OrderBy(o => o.OfferedAt).ToListAsync(cancellationToken);
        var intakeIds = offers.Select(o => o.IntakeId).ToList();
        var intakes = await db.Intakes.AsNoTracking().Where(i => intakeIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var personIds = intakes.Values.Select(i => i.PersonId).Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var shown = offers.Where(o => intakes.ContainsKey(o.IntakeId)).ToList();
        // The goals are shown so the buddy can decide: that is a look at each intake, audited in one go.
        await audit.RecordViewsAsync(shown.Select(o => intakes[o.IntakeId]), cancellationToken);
        Offers = shown.Select(o =>
        {
            var intake = intakes[o.IntakeId];
            return new OfferView(o, names[intake.PersonId], intake.NeedTags, IntakeView.OpenGoals(intake, cipher), intake.DecidedWeight);
        }).ToList();
        Cases = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Open && (c.OwnerUserId == me || c.TransferToUserId == me))
            .OrderBy(c => c.LastContactAt ?? c.OpenedAt)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new CaseRow(c.Id, p.Name, c.OpenedAt, c.LastContactAt, c.TransferToUserId == me))
            .ToListAsync(cancellationToken);
    }
}

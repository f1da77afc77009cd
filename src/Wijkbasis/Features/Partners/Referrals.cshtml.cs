using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Partners;

/// <summary>A resident's warm referrals: make one (why, to whom, who went along, when to ask how it went) and record the
/// outcome later. Sharing the resident's details needs consent in force for <see cref="ConsentPurpose.ShareOnReferral"/>;
/// without it only a worker holding <see cref="Roles.ConsentOverride"/> may share, with a reason, and that writes an audit
/// row the person's access view shows (docs/decisions/0026).</summary>
public sealed class ReferralsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit) : PageModel
{
    /// <summary>The audit action of sharing details without consent in force (at most 20 characters).</summary>
    public const string OverrideAction = "consent-override";
    public const int FollowUpDaysAhead = 366;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty, Display(Name = "de organisatie")] public Guid? OrganisationId { get; set; }
    [BindProperty, Display(Name = "de contactpersoon")] public Guid? ContactId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty, Display(Name = "de datum")] public DateOnly? ReferredOn { get; set; }
    [BindProperty, Display(Name = "wie ging mee")] public Guid? WentAlongUserId { get; set; }
    [BindProperty, Display(Name = "nabellen op")] public DateOnly? FollowUpOn { get; set; }
    [BindProperty, Display(Name = "gegevens gedeeld")] public bool DetailsShared { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    [BindProperty, Display(Name = "de doorverwijzing")] public Guid? ReferralId { get; set; }
    [BindProperty, Display(Name = "hoe het afliep")] public ReferralOutcome? Outcome { get; set; }
    [BindProperty, Display(Name = "de datum van de uitkomst")] public DateOnly? OutcomeOn { get; set; }
    [BindProperty, Display(Name = "opnieuw nabellen op")] public DateOnly? NextFollowUpOn { get; set; }

    public Person Person { get; private set; } = null!;
    public bool ConsentInForce { get; private set; }
    public bool MayOverride { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(Guid Id, string Name, List<(Guid Id, string Name)> Contacts)> Organisations { get; private set; } = [];
    public List<(Guid Id, string Name)> Workers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record Row(Referral Referral, string Organisation, string? Contact, string? Reason);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        FormKey = FormOnce.NewKey();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Person.ArchivedAt is not null)
        {
            ModelState.AddModelError("", "Deze persoon is gearchiveerd. Zet de persoon eerst terug.");
        }
        var organisation = Organisations.FirstOrDefault(o => o.Id == OrganisationId);
        if (organisation.Name is null)
        {
            ModelState.AddModelError(nameof(OrganisationId), "Kies de organisatie waar u naar doorverwijst.");
        }
        else if (ContactId is { } contact && !organisation.Contacts.Any(c => c.Id == contact))
        {
            ModelState.AddModelError(nameof(ContactId), "Kies een contactpersoon van deze organisatie, of niemand.");
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > Referral.ReasonMax)
        {
            ModelState.AddRefusal(nameof(Reason), new Refusal("Schrijf kort waarom u doorverwijst (hoogstens {0} tekens).", Referral.ReasonMax));
        }
        if (ReferredOn is not { } on || on > Today || on < Today.AddYears(-1))
        {
            ModelState.AddModelError(nameof(ReferredOn), "Kies de datum van de doorverwijzing: vandaag of in het afgelopen jaar.");
        }
        string? wentAlongName = null;
        if (WentAlongUserId is { } along && (wentAlongName = Workers.FirstOrDefault(w => w.Id == along).Name) is null)
        {
            ModelState.AddModelError(nameof(WentAlongUserId), "Kies wie er meeging uit de lijst, of niemand.");
        }
        if (FollowUpOn is { } follow && (follow < Today || follow > Today.AddDays(FollowUpDaysAhead)))
        {
            ModelState.AddModelError(nameof(FollowUpOn), follow < Today
                ? "De datum om na te vragen ligt in het verleden. Kies vandaag of later."
                : "Kies een datum om na te vragen binnen een jaar.");
        }
        var overrideReason = OverrideReason?.Trim() ?? "";
        var overridden = false;
        if (DetailsShared && !ConsentInForce)
        {
            if (!MayOverride)
            {
                ModelState.AddModelError(nameof(DetailsShared),
                    "Er is geen toestemming om gegevens te delen bij doorverwijzen. Leg eerst toestemming vast, of sla de doorverwijzing op zonder gegevens te delen.");
            }
            else if (overrideReason.Length == 0 || overrideReason.Length > Referral.OverrideReasonMax)
            {
                ModelState.AddRefusal(nameof(OverrideReason), new Refusal(
                    "Zonder toestemming deelt u gegevens alleen met een reden. Schrijf op waarom het toch moet (hoogstens {0} tekens).", Referral.OverrideReasonMax));
            }
            else
            {
                overridden = true;
            }
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var now = time.UtcNow();
        var referral = new Referral
        {
            PersonId = Person.Id, OrganisationId = organisation.Id, ContactId = ContactId, ReferredOn = ReferredOn!.Value,
            WentAlongUserId = WentAlongUserId, WentAlongName = wentAlongName, FollowUpOn = FollowUpOn, FollowUpUserId = tenant.UserId!.Value,
            DetailsShared = DetailsShared, ByUserId = tenant.UserId!.Value, ByName = tenant.DisplayName, CreatedAt = now,
        };
        referral.Reason = cipher.Seal(reason, referral, nameof(Referral.Reason));
        if (overridden)
        {
            referral.OverrideReason = cipher.Seal(overrideReason, referral, nameof(Referral.OverrideReason));
            // The override commits with the referral, or neither does.
            db.AuditEntries.Add(AuditLog.Row(tenant, now, nameof(Referral), referral.Id.ToString(), OverrideAction, Person.Id));
        }
        db.Referrals.Add(referral);
        FormOnce.Record(db, time, FormKey, Url.Page("/Partners/Referrals", new { id = Person.Id }));
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        TempData.Say(FollowUpOn is null ? "De doorverwijzing naar {0} is vastgelegd." : "De doorverwijzing naar {0} is vastgelegd. Het nabellen staat op uw lijst bij Vandaag.",
            organisation.Name);
        return RedirectToPage("/Partners/Referrals", new { id = Person.Id });
    }

    public async Task<IActionResult> OnPostOutcomeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var referral = ReferralId is { } rid ? await db.Referrals.SingleOrDefaultAsync(r => r.Id == rid && r.PersonId == Id, cancellationToken) : null;
        if (referral is null)
        {
            ModelState.AddModelError(nameof(ReferralId), "Deze doorverwijzing bestaat niet (meer).");
            return this.Refuse();
        }
        if (Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            ModelState.AddModelError(nameof(Outcome), "Kies hoe het afliep.");
        }
        if (OutcomeOn is not { } outcomeOn || outcomeOn > Today || outcomeOn < referral.ReferredOn)
        {
            ModelState.AddModelError(nameof(OutcomeOn), "Kies de datum van de uitkomst: op of na de doorverwijzing, en niet later dan vandaag.");
        }
        if (NextFollowUpOn is { } next && (next < Today || next > Today.AddDays(FollowUpDaysAhead)))
        {
            ModelState.AddModelError(nameof(NextFollowUpOn), "De datum om na te vragen ligt in het verleden. Kies vandaag of later.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        referral.Outcome = Outcome!.Value;
        referral.OutcomeOn = OutcomeOn!.Value;
        // Waiting keeps it on the list (on a new day when given); a final outcome takes it off.
        if (referral.Outcome == ReferralOutcome.Waiting && NextFollowUpOn is { } again)
        {
            referral.FollowUpOn = again;
            referral.FollowUpUserId = tenant.UserId!.Value;
        }
        referral.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De uitkomst is vastgelegd: {0}.", Referral.Label(referral.Outcome.Value));
        return RedirectToPage("/Partners/Referrals", new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        var person = await db.People.AsNoTracking().Include(p => p.Consents)
            .SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (person is null)
        {
            return false;
        }
        Person = person;
        ConsentInForce = ConsentRules.InForce(person.Consents).TryGetValue(ConsentPurpose.ShareOnReferral, out var consent) && consent.Given;
        MayOverride = tenant.IsInRole(Roles.ConsentOverride);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.NameKey).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var contacts = await db.OrganisationContacts.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.OrganisationId, c.Name }).ToListAsync(cancellationToken);
        Organisations = organisations.Select(o => (o.Id, o.Name,
            contacts.Where(c => c.OrganisationId == o.Id).Select(c => (c.Id, c.Name)).ToList())).ToList();
        Workers = await PartnerChoices.WorkersAsync(db, cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == Id)
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        // A look at the person's referrals is a look at their file: logged before it is shown.
        await audit.RecordViewsAsync([person, .. referrals], cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var contactNames = contacts.ToDictionary(c => c.Id, c => c.Name);
        Rows = referrals.Select(r => new Row(r, names.GetValueOrDefault(r.OrganisationId, ""),
            r.ContactId is { } c ? contactNames.GetValueOrDefault(c) : null, cipher.Open(r.Reason, r, nameof(Referral.Reason)))).ToList();
        return true;
    }
}

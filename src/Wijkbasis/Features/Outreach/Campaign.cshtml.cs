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

namespace Wijkbasis.Features.Outreach;

/// <summary>One outreach round: record a door or a talk (anonymous unless the resident wants to be registered),
/// and turn a worry into a signal on someone's work list.</summary>
public sealed class CampaignModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit) : PageModel
{
    public sealed record VisitView(OutreachVisit Visit, string? Note);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = "Address")] public string? Address { get; set; }
    [BindProperty(Name = "On"), Display(Name = "de datum")] public DateOnly? On { get; set; }
    [BindProperty(Name = "Outcome"), Display(Name = "hoe het ging")] public VisitOutcome? Outcome { get; set; }
    [BindProperty(Name = "Note")] public string? Note { get; set; }
    [BindProperty(Name = "PersonName")] public string? PersonName { get; set; }
    [BindProperty(Name = "PersonConsent")] public bool PersonConsent { get; set; }
    /// <summary>Confirms it is a different person from the one with the same name already registered.</summary>
    [BindProperty(Name = "PersonSomeoneElse")] public bool PersonSomeoneElse { get; set; }
    [BindProperty(Name = "SignalDueOn"), Display(Name = "uiterlijk opgepakt op")] public DateOnly? SignalDueOn { get; set; }
    [BindProperty(Name = "AssignTo")] public Guid? AssignTo { get; set; }

    public Campaign Campaign { get; private set; } = null!;
    public List<VisitView> Visits { get; private set; } = [];
    public List<(Guid Id, string Name)> Wijkverbinders { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>The name matched someone already registered: offer "it is someone else".</summary>
    public bool PersonDuplicate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVisitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var today = time.AmsterdamToday();
        if (string.IsNullOrWhiteSpace(Address) || Address.Trim().Length > OutreachVisit.AddressMax)
        {
            ModelState.AddModelError("Address", "Vul het adres of de plek in.");
        }
        // A visit happens during its round: not before it started, not after it ended, not in the future.
        var last = Campaign.EndsOn is { } ends && ends < today ? ends : today;
        if (On is not { } on || on > last || on < Campaign.StartsOn)
        {
            ModelState.AddModelError("On", last < today
                ? "Kies een datum tussen de start en het einde van de ronde."
                : "Kies een datum tussen de start van de ronde en vandaag.");
        }
        if (Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            ModelState.AddModelError("Outcome", "Kies hoe het ging.");
        }
        if (Note is { Length: > OutreachVisit.NoteMax })
        {
            ModelState.AddRefusal("Note", new Refusal("De notitie is te lang (hoogstens {0} tekens).", OutreachVisit.NoteMax));
        }
        if (!string.IsNullOrWhiteSpace(PersonName) && (!PersonConsent || PersonName.Trim().Length > Person.NameMax))
        {
            ModelState.AddModelError("PersonConsent", "Alleen met toestemming van de bewoner maken we een persoon aan. Laat de naam anders leeg: het bezoek blijft anoniem.");
        }
        if (Outcome == VisitOutcome.Signal)
        {
            if (SignalDueOn is not { } due || due < today || due > today.AddMonths(6))
            {
                ModelState.AddModelError("SignalDueOn", "Kies wanneer het signaal uiterlijk is opgepakt (binnen zes maanden).");
            }
            if (!Wijkverbinders.Any(w => w.Id == AssignTo))
            {
                ModelState.AddModelError("AssignTo", "Kies een wijkverbinder die het signaal oppakt.");
            }
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var now = time.UtcNow();
        Person? person = null;
        if (!string.IsNullOrWhiteSpace(PersonName))
        {
            person = await PersonRegistration.NewAsync(db, PersonName, null, null, cancellationToken);
            var registration = await PersonRegistration.RegisterAsync(db, person,
                new PersonRegistration.Consent(tenant.UserId!.Value, tenant.DisplayName, "Vastgelegd bij outreach"),
                PersonSomeoneElse, now, cancellationToken);
            if (!registration.Added)
            {
                PersonDuplicate = true;
                return this.Refuse(new Refusal("{0} staat al in het register. Is het iemand anders met dezelfde naam? Vink dat dan aan. Of laat de naam leeg: dan blijft het bezoek anoniem.", person.Name), "PersonName");
            }
        }
        var visit = new OutreachVisit
        {
            CampaignId = Campaign.Id, Address = Address!.Trim(), On = On!.Value, Outcome = Outcome!.Value, PersonId = person?.Id,
            ByUserId = tenant.UserId, ByName = tenant.DisplayName, At = now,
        };
        visit.Note = cipher.Seal(Note?.Trim(), visit, nameof(OutreachVisit.Note));
        db.OutreachVisits.Add(visit);
        if (Outcome == VisitOutcome.Signal)
        {
            var signal = new Signal
            {
                CampaignId = Campaign.Id, VisitId = visit.Id, About = visit.Address, DueOn = SignalDueOn!.Value, AssignedToUserId = AssignTo!.Value,
                PersonId = person?.Id, CreatedByUserId = tenant.UserId!.Value, ByName = tenant.DisplayName, CreatedAt = now,
            };
            signal.Note = cipher.Seal(Note?.Trim(), signal, nameof(Signal.Note));
            db.Signals.Add(signal);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(Outcome == VisitOutcome.Signal ? "Het bezoek is vastgelegd en het signaal staat op de werklijst." : "Het bezoek is vastgelegd.");
        return RedirectToPage("/Outreach/Campaign", new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, cancellationToken) is not { } campaign)
        {
            return false;
        }
        Campaign = campaign;
        var visits = await db.OutreachVisits.AsNoTracking().Where(v => v.CampaignId == Id)
            .OrderByDescending(v => v.On).ThenByDescending(v => v.At).Take(200).ToListAsync(cancellationToken);
        await audit.RecordViewAsync(campaign, visits.Where(v => v.PersonId is not null).Select(v => v.PersonId!.Value), cancellationToken);
        Visits = visits.Select(v => new VisitView(v, cipher.Open(v.Note, v, nameof(OutreachVisit.Note)))).ToList();
        Wijkverbinders = (await db.Memberships.AsNoTracking().Where(m => m.Role == Roles.Wijkverbinder)
            .Select(m => new { m.UserId, m.User!.DisplayName }).OrderBy(m => m.DisplayName).ToListAsync(cancellationToken))
            .Select(m => (m.UserId, m.DisplayName)).ToList();
        return true;
    }
}

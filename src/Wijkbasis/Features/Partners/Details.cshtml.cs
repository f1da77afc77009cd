using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Partners;

/// <summary>One organisation: its contact persons and werkafspraken. Everyone with the partners list reads it; coordinators
/// and wijkverbinders add contacts and werkafspraken.</summary>
public sealed class DetailsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The contact being edited (empty: a new one); on GET from <c>?contact=</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "contact"), Display(Name = "de contactpersoon")] public Guid? ContactId { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactRole { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactReach { get; set; }

    /// <summary>The werkafspraak being edited (empty: a new one); on GET from <c>?afspraak=</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "afspraak"), Display(Name = "de werkafspraak")] public Guid? WorkAgreementId { get; set; }
    [BindProperty] public string? AgreementWhat { get; set; }
    [BindProperty, Display(Name = "de startdatum")] public DateOnly? AgreementFrom { get; set; }
    [BindProperty, Display(Name = "de einddatum")] public DateOnly? AgreementUntil { get; set; }

    /// <summary>The contact or werkafspraak a delete is about.</summary>
    [BindProperty, Display(Name = "de regel")] public Guid? ItemId { get; set; }
    /// <summary>A delete is done only when the confirmation was answered with yes.</summary>
    [BindProperty, Display(Name = "de bevestiging")] public bool Confirmed { get; set; }

    /// <summary>The delete waiting for a yes: its handler, the row, and the question (a Dutch format and its values).</summary>
    public AgreementModel.Confirmation? Confirm { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public string? BuurtName { get; private set; }
    public List<OrganisationContact> Contacts { get; private set; } = [];
    public List<WorkAgreement> Agreements { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The agreements this organisation funds (only for those who keep agreements; docs/decisions/0029).</summary>
    public List<(Guid Id, string Title)> Funded { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (ContactId is { } contactId)
        {
            if (!CanEdit || Contacts.SingleOrDefault(c => c.Id == contactId) is not { } c)
            {
                return NotFound();
            }
            (ContactName, ContactRole, ContactPhone, ContactEmail, ContactReach) = (c.Name, c.Role, c.Phone, c.Email, c.HowToReach);
        }
        if (WorkAgreementId is { } agreementId)
        {
            if (!CanEdit || Agreements.SingleOrDefault(a => a.Id == agreementId) is not { } a)
            {
                return NotFound();
            }
            (AgreementWhat, AgreementFrom, AgreementUntil) = (a.What, a.From, a.Until);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var name = ContactName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > OrganisationContact.NameMax)
        {
            ModelState.AddRefusal(nameof(ContactName), new Refusal("Vul de naam van de contactpersoon in (hoogstens {0} tekens).", OrganisationContact.NameMax));
        }
        TooLong(nameof(ContactRole), ContactRole, OrganisationContact.RoleMax);
        TooLong(nameof(ContactPhone), ContactPhone, OrganisationContact.PhoneMax);
        TooLong(nameof(ContactReach), ContactReach, OrganisationContact.ReachMax);
        var email = Blank(ContactEmail);
        if (email is not null && (email.Length > OrganisationContact.EmailMax || !Infrastructure.Mail.Mailer.IsSingleAddress(email)))
        {
            ModelState.AddModelError(nameof(ContactEmail), "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
        }
        OrganisationContact? contact = null;
        if (ContactId is { } contactId && (contact = await db.OrganisationContacts.SingleOrDefaultAsync(c => c.Id == contactId && c.OrganisationId == Id, cancellationToken)) is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        if (contact is null)
        {
            contact = new OrganisationContact { OrganisationId = Id, Name = name, CreatedAt = time.UtcNow() };
            db.OrganisationContacts.Add(contact);
        }
        (contact.Name, contact.Role, contact.Phone, contact.Email, contact.HowToReach) = (name, Blank(ContactRole), Blank(ContactPhone), email, Blank(ContactReach));
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(ContactId is null ? "{0} is toegevoegd als contactpersoon." : "{0} is bijgewerkt.", name);
        return RedirectToPage("/Partners/Details", null, new { id = Id }, "contactpersonen");
    }

    public async Task<IActionResult> OnPostAgreementAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var what = AgreementWhat?.Trim() ?? "";
        if (what.Length == 0 || what.Length > WorkAgreement.WhatMax)
        {
            ModelState.AddRefusal(nameof(AgreementWhat), new Refusal("Beschrijf de afspraak (hoogstens {0} tekens).", WorkAgreement.WhatMax));
        }
        if (AgreementFrom is not { } from || from.Year < 2000 || from.Year > 2100)
        {
            ModelState.AddModelError(nameof(AgreementFrom), "Kies vanaf wanneer de afspraak geldt.");
        }
        else if (AgreementUntil is { } until && (until < from || until.Year > 2100))
        {
            ModelState.AddModelError(nameof(AgreementUntil), "De einddatum ligt vóór de startdatum. Kies een einddatum op of na de start.");
        }
        WorkAgreement? agreement = null;
        if (WorkAgreementId is { } agreementId && (agreement = await db.WorkAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.OrganisationId == Id, cancellationToken)) is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        if (agreement is null)
        {
            agreement = new WorkAgreement { OrganisationId = Id, What = what, CreatedAt = time.UtcNow() };
            db.WorkAgreements.Add(agreement);
        }
        (agreement.What, agreement.From, agreement.Until) = (what, AgreementFrom!.Value, AgreementUntil);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(WorkAgreementId is null ? "De werkafspraak is vastgelegd." : "De werkafspraak is bijgewerkt.");
        return RedirectToPage("/Partners/Details", null, new { id = Id }, "werkafspraken");
    }

    public async Task<IActionResult> OnPostDeleteContactAsync(CancellationToken cancellationToken)
    {
        if (await StartDeleteAsync(cancellationToken) is { } answer)
        {
            return answer;
        }
        if (await db.OrganisationContacts.SingleOrDefaultAsync(c => c.Id == ItemId && c.OrganisationId == Id, cancellationToken) is not { } contact)
        {
            return NotFound();
        }
        if (!Confirmed)
        {
            Confirm = new AgreementModel.Confirmation("DeleteContact", contact.Id, "Weet u zeker dat u {0} wilt verwijderen als contactpersoon?", [contact.Name]);
            return Page();
        }
        // A referral that named this contact keeps its organisation; the contact is emptied there (the foreign key sets null).
        db.OrganisationContacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is verwijderd.", contact.Name);
        return RedirectToPage("/Partners/Details", null, new { id = Id }, "contactpersonen");
    }

    public async Task<IActionResult> OnPostDeleteWorkAgreementAsync(CancellationToken cancellationToken)
    {
        if (await StartDeleteAsync(cancellationToken) is { } answer)
        {
            return answer;
        }
        if (await db.WorkAgreements.SingleOrDefaultAsync(a => a.Id == ItemId && a.OrganisationId == Id, cancellationToken) is not { } agreement)
        {
            return NotFound();
        }
        if (!Confirmed)
        {
            Confirm = new AgreementModel.Confirmation("DeleteWorkAgreement", agreement.Id, "Weet u zeker dat u de werkafspraak ‘{0}’ wilt verwijderen?",
                [agreement.What.Length > 60 ? agreement.What[..60] + "…" : agreement.What]);
            return Page();
        }
        db.WorkAgreements.Remove(agreement);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De werkafspraak is verwijderd.");
        return RedirectToPage("/Partners/Details", null, new { id = Id }, "werkafspraken");
    }

    /// <summary>Deletes the organisation with its contacts and werkafspraken, unless referrals or agreements point at it:
    /// those are needed for the linking figures and the funding history, so the page says why and keeps it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await StartDeleteAsync(cancellationToken) is { } answer)
        {
            return answer;
        }
        var referrals = await db.Referrals.CountAsync(r => r.OrganisationId == Id, cancellationToken);
        var funded = await db.FundingAgreements.CountAsync(a => a.FunderId == Id, cancellationToken);
        if (referrals > 0 || funded > 0)
        {
            return this.Refuse(new Refusal("{0} kan niet worden verwijderd: er staan {1} doorverwijzingen en {2} afspraken of subsidies bij. Die blijven nodig voor de cijfers en de verantwoording.",
                Organisation.Name, referrals, funded));
        }
        if (!Confirmed)
        {
            Confirm = new AgreementModel.Confirmation("Delete", null, "Weet u zeker dat u {0} wilt verwijderen, met de contactpersonen en werkafspraken? Dit kan niet ongedaan worden gemaakt.", [Organisation.Name]);
            return Page();
        }
        // Each row removed through the model, so every one gets its audit row.
        db.OrganisationContacts.RemoveRange(await db.OrganisationContacts.Where(c => c.OrganisationId == Id).ToListAsync(cancellationToken));
        db.WorkAgreements.RemoveRange(await db.WorkAgreements.Where(a => a.OrganisationId == Id).ToListAsync(cancellationToken));
        db.Organisations.Remove(await db.Organisations.SingleAsync(o => o.Id == Id, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A referral or agreement added meanwhile: the foreign key keeps the organisation.
            db.ChangeTracker.Clear();
            return this.Refuse(new Refusal("{0} kan niet worden verwijderd: er is net een doorverwijzing of afspraak bij gekomen.", Organisation.Name));
        }
        TempData.Say("{0} is verwijderd.", Organisation.Name);
        return RedirectToPage("/Partners/Index");
    }

    /// <summary>The common start of a delete: the organisation exists here (404), the user may edit (403), the post is readable (400).</summary>
    private async Task<IActionResult?> StartDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        return ModelState.IsValid ? null : this.Refuse();
    }

    private void TooLong(string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            ModelState.AddRefusal(field, new Refusal("Dit veld is te lang (hoogstens {0} tekens).", max));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == Id, cancellationToken) is not { } organisation)
        {
            return false;
        }
        Organisation = organisation;
        CanEdit = AreaAccess.Allows(PartnersArea.PartnersEdit, User, tenant);
        BuurtName = await db.PostcodeAreas.Where(a => a.BuurtCode == organisation.BuurtCode).Select(a => a.BuurtName).FirstOrDefaultAsync(cancellationToken);
        Contacts = await db.OrganisationContacts.AsNoTracking().Where(c => c.OrganisationId == Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        Agreements = await db.WorkAgreements.AsNoTracking().Where(a => a.OrganisationId == Id)
            .OrderByDescending(a => a.From).ToListAsync(cancellationToken);
        if (AreaAccess.Allows(PartnersArea.Agreements, User, tenant))
        {
            Funded = (await db.FundingAgreements.AsNoTracking().Where(a => a.FunderId == Id).OrderByDescending(a => a.StartsOn)
                .Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Title)).ToList();
        }
        return true;
    }
}

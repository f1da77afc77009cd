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

    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactRole { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactReach { get; set; }

    [BindProperty] public string? AgreementWhat { get; set; }
    [BindProperty, Display(Name = "de startdatum")] public DateOnly? AgreementFrom { get; set; }
    [BindProperty, Display(Name = "de einddatum")] public DateOnly? AgreementUntil { get; set; }

    public Organisation Organisation { get; private set; } = null!;
    public string? BuurtName { get; private set; }
    public List<OrganisationContact> Contacts { get; private set; } = [];
    public List<WorkAgreement> Agreements { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

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
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        db.OrganisationContacts.Add(new OrganisationContact
        {
            OrganisationId = Id, Name = name, Role = Blank(ContactRole), Phone = Blank(ContactPhone), Email = email,
            HowToReach = Blank(ContactReach), CreatedAt = time.UtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is toegevoegd als contactpersoon.", name);
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
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        db.WorkAgreements.Add(new WorkAgreement { OrganisationId = Id, What = what, From = AgreementFrom!.Value, Until = AgreementUntil, CreatedAt = time.UtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De werkafspraak is vastgelegd.");
        return RedirectToPage("/Partners/Details", null, new { id = Id }, "werkafspraken");
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
        return true;
    }
}

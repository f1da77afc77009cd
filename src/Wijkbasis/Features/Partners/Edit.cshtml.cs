using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Partners;

/// <summary>Adds or edits a partner organisation. A name the enterprise already has (case and spaces aside) is refused.</summary>
public sealed class EditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "de soort organisatie")] public OrganisationKind? Kind { get; set; }
    [BindProperty] public string? Buurt { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public List<(string Code, string Name)> Buurten { get; private set; } = [];
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } o)
            {
                return NotFound();
            }
            (Name, Kind, Buurt, Address, Website) = (o.Name, o.Kind, o.BuurtCode, o.Address, o.Website);
        }
        else
        {
            FormKey = FormOnce.NewKey();
        }
        Buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (IsNew && await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        Organisation? organisation = null;
        if (Id is { } id && (organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Vul de naam van de organisatie in.");
        }
        else if (name.Length > Organisation.NameMax)
        {
            ModelState.AddRefusal(nameof(Name), new Refusal("De naam is te lang (hoogstens {0} tekens).", Organisation.NameMax));
        }
        else
        {
            var key = Organisation.KeyOf(name);
            if (await db.Organisations.AnyAsync(o => o.NameKey == key && o.Id != Id, cancellationToken))
            {
                ModelState.AddRefusal(nameof(Name), new Refusal("Er staat al een organisatie met de naam {0} in de lijst.", name));
            }
        }
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Kies wat voor organisatie het is.");
        }
        var buurt = string.IsNullOrWhiteSpace(Buurt) ? null : Buurt.Trim();
        if (buurt is not null && (buurt.Length > 10 || !await db.PostcodeAreas.AnyAsync(a => a.BuurtCode == buurt, cancellationToken)))
        {
            ModelState.AddModelError(nameof(Buurt), "Kies een buurt uit de lijst.");
        }
        if (Address is { } address && address.Trim().Length > Organisation.AddressMax)
        {
            ModelState.AddRefusal(nameof(Address), new Refusal("Het adres is te lang (hoogstens {0} tekens).", Organisation.AddressMax));
        }
        var website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();
        if (website is not null && (website.Length > Organisation.WebsiteMax
            || !Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(Website), "Vul een geldig webadres in, zoals www.voorbeeld.nl.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, async () => Buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken));
        }
        var now = time.UtcNow();
        if (organisation is null)
        {
            organisation = new Organisation { Name = name, CreatedAt = now };
            db.Organisations.Add(organisation);
        }
        organisation.Name = name;
        organisation.NameKey = Organisation.KeyOf(name);
        organisation.Kind = Kind!.Value;
        organisation.BuurtCode = buurt;
        organisation.Address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim();
        organisation.Website = website;
        organisation.UpdatedAt = now;
        if (IsNew)
        {
            FormOnce.Record(db, time, FormKey, Url.Page("/Partners/Details", new { id = organisation.Id }));
        }
        try
        {
            if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
            {
                return this.SentBefore(first);
            }
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two coordinators adding the same organisation at once: the unique index answers the second.
            return await this.RefuseAsync(db, async () => Buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken),
                new Refusal("Er staat al een organisatie met de naam {0} in de lijst.", name), nameof(Name));
        }
        TempData.Say(IsNew ? "{0} is toegevoegd." : "{0} is bijgewerkt.", organisation.Name);
        return RedirectToPage("/Partners/Details", new { id = organisation.Id });
    }
}

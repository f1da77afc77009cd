using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.AssetMap;

/// <summary>Adds, edits or removes something on the asset map. Its position comes from a click on the map (or typed
/// coordinates), else from its postcode where the postcode table has coordinates; its buurt from the postcode when not chosen.</summary>
public sealed class EditModel(WijkbasisDb db, TimeProvider time, IOptions<AssetMapOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty, Display(Name = "de soort")] public AssetCategory? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty, Display(Name = "informele plek")] public bool Informal { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Buurt { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public AssetMapOptions Map => options.Value;
    public List<(string Code, string Name)> Buurten { get; private set; } = [];
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } a)
            {
                return NotFound();
            }
            (Name, Category, Description, Informal, Address, Postcode, Buurt, Contact) =
                (a.Name, a.Category, a.Description, a.Informal, a.Address, a.Postcode, a.BuurtCode, a.Contact);
            (Latitude, Longitude) = (a.Latitude is { } lat ? Position.Write(lat) : null, a.Longitude is { } lon ? Position.Write(lon) : null);
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
        Asset? asset = null;
        if (Id is { } id && (asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Vul de naam in.");
        }
        else if (name.Length > Asset.NameMax)
        {
            ModelState.AddRefusal(nameof(Name), new Refusal("De naam is te lang (hoogstens {0} tekens).", Asset.NameMax));
        }
        if (Category is not { } category || !Enum.IsDefined(category))
        {
            ModelState.AddModelError(nameof(Category), "Kies wat voor iets het is.");
        }
        var description = Trimmed(Description, Asset.DescriptionMax, nameof(Description), "De beschrijving is te lang (hoogstens {0} tekens).");
        var address = Trimmed(Address, Asset.AddressMax, nameof(Address), "Het adres is te lang (hoogstens {0} tekens).");
        var contact = Trimmed(Contact, Asset.ContactMax, nameof(Contact), "Het contact is te lang (hoogstens {0} tekens).");
        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(Postcode) && (postcode = PostcodeRules.Normalize(Postcode)) is null)
        {
            ModelState.AddModelError(nameof(Postcode), "Vul de postcode in als 1234 AB.");
        }
        var area = postcode is null ? null
            : await db.PostcodeAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Postcode == postcode.Replace(" ", ""), cancellationToken);
        var buurt = string.IsNullOrWhiteSpace(Buurt) ? area?.BuurtCode : Buurt.Trim();
        if (!string.IsNullOrWhiteSpace(Buurt) && (buurt!.Length > 10 || !await db.PostcodeAreas.AnyAsync(a => a.BuurtCode == buurt, cancellationToken)))
        {
            ModelState.AddModelError(nameof(Buurt), "Kies een buurt uit de lijst.");
        }
        double? latitude = null, longitude = null;
        var typed = !string.IsNullOrWhiteSpace(Latitude) || !string.IsNullOrWhiteSpace(Longitude);
        if (typed)
        {
            if (Position.TryRead(Latitude, out var lat) && Position.TryRead(Longitude, out var lon) && Position.InNetherlands(lat, lon))
            {
                (latitude, longitude) = (Math.Round(lat, 6), Math.Round(lon, 6));
            }
            else
            {
                ModelState.AddRefusal(nameof(Latitude), new Refusal(
                    "Kies een plek in Nederland: klik op de kaart, of vul breedtegraad en lengtegraad allebei in (tussen {0} en {1}, en tussen {2} en {3}).",
                    Position.MinLatitude, Position.MaxLatitude, Position.MinLongitude, Position.MaxLongitude));
            }
        }
        else if (area is { Latitude: { } areaLat, Longitude: { } areaLon })
        {
            (latitude, longitude) = (areaLat, areaLon);
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, LoadAsync(cancellationToken));
        }
        var now = time.UtcNow();
        if (asset is null)
        {
            asset = new Asset { Name = name, CreatedAt = now };
            db.Assets.Add(asset);
        }
        asset.Name = name;
        asset.Category = Category!.Value;
        asset.Description = description;
        asset.Informal = Informal;
        asset.Address = address;
        asset.Postcode = postcode;
        asset.BuurtCode = buurt;
        asset.Contact = contact;
        (asset.Latitude, asset.Longitude) = (latitude, longitude);
        asset.UpdatedAt = now;
        if (IsNew)
        {
            FormOnce.Record(db, time, FormKey, Url.Page("/AssetMap/Index"));
        }
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        if (!typed && latitude is not null)
        {
            TempData.Say("{0} is opgeslagen, met de plek van postcode {1} op de kaart.", asset.Name, postcode!);
        }
        else
        {
            TempData.Say(latitude is null ? "{0} is opgeslagen, nog zonder plek op de kaart." : "{0} is opgeslagen.", asset.Name);
        }
        return RedirectToPage("/AssetMap/Index");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        if (await db.Assets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } asset)
        {
            // A second click, or another device was first: it is gone either way.
            TempData.Say("Dit stond al niet meer op de buurtkaart.");
            return RedirectToPage("/AssetMap/Index");
        }
        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is van de buurtkaart gehaald.", asset.Name);
        return RedirectToPage("/AssetMap/Index");
    }

    private Func<Task> LoadAsync(CancellationToken cancellationToken) =>
        async () => Buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken);

    private string? Trimmed(string? text, int max, string key, string tooLong)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is { Length: var length } && length > max)
        {
            ModelState.AddRefusal(key, new Refusal(tooLong, max));
        }
        return trimmed;
    }
}

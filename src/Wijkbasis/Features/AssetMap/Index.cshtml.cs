using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.AssetMap;

/// <summary>The neighbourhood's assets as a list and a map, searchable and filtered by category and buurt. The list is the
/// page; the map (Leaflet) draws the same items with a position over it, with or without tiles.</summary>
public sealed class IndexModel(WijkbasisDb db, IOptions<AssetMapOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Buurt { get; set; }

    public AssetMapOptions Map => options.Value;
    public AssetFilter Filter { get; private set; } = new(null, null, false, null);
    public List<AssetDirectory.Item> Items { get; private set; } = [];
    public int Total { get; private set; }
    public List<AssetDirectory.Gift> Gifts { get; private set; } = [];
    public List<(string Code, string Name)> Buurten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken);
        if (Read(this, Q, Soort, Buurt, Buurten) is not { } filter)
        {
            return this.Refuse();
        }
        Filter = filter;
        (Items, Total) = await AssetDirectory.AssetsAsync(db, filter, cancellationToken);
        Gifts = await AssetDirectory.GiftsAsync(db, filter, cancellationToken);
        return Page();
    }

    /// <summary>The filter from the address, or null with the reason in model state: an unknown category or buurt is
    /// refused, not read as "all".</summary>
    internal static AssetFilter? Read(PageModel page, string? q, string? soort, string? buurt,
        IReadOnlyCollection<(string Code, string Name)> buurten)
    {
        if (q is { Length: > AssetFilter.QueryMax })
        {
            page.ModelState.AddRefusal(nameof(Q), new Refusal("Zoek met hoogstens {0} tekens.", AssetFilter.QueryMax));
        }
        if (!AssetFilter.TryReadCategory(soort, out var category, out var giftsOnly))
        {
            page.ModelState.AddModelError(nameof(Soort), "Kies een soort uit de lijst.");
        }
        if (!string.IsNullOrEmpty(buurt) && buurten.All(b => b.Code != buurt))
        {
            page.ModelState.AddModelError(nameof(Buurt), "Kies een buurt uit de lijst.");
        }
        return page.ModelState.IsValid ? new AssetFilter(q, category, giftsOnly, string.IsNullOrEmpty(buurt) ? null : buurt) : null;
    }

    /// <summary>What the map script draws: the items with a position, and where to look when there are none.</summary>
    public object MapData(Func<string, string> label) => new
    {
        centre = new[] { Map.CentreLatitude, Map.CentreLongitude },
        points = Items.Where(i => i.Latitude is not null && i.Longitude is not null).Select(i => new
        {
            id = i.Id, name = i.Name, category = label(Asset.Label(i.Category)), colour = Asset.Colour(i.Category),
            address = i.Address, lat = i.Latitude, lon = i.Longitude,
        }),
    };
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.AssetMap;

/// <summary>The directory on paper for a wijkverbinder's round: the same filters, grouped by buurt, with room to write.</summary>
public sealed class PrintModel(WijkbasisDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Buurt { get; set; }

    public List<AssetDirectory.Item> Items { get; private set; } = [];
    public int Total { get; private set; }
    public List<AssetDirectory.Gift> Gifts { get; private set; } = [];
    public string? BuurtName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var buurten = await Shared.BuurtChoices.OfEnterpriseAsync(db, cancellationToken);
        if (IndexModel.Read(this, Q, Soort, Buurt, buurten) is not { } filter)
        {
            return this.Refuse();
        }
        (Items, Total) = await AssetDirectory.AssetsAsync(db, filter, cancellationToken);
        Gifts = await AssetDirectory.GiftsAsync(db, filter, cancellationToken);
        BuurtName = buurten.FirstOrDefault(b => b.Code == filter.Buurt).Name;
        return Page();
    }
}

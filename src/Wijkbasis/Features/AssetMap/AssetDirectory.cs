using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.AssetMap;

/// <summary>The filters of the directory, the map and the printed list, and what they find: assets of the enterprise
/// and the gifts of residents who agreed to share their talents. One query for the three pages.</summary>
public sealed record AssetFilter(string? Q, AssetCategory? Category, bool GiftsOnly, string? Buurt)
{
    public const int QueryMax = 100;
    /// <summary>The value of the category choice that means "residents' gifts".</summary>
    public const string GiftsChoice = "Gaven";

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Category is not null || GiftsOnly || !string.IsNullOrEmpty(Buurt);

    /// <summary>Reads the category choice: empty (all), a category, or <see cref="GiftsChoice"/>; anything else is
    /// unreadable and refused by the page, never read as "all".</summary>
    public static bool TryReadCategory(string? choice, out AssetCategory? category, out bool giftsOnly)
    {
        (category, giftsOnly) = (null, false);
        if (string.IsNullOrEmpty(choice))
        {
            return true;
        }
        if (choice == GiftsChoice)
        {
            giftsOnly = true;
            return true;
        }
        if (Enum.TryParse<AssetCategory>(choice, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(choice, out _))
        {
            category = parsed;
            return true;
        }
        return false;
    }
}

public static class AssetDirectory
{
    /// <summary>More than a neighbourhood has; the page says when the list stops here.</summary>
    public const int Max = 500;

    /// <summary>A row of the directory: an asset, or a partner organisation (<see cref="FromPartners"/>: kept on the partner
    /// pages, listed here under the category its kind belongs to, not repeated as an asset; docs/decisions/0026).</summary>
    public sealed record Item(Guid Id, AssetCategory Category, string Name, string? Description, bool Informal, string? Address,
        string? Postcode, string? BuurtName, string? Contact, double? Latitude, double? Longitude, bool FromPartners = false);

    /// <summary>The ABCD category of a partner organisation's kind.</summary>
    public static AssetCategory CategoryOf(Partners.OrganisationKind kind) => kind switch
    {
        Partners.OrganisationKind.Association => AssetCategory.Association,
        Partners.OrganisationKind.Business => AssetCategory.LocalEconomy,
        _ => AssetCategory.Institution,
    };

    /// <summary>A gift: a talent tag with the first names of the residents who share it (their consent "talenten delen in
    /// de gemeente" in force: the shared offers exist only then).</summary>
    public sealed record Gift(string Tag, IReadOnlyList<string> FirstNames, IReadOnlyList<string> Buurten);

    public static async Task<(List<Item> Items, int Total)> AssetsAsync(WijkbasisDb db, AssetFilter filter, CancellationToken cancellationToken)
    {
        if (filter.GiftsOnly)
        {
            return ([], 0);
        }
        var query = db.Assets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // translated to LOWER(...) on both databases
            query = query.Where(a => a.Name.ToLower().Contains(q) || (a.Description != null && a.Description.ToLower().Contains(q))
                || (a.Address != null && a.Address.ToLower().Contains(q)));
#pragma warning restore CA1862
        }
        if (filter.Category is { } category)
        {
            query = query.Where(a => a.Category == category);
        }
        if (!string.IsNullOrEmpty(filter.Buurt))
        {
            query = query.Where(a => a.BuurtCode == filter.Buurt);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Category).ThenBy(a => a.Name).ThenBy(a => a.Id).Take(Max)
            .Select(a => new Item(a.Id, a.Category, a.Name, a.Description, a.Informal, a.Address, a.Postcode,
                db.PostcodeAreas.Where(p => p.BuurtCode == a.BuurtCode).Select(p => p.BuurtName).FirstOrDefault(),
                a.Contact, a.Latitude, a.Longitude))
            .ToListAsync(cancellationToken);

        // The partner organisations of the same categories: few, so filtered by category after reading.
        var organisations = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var key = Partners.Organisation.KeyOf(filter.Q);
            organisations = organisations.Where(o => o.NameKey.Contains(key));
        }
        if (!string.IsNullOrEmpty(filter.Buurt))
        {
            organisations = organisations.Where(o => o.BuurtCode == filter.Buurt);
        }
        var partners = (await organisations.OrderBy(o => o.NameKey).Take(Max)
                .Select(o => new
                {
                    o.Id, o.Kind, o.Name, o.Address, o.Website,
                    BuurtName = db.PostcodeAreas.Where(p => p.BuurtCode == o.BuurtCode).Select(p => p.BuurtName).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .Select(o => new Item(o.Id, CategoryOf(o.Kind), o.Name, null, false, o.Address, null, o.BuurtName, o.Website, null, null, FromPartners: true))
            .Where(o => filter.Category is null || o.Category == filter.Category)
            .ToList();
        items = items.Concat(partners).OrderBy(i => i.Category).ThenBy(i => i.Name, StringComparer.CurrentCulture).Take(Max).ToList();
        return (items, total + partners.Count);
    }

    public static async Task<List<Gift>> GiftsAsync(WijkbasisDb db, AssetFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Category is not null)
        {
            return [];
        }
        var query = db.SharedOffers.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Buurt))
        {
            query = query.Where(o => o.BuurtCode == filter.Buurt);
        }
        var offers = await query.Select(o => new { o.FirstName, o.BuurtName, o.TagNames }).ToListAsync(cancellationToken);
        var q = filter.Q?.Trim();
        return offers
            .SelectMany(o => o.TagNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(tag => (Tag: tag, o.FirstName, o.BuurtName)))
            .Where(g => string.IsNullOrEmpty(q) || g.Tag.Contains(q, StringComparison.CurrentCultureIgnoreCase))
            .GroupBy(g => g.Tag, StringComparer.CurrentCultureIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new Gift(g.First().Tag,
                g.Select(x => x.FirstName).Distinct().Order(StringComparer.CurrentCulture).ToList(),
                g.Select(x => x.BuurtName).OfType<string>().Distinct().Order(StringComparer.CurrentCulture).ToList()))
            .ToList();
    }
}

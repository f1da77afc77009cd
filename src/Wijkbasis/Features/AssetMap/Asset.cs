using System.Globalization;
using Wijkbasis.Data;

namespace Wijkbasis.Features.AssetMap;

/// <summary>The ABCD categories of what a neighbourhood already has (INSTRUMENTS.md section 6). Residents' gifts are the
/// sixth: they are not kept here but read from the talents residents agreed to share (<see cref="Gifts"/>).</summary>
public enum AssetCategory
{
    Association,
    Institution,
    Place,
    LocalEconomy,
    Story,
}

/// <summary>One thing the neighbourhood has: a club, an institution, a place where people are found (also an informal one:
/// the hairdresser, the bench at the playground), a shop, a story. Never a resident: a resident's gifts come from the
/// talents they agreed to share, and are never put on the map.</summary>
public sealed class Asset : ITenantOwned, IAudited
{
    public const int NameMax = 150;
    public const int DescriptionMax = 1000;
    public const int AddressMax = 200;
    public const int ContactMax = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public AssetCategory Category { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>A place where people come together without being organised (the bench, the hairdresser, the mosque's tea).</summary>
    public bool Informal { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? BuurtCode { get; set; }
    /// <summary>Who to ask or how to reach it: a name, an opening time, a phone number of the place (not of a resident).</summary>
    public string? Contact { get; set; }
    /// <summary>WGS84; both or neither, within the Netherlands (<see cref="Position"/>).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;

    public static string Label(AssetCategory category) => category switch
    {
        AssetCategory.Association => "Vereniging of bewonersgroep",
        AssetCategory.Institution => "Instelling",
        AssetCategory.Place => "Plek",
        AssetCategory.LocalEconomy => "Lokale economie",
        _ => "Verhaal",
    };

    /// <summary>The marker colour of a category on the map (also in the legend).</summary>
    public static string Colour(AssetCategory category) => category switch
    {
        AssetCategory.Association => "#1a5490",
        AssetCategory.Institution => "#6b3fa0",
        AssetCategory.Place => "#1f7a3a",
        AssetCategory.LocalEconomy => "#a64b00",
        _ => "#a0155f",
    };
}

/// <summary>A position on the map: WGS84, inside a box around the Netherlands (with the Wadden and Zuid-Limburg), so a
/// swapped latitude and longitude or a typo is refused.</summary>
public static class Position
{
    public const double MinLatitude = 50.70, MaxLatitude = 53.60, MinLongitude = 3.30, MaxLongitude = 7.25;

    public static bool InNetherlands(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;

    /// <summary>Reads "51.985" or "51,985" (people type either).</summary>
    public static bool TryRead(string? text, out double value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
            && double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static string Write(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>Where the map's background comes from. Empty <see cref="TileUrl"/>: no tiles, the markers on a plain
/// background with the list beside (offline, or where no tile server may be used).</summary>
public sealed class AssetMapOptions
{
    /// <summary>PDOK's BRT achtergrondkaart, the usual choice in the Netherlands.</summary>
    public string TileUrl { get; set; } = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";
    public string Attribution { get; set; } = "Kaartgegevens © Kadaster (PDOK)";
    /// <summary>Where the map opens when nothing has a position yet (Arnhem).</summary>
    public double CentreLatitude { get; set; } = 51.985;
    public double CentreLongitude { get; set; } = 5.915;
}

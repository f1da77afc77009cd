using Wijkbasis.Data;
using Wijkbasis.Features.AssetMap;

namespace Wijkbasis.Features.Demo;

/// <summary>What Klarendal already has, for the demo's buurtkaart: clubs, institutions, the places where people are found
/// (also the informal ones), shops and a story, most with a position; two without, as a real list has.</summary>
public static class DemoAssetMap
{
    private static readonly (AssetCategory Category, string Name, string Description, bool Informal, string Address, string? Contact, double? Lat, double? Lon)[] Assets =
    [
        (AssetCategory.Association, "Bewonersvereniging Klarendal", "Overleg met de gemeente, het buurtfeest in juni", false, "Klarendalseweg 150", "Elke eerste maandag om 19:30", 51.9912, 5.9236),
        (AssetCategory.Association, "Moestuinclub Het Spijkertje", "Samen tuinieren, groente delen", false, "Spijkerlaan 12", "Zaterdag 10–13 uur", 51.9881, 5.9188),
        (AssetCategory.Association, "Vrouwengroep Al Amal", "Koffie, naailes en Nederlands oefenen", false, "Rosendaalsestraat 40", null, 51.9921, 5.9281),
        (AssetCategory.Institution, "Basisschool De Kleine Prins", "Ouderkamer op dinsdag- en donderdagochtend", false, "Hommelstraat 55", "Ouderconsulent via de school", 51.9934, 5.9215),
        (AssetCategory.Institution, "Huisartsenpraktijk Klarendal", "Spreekuur praktijkondersteuner GGZ op woensdag", false, "Klarendalseweg 201", null, 51.9925, 5.9262),
        (AssetCategory.Place, "Kapsalon Yasmina", "Hier hoort Yasmina alles: wie ziek is, wie verhuist", true, "Klarendalseweg 88", "Di–za", 51.9898, 5.9222),
        (AssetCategory.Place, "Bankje bij de speeltuin Sonsbeekkwartier", "Moeders met kinderen, ’s middags na school", true, "Speeltuin Hommelseweg", null, 51.9941, 5.9198),
        (AssetCategory.Place, "Moskee Ayasofya, theehuis", "Na het vrijdaggebed thee in de zaal ernaast", true, "Klarendalseweg 320", null, 51.9948, 5.9301),
        (AssetCategory.Place, "Wasserette De Bubbel", "Wachten, kletsen, het prikbord", true, "Hommelseweg 7", null, 51.9907, 5.9207),
        (AssetCategory.LocalEconomy, "Bakkerij Van Wijk", "Hangt onze posters op, sponsort het buurtfeest", false, "Klarendalseweg 112", "Vraag naar Marco", 51.9903, 5.9229),
        (AssetCategory.LocalEconomy, "Kringloop Klarendal", "Werkervaringsplekken, spullen voor wie verhuist", false, "Wolfhezerstraat 3", "Ma–za 10–17 uur", 51.9889, 5.9254),
        (AssetCategory.LocalEconomy, "Fietsenmaker Öztürk", "Repareert gratis voor de fietsles van de huiskamer", false, "Kweekschoolstraat 21", null, null, null),
        (AssetCategory.Story, "Het verhaal van het Klarendalse buurtfeest", "Sinds 1987 elk jaar in juni, begonnen door drie buurvrouwen", false, "Plein bij de Kleine Prins", null, null, null),
    ];

    public static void Add(WijkbasisDb db, string? buurtCode, DateTime now)
    {
        foreach (var a in Assets)
        {
            db.Assets.Add(new Asset
            {
                Category = a.Category, Name = a.Name, Description = a.Description, Informal = a.Informal, Address = a.Address + ", Arnhem",
                Contact = a.Contact, Latitude = a.Lat, Longitude = a.Lon, BuurtCode = buurtCode, CreatedAt = now, UpdatedAt = now,
            });
        }
    }
}

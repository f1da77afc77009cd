using Wijkbasis.Data;

namespace Wijkbasis.Features.Ownership;

/// <summary>Who scores: a partner of the proeftuin, by the role it plays there.</summary>
public enum PartnerRole
{
    Resident,
    Enterprise,
    Municipality,
    HousingCorporation,
    CareOrganisation,
    Other,
}

/// <summary>A round of the trap van eigenaarschap in the enterprise's proeftuin (docs/decisions/0032): on a date, the partners
/// each score the 20 ingrediënten (twice a year, say).</summary>
public sealed class OwnershipRound : ITenantOwned, IAudited
{
    public const int NameMax = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>"Voorjaar 2026".</summary>
    public required string Name { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>One partner's scores in one round: for each of the 20 ingrediënten a rung 1–5 or "weet niet". One per partner per
/// round (a unique index on the name, case and spaces aside).</summary>
public sealed class OwnershipScoring : ITenantOwned, IAudited
{
    public const int NameMax = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RoundId { get; set; }
    public PartnerRole Role { get; set; }
    /// <summary>"Bewonersgroep Dorpsplein", "Portaal".</summary>
    public required string PartnerName { get; set; }
    public string PartnerKey { get; set; } = "";
    /// <summary>Twenty characters, one per ingrediënt in <see cref="Trap.Ingredients"/> order: '1'–'5' a rung, '0' "weet niet"
    /// (<see cref="Trap.Encode"/>, <see cref="Trap.Decode"/>).</summary>
    public required string Rungs { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>The trap van eigenaarschap and its 20 ingrediënten, as the seed "Samen sterker in de wijk" names them.</summary>
public static class Trap
{
    public static readonly IReadOnlyList<string> Ingredients =
    [
        "Gemotiveerde en communicatieve bewoners",
        "Zelfredzame bewoners (financieel en grens zorgzwaarte)",
        "Selectie van bewoners (70% dragers, 30% vragers)",
        "Bewoners die een bijdrage leveren aan gemeenschap",
        "Bewoners die open staan voor hulp en behandeling",
        "Scheiden wonen en zorg",
        "Veiligheid en leefbaarheid",
        "Geschikt, betaalbaar & toekomstbestendig",
        "Dorpsplein & (toevallige) ontmoetingsplekken",
        "Woonvereniging met bestuur",
        "Proeftuin: partnerschap, ontschotting & monitoring",
        "Community coach",
        "(Zorg) ondernemers",
        "(Arbeids) participatieprogramma",
        "Connectie terrein met de omgeving",
        "Fysieke plek voor professionals",
        "Financiëring: beschikkingsvrij + vierkant",
        "Zorg voor de mens achter de cliënt",
        "Afspraken regie met buren en professionals",
        "Voldoende en passende (beh.)zorg en begeleiding",
    ];

    /// <summary>The five rungs, from the system world (informing) to the life world (in charge).</summary>
    public static readonly IReadOnlyList<string> Rungs =
    [
        "Informeren / aanhoren",
        "Raadplegen / mening geven",
        "Advies vragen / meedenken",
        "Regisseren / uitvoeren",
        "Regie voeren",
    ];

    public static int Count => Ingredients.Count;

    /// <summary>The value a form sends for "weet niet".</summary>
    public const string Unknown = "?";

    public static string Encode(IReadOnlyList<int?> rungs)
    {
        if (rungs.Count != Count || rungs.Any(r => r is < 1 or > 5))
        {
            throw new ArgumentException("Twenty rungs of 1–5 or null.", nameof(rungs));
        }
        return string.Concat(rungs.Select(r => r is { } v ? (char)('0' + v) : '0'));
    }

    public static int?[] Decode(string rungs) =>
        rungs.Length == Count && rungs.All(c => c is >= '0' and <= '5')
            ? [.. rungs.Select(c => c == '0' ? (int?)null : c - '0')]
            : throw new FormatException("Stored rungs are twenty characters 0–5.");

    /// <summary>Reads one choice as sent: "1"–"5" a rung, "?" weet niet; anything else (also empty) is unreadable.</summary>
    public static bool TryRead(string? sent, out int? rung)
    {
        rung = null;
        var s = sent?.Trim();
        if (s == Unknown)
        {
            return true;
        }
        if (s is { Length: 1 } && s[0] is >= '1' and <= '5')
        {
            rung = s[0] - '0';
            return true;
        }
        return false;
    }

    public static string KeyOf(string name) => Shared.NameKey.Of(name);

    public static string Label(PartnerRole role) => role switch
    {
        PartnerRole.Resident => "Bewoners",
        PartnerRole.Enterprise => "Sociale onderneming",
        PartnerRole.Municipality => "Gemeente",
        PartnerRole.HousingCorporation => "Woningcorporatie",
        PartnerRole.CareOrganisation => "Zorgorganisatie",
        _ => "Anders",
    };
}

using System.Text.Json;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Intakes;

/// <summary>The 13 domains of the Zelfredzaamheid-Matrix 2017 (© GGD Amsterdam). We ship the domain and level
/// names only; the criteria per cell are licensed and an enterprise may load its own texts.</summary>
public enum ZrmDomain
{
    Finances = 1,
    WorkAndEducation,
    TimeUse,
    Housing,
    DomesticRelations,
    MentalHealth,
    PhysicalHealth,
    SubstanceUse,
    BasicAdl,
    InstrumentalAdl,
    SocialNetwork,
    SocialParticipation,
    Justice,
}

public static class Zrm
{
    public const int LowestLevel = 1;
    public const int HighestLevel = 5;

    public static readonly ZrmDomain[] Domains = Enum.GetValues<ZrmDomain>();

    public static string Name(ZrmDomain domain) => domain switch
    {
        ZrmDomain.Finances => "Financiën",
        ZrmDomain.WorkAndEducation => "Werk & opleiding",
        ZrmDomain.TimeUse => "Tijdsbesteding",
        ZrmDomain.Housing => "Huisvesting",
        ZrmDomain.DomesticRelations => "Huiselijke relaties",
        ZrmDomain.MentalHealth => "Geestelijke gezondheid",
        ZrmDomain.PhysicalHealth => "Lichamelijke gezondheid",
        ZrmDomain.SubstanceUse => "Middelengebruik",
        ZrmDomain.BasicAdl => "Basale ADL",
        ZrmDomain.InstrumentalAdl => "Instrumentele ADL",
        ZrmDomain.SocialNetwork => "Sociaal netwerk",
        ZrmDomain.SocialParticipation => "Maatschappelijke participatie",
        ZrmDomain.Justice => "Justitie",
        _ => domain.ToString(),
    };

    public static string LevelName(int level) => level switch
    {
        1 => "Acute problematiek",
        2 => "Niet zelfredzaam",
        3 => "Beperkt zelfredzaam",
        4 => "Voldoende zelfredzaam",
        5 => "Volledig zelfredzaam",
        _ => "?",
    };

    public static bool IsLevel(int level) => level is >= LowestLevel and <= HighestLevel;
}

/// <summary>The ZRM scores of one assessment: only the domains chosen for this help request (the AP ruled that
/// recording irrelevant domains is unlawful, so none is required). Stored sealed, as JSON.</summary>
public sealed class ZrmScores
{
    private readonly SortedDictionary<ZrmDomain, int> scores = [];

    public IReadOnlyDictionary<ZrmDomain, int> Scores => scores;
    public int Count => scores.Count;
    public bool IsEmpty => scores.Count == 0;

    /// <summary>Sets a domain's level; returns a refusal and changes nothing when the level is not 1–5.</summary>
    public Refusal? Set(ZrmDomain domain, int level)
    {
        if (!Enum.IsDefined(domain))
        {
            return new("Dit ZRM-domein bestaat niet.");
        }
        if (!Zrm.IsLevel(level))
        {
            return new("Kies bij {0} een niveau van 1 tot en met 5.", Zrm.Name(domain));
        }
        scores[domain] = level;
        return null;
    }

    public int? Lowest => scores.Count == 0 ? null : scores.Values.Min();

    public string ToJson() => JsonSerializer.Serialize(scores.ToDictionary(s => s.Key.ToString(), s => s.Value));

    /// <summary>Reads what <see cref="ToJson"/> wrote; unknown domains or levels are a corrupt record and throw.</summary>
    public static ZrmScores FromJson(string? json)
    {
        var result = new ZrmScores();
        if (string.IsNullOrEmpty(json))
        {
            return result;
        }
        foreach (var (name, level) in JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [])
        {
            if (!Enum.TryParse<ZrmDomain>(name, out var domain) || result.Set(domain, level) is not null)
            {
                throw new FormatException($"Stored ZRM scores hold an unknown domain or level: {name}={level}.");
            }
        }
        return result;
    }
}

/// <summary>The licensed criteria text of one ZRM cell (domain × level), loaded by an enterprise that has a
/// licence from GGD Amsterdam. Wijkbasis ships only the domain and level names.</summary>
public sealed class ZrmCriterion : Data.ITenantOwned
{
    public const int TextMax = 1500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public ZrmDomain Domain { get; set; }
    public int Level { get; set; }
    public required string Text { get; set; }
}

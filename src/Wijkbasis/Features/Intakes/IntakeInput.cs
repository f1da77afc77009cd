using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Intakes;

/// <summary>The intake form: the three questions, goals, practical needs, ZRM levels for chosen domains only.</summary>
public sealed class IntakeInput
{
    public DateOnly? HeldOn { get; set; }
    public string? Want { get; set; }
    public string? Can { get; set; }
    public string? Need { get; set; }
    public string? Goals { get; set; }
    public string? NeedTags { get; set; }
    public bool SafetyConcern { get; set; }
    /// <summary>Bits of the parts of days the resident can meet (0–20).</summary>
    public List<int> Availability { get; set; } = [];
    /// <summary>Domain name → "1".."5"; an empty value means the domain was not chosen.</summary>
    public Dictionary<string, string?> Zrm { get; set; } = [];
    /// <summary>Asked when no legal basis for the buddy programme is in force yet.</summary>
    public bool Consent { get; set; }

    public ZrmScores Scores { get; } = new();

    public IEnumerable<(string Field, Refusal Message)> Check(DateOnly today)
    {
        if (HeldOn is not { } held)
        {
            yield return (nameof(HeldOn), new("Vul de datum van het gesprek in."));
        }
        else if (held > today || held < today.AddYears(-1))
        {
            yield return (nameof(HeldOn), new("Kies een datum tussen een jaar geleden en vandaag."));
        }
        foreach (var (field, text) in new[] { (nameof(Want), Want), (nameof(Can), Can), (nameof(Need), Need), (nameof(Goals), Goals) })
        {
            if (text is { Length: > Intake.AnswerMax })
            {
                yield return (field, new("Dit antwoord is te lang (hoogstens {0} tekens).", Intake.AnswerMax));
            }
        }
        if ((Goals ?? "").Split('\n').Count(l => l.Trim().Length > 0) > MaxGoals)
        {
            yield return (nameof(Goals), new("Schrijf hoogstens {0} doelen op.", MaxGoals));
        }
        if ((Goals ?? "").Split('\n').Any(l => l.Trim().Length > Cases.CaseItem.TextMax))
        {
            yield return (nameof(Goals), new("Een doel is hoogstens {0} tekens.", Cases.CaseItem.TextMax));
        }
        if (string.IsNullOrWhiteSpace(Want) && string.IsNullOrWhiteSpace(Need))
        {
            yield return (nameof(Want), new("Schrijf op wat de bewoner wil of nodig heeft."));
        }
        if (Tags.Normalize(NeedTags).Length > Intake.NeedTagsMax)
        {
            yield return (nameof(NeedTags), new("Te veel trefwoorden (hoogstens {0} tekens).", Intake.NeedTagsMax));
        }
        foreach (var (name, value) in Zrm.Where(z => !string.IsNullOrWhiteSpace(z.Value)))
        {
            if (!Enum.TryParse<ZrmDomain>(name, out var domain) || !Enum.IsDefined(domain))
            {
                yield return (nameof(Zrm), new("Dit ZRM-domein bestaat niet."));
            }
            else if (!int.TryParse(value, out var level) || Scores.Set(domain, level) is { } problem)
            {
                yield return ($"{nameof(Zrm)}[{name}]", new("Kies bij {0} een niveau van 1 tot en met 5.", Wijkbasis.Features.Intakes.Zrm.Name(domain)));
            }
        }
    }

    public const int MaxGoals = 20;

    public int AvailabilityMask => Availability.Where(bit => bit is >= 0 and < 21).Aggregate(0, (mask, bit) => mask | (1 << bit));

    public static IntakeInput Blank(DateOnly today) => new() { HeldOn = today };

    /// <summary>The goals as separate lines, without empty ones.</summary>
    public static IReadOnlyList<string> GoalLines(string? goals) =>
        (goals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.Length > Cases.CaseItem.TextMax ? g[..Cases.CaseItem.TextMax] : g).Take(MaxGoals).ToList();
}

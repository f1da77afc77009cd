using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Intakes;

/// <summary>Light: a volunteer, student or lived-experience buddy. Heavy: a professional buddy (social district team).</summary>
public enum CaseWeight
{
    Light,
    Heavy,
}

/// <summary>The enterprise's rule for proposing light or heavy. Default: any chosen ZRM domain at level 1–2,
/// or a safety concern, makes the help request heavy.</summary>
public sealed record TriageRule(int HeavyAtOrBelow = 2, bool SafetyConcernIsHeavy = true)
{
    public static readonly TriageRule Default = new();

    public TriageProposal Propose(ZrmScores scores, bool safetyConcern)
    {
        var reasons = new List<string>();
        if (safetyConcern && SafetyConcernIsHeavy)
        {
            reasons.Add("De wijkverbinder maakt zich zorgen over de veiligheid.");
        }
        foreach (var (domain, level) in scores.Scores.Where(s => s.Value <= HeavyAtOrBelow))
        {
            // One text per level (five in all): the level's name is part of the sentence, in lower case.
            reasons.Add(LocalText.Encode($"{{0}} staat op niveau {level} ({Zrm.LevelName(level).ToLowerInvariant()}).", Zrm.Name(domain)));
        }
        if (reasons.Count > 0)
        {
            return new TriageProposal(CaseWeight.Heavy, reasons);
        }
        reasons.Add(scores.IsEmpty
            ? "Er is geen ZRM-domein gescoord en geen zorg over veiligheid."
            : LocalText.Encode("Geen gekozen domein staat op niveau {0} of lager en er is geen zorg over veiligheid.", HeavyAtOrBelow));
        return new TriageProposal(CaseWeight.Light, reasons);
    }

    /// <summary>The rule in words, shown next to the proposal so it can be checked: a translatable text (see
    /// <see cref="LocalText"/>).</summary>
    public string Explain() => SafetyConcernIsHeavy
        ? LocalText.Encode("Zwaar als een gekozen ZRM-domein op niveau {0} of lager staat, of als er zorg is over veiligheid. Anders licht.", HeavyAtOrBelow)
        : LocalText.Encode("Zwaar als een gekozen ZRM-domein op niveau {0} of lager staat. Anders licht.", HeavyAtOrBelow);

    public static Refusal? Check(int heavyAtOrBelow) =>
        heavyAtOrBelow is >= 1 and <= 4 ? null : new("Kies een niveau van 1 tot en met 4.");
}

/// <summary>Light or heavy, and why: each reason a translatable text (see <see cref="LocalText"/>).</summary>
public sealed record TriageProposal(CaseWeight Weight, IReadOnlyList<string> Reasons);

public static class TriageDecision
{
    public const int ReasonMax = 500;

    /// <summary>The wijkverbinder decides; going against the proposal needs a reason.</summary>
    public static Refusal? Check(TriageProposal proposal, CaseWeight decided, string? reason)
    {
        if (!Enum.IsDefined(decided))
        {
            return NoWeight;
        }
        if (decided != proposal.Weight && string.IsNullOrWhiteSpace(reason))
        {
            return new("Het voorstel is {0}. Schrijf op waarom u {1} kiest.", Label(proposal.Weight), Label(decided));
        }
        if (reason is { Length: > ReasonMax })
        {
            return new("De reden is te lang (hoogstens {0} tekens).", ReasonMax);
        }
        return null;
    }

    /// <summary>No choice made between light and heavy.</summary>
    public static Refusal NoWeight { get; } = new("Kies licht of zwaar.");

    public static string Label(CaseWeight weight) => weight == CaseWeight.Heavy ? "zwaar" : "licht";
}

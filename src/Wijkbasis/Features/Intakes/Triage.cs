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
            reasons.Add($"{Zrm.Name(domain)} staat op niveau {level} ({Zrm.LevelName(level).ToLowerInvariant()}).");
        }
        if (reasons.Count > 0)
        {
            return new TriageProposal(CaseWeight.Heavy, reasons);
        }
        reasons.Add(scores.IsEmpty
            ? "Er is geen ZRM-domein gescoord en geen zorg over veiligheid."
            : $"Geen gekozen domein staat op niveau {HeavyAtOrBelow} of lager en er is geen zorg over veiligheid.");
        return new TriageProposal(CaseWeight.Light, reasons);
    }

    /// <summary>The rule in words, shown next to the proposal so it can be checked.</summary>
    public string Explain() =>
        $"Zwaar als een gekozen ZRM-domein op niveau {HeavyAtOrBelow} of lager staat"
        + (SafetyConcernIsHeavy ? ", of als er zorg is over veiligheid" : "") + ". Anders licht.";

    public static string? Check(int heavyAtOrBelow) =>
        heavyAtOrBelow is >= 1 and <= 4 ? null : "Kies een niveau van 1 tot en met 4.";
}

public sealed record TriageProposal(CaseWeight Weight, IReadOnlyList<string> Reasons);

public static class TriageDecision
{
    public const int ReasonMax = 500;

    /// <summary>The wijkverbinder decides; going against the proposal needs a reason.</summary>
    public static string? Check(TriageProposal proposal, CaseWeight decided, string? reason)
    {
        if (!Enum.IsDefined(decided))
        {
            return "Kies licht of zwaar.";
        }
        if (decided != proposal.Weight && string.IsNullOrWhiteSpace(reason))
        {
            return $"Het voorstel is {Label(proposal.Weight)}. Schrijf op waarom u {Label(decided)} kiest.";
        }
        if (reason is { Length: > ReasonMax })
        {
            return $"De reden is te lang (hoogstens {ReasonMax} tekens).";
        }
        return null;
    }

    public static string Label(CaseWeight weight) => weight == CaseWeight.Heavy ? "zwaar" : "licht";
}

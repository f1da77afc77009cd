using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Intakes;

public enum IntakeStatus
{
    /// <summary>Triage done or not; no buddy asked yet, or the last one declined.</summary>
    Open,
    /// <summary>A buddy has been asked and has not answered.</summary>
    Offered,
    /// <summary>A buddy accepted: the case holds on from here.</summary>
    Matched,
    Withdrawn,
}

/// <summary>The wijkverbinder's intake: the question behind the question (what do you want, what can you do,
/// what do you need), the ZRM domains that matter for this request, and light or heavy. The answers, the scores
/// and the goals are special-category data: sealed, and every look at them is audited.</summary>
public sealed class Intake : ITenantOwned, IAudited
{
    public const int AnswerMax = 2000;
    public const int NeedTagsMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public Guid ByUserId { get; set; }
    public required string ByName { get; set; }
    public SealedText? Want { get; set; }
    public SealedText? Can { get; set; }
    public SealedText? Need { get; set; }
    /// <summary>Goals, one per line; they become the case's goals when a buddy accepts.</summary>
    public SealedText? Goals { get; set; }
    /// <summary>The chosen domains and their levels as JSON (<see cref="ZrmScores"/>).</summary>
    public SealedText? Zrm { get; set; }
    /// <summary>Practical help wanted, as plain tags for matching ("administratie", "boodschappen"): no health words.</summary>
    public string NeedTags { get; set; } = "";
    public bool SafetyConcern { get; set; }
    /// <summary>When the resident can meet a buddy (parts of days, see Buddies.Availability); 0 = not asked.</summary>
    public int Availability { get; set; }
    public CaseWeight ProposedWeight { get; set; }
    /// <summary>The rule as it was at the time (not its reasons in words: those would name the low ZRM domains in
    /// plain text). The reasons are worked out again from the sealed scores when the intake is opened.</summary>
    public int RuleHeavyAtOrBelow { get; set; }
    public bool RuleSafetyConcernIsHeavy { get; set; }

    public TriageRule Rule => new(RuleHeavyAtOrBelow, RuleSafetyConcernIsHeavy);
    public CaseWeight? DecidedWeight { get; set; }
    /// <summary>Why the wijkverbinder went against the proposal; may say something personal, so sealed.</summary>
    public SealedText? DecisionReason { get; set; }
    public DateTime? DecidedAt { get; set; }
    public IntakeStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;
}

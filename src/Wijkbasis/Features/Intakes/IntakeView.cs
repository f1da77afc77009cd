using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Intakes;

/// <summary>An intake opened for reading: the sealed answers in plain text. Make one only after the look is audited.</summary>
public sealed record IntakeView(string? Want, string? Can, string? Need, IReadOnlyList<string> Goals, ZrmScores Zrm, string? DecisionReason)
{
    public static IntakeView Open(Intake intake, FieldCipher cipher) => new(
        cipher.Open(intake.Want, intake, nameof(Intake.Want)),
        cipher.Open(intake.Can, intake, nameof(Intake.Can)),
        cipher.Open(intake.Need, intake, nameof(Intake.Need)),
        OpenGoals(intake, cipher),
        ZrmScores.FromJson(cipher.Open(intake.Zrm, intake, nameof(Intake.Zrm))),
        cipher.Open(intake.DecisionReason, intake, nameof(Intake.DecisionReason)));

    /// <summary>Only the goals (what a buddy needs to decide, and what a case starts with).</summary>
    public static IReadOnlyList<string> OpenGoals(Intake intake, FieldCipher cipher) =>
        IntakeInput.GoalLines(cipher.Open(intake.Goals, intake, nameof(Intake.Goals)));

    /// <summary>The rule's proposal with its reasons, worked out again from the opened scores.</summary>
    public TriageProposal Proposal(Intake intake) => intake.Rule.Propose(Zrm, intake.SafetyConcern);
}

using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Intakes;

/// <summary>An intake opened for reading: the sealed answers in plain text. Make one only after the look is audited.</summary>
public sealed record IntakeView(string? Want, string? Can, string? Need, IReadOnlyList<string> Goals, ZrmScores Zrm, string? DecisionReason)
{
    public static IntakeView Open(Intake intake, FieldCipher cipher) => new(
        cipher.Open(intake.Want, intake, nameof(Intake.Want)),
        cipher.Open(intake.Can, intake, nameof(Intake.Can)),
        cipher.Open(intake.Need, intake, nameof(Intake.Need)),
        IntakeInput.GoalLines(cipher.Open(intake.Goals, intake, nameof(Intake.Goals))),
        ZrmScores.FromJson(cipher.Open(intake.Zrm, intake, nameof(Intake.Zrm))),
        cipher.Open(intake.DecisionReason, intake, nameof(Intake.DecisionReason)));
}

using Wijkbasis.Data;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Cases;

/// <summary>The enterprise's choices for the buddy programme: the triage rule and when a case is "losing touch".</summary>
public sealed class ProgrammeSettings : ITenantOwned, IAudited
{
    public const int DefaultLosingTouchDays = 14;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public int HeavyAtOrBelow { get; set; } = TriageRule.Default.HeavyAtOrBelow;
    public bool SafetyConcernIsHeavy { get; set; } = TriageRule.Default.SafetyConcernIsHeavy;
    public int LosingTouchDays { get; set; } = DefaultLosingTouchDays;

    public TriageRule Rule => new(HeavyAtOrBelow, SafetyConcernIsHeavy);

    Guid? IAudited.SubjectPersonId => null;

    public static Refusal? CheckLosingTouchDays(int days) =>
        days is >= 1 and <= 365 ? null : new("Kies een aantal dagen van 1 tot en met 365.");
}

namespace Wijkbasis.Features.Volunteers;

/// <summary>Vrager → drager: someone who first came for support and now gives. The rule (docs/decisions/0012):
/// <list type="bullet">
/// <item>Came for support since: the earliest of the person's registration date when they are marked as vrager, and the
/// first match in which they received help. The buddy programme's intakes are not read: they are special-category data,
/// and an intake already marks the person as vrager.</item>
/// <item>Gives since: the earliest of their first contribution, their first logged volunteer hours, and the first match in
/// which they gave help that was done.</item>
/// <item>In the register when both dates exist and giving started on or after the support (who gave first and asked
/// later is a drager who also asks, not a vrager who became a drager).</item>
/// </list></summary>
public static class VragerDrager
{
    public sealed record Facts(Guid PersonId, DateOnly? RegisteredAsVrager, DateOnly? FirstReceived,
        DateOnly? FirstContribution, DateOnly? FirstHours, DateOnly? FirstMatchGiven);

    public enum GivingKind
    {
        Contribution,
        Hours,
        Match,
    }

    public sealed record Row(Guid PersonId, DateOnly AskedSince, DateOnly GivesSince, GivingKind FirstGiving);

    public static DateOnly? AskedSince(Facts f) => Min(f.RegisteredAsVrager, f.FirstReceived);

    public static (DateOnly Since, GivingKind Kind)? GivesSince(Facts f)
    {
        (DateOnly, GivingKind)? best = null;
        foreach (var (date, kind) in new[] { (f.FirstHours, GivingKind.Hours), (f.FirstContribution, GivingKind.Contribution), (f.FirstMatchGiven, GivingKind.Match) })
        {
            if (date is { } d && (best is null || d < best.Value.Item1))
            {
                best = (d, kind);
            }
        }
        return best;
    }

    /// <summary>The register row of this person, or null when they are not a vrager who became a drager.</summary>
    public static Row? RowOf(Facts f) =>
        AskedSince(f) is { } asked && GivesSince(f) is { } gives && gives.Since >= asked
            ? new Row(f.PersonId, asked, gives.Since, gives.Kind)
            : null;

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    public static string Label(GivingKind kind) => kind switch
    {
        GivingKind.Hours => "vrijwilligersuren",
        GivingKind.Contribution => "bijdrage",
        _ => "koppeling als helper",
    };
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Time;

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

    /// <summary>A person as the rule sees them: registered when, and marked as vrager or not.</summary>
    public sealed record Person(Guid Id, bool IsVrager, DateTime CreatedAt);

    /// <summary>The facts of these people, read from the given rows (the tenant's own, or an impact query's scope).
    /// With <paramref name="onlyThese"/> the reads are limited to those people; without it they read every row, which
    /// is cheaper when the people are most of the register.</summary>
    public static async Task<List<Facts>> FactsAsync(IReadOnlyCollection<Person> people, IQueryable<Match> matches,
        IQueryable<Contribution> contributions, IQueryable<VolunteerHours> hours, bool onlyThese, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        if (onlyThese)
        {
            matches = matches.Where(m => ids.Contains(m.ReceiverPersonId) || ids.Contains(m.GiverPersonId));
            contributions = contributions.Where(c => ids.Contains(c.PersonId));
            hours = hours.Where(h => ids.Contains(h.PersonId));
        }
        var received = await matches.GroupBy(m => m.ReceiverPersonId)
            .Select(g => new { g.Key, First = g.Min(m => m.SuggestedAt) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        var gaveMatch = await matches.Where(m => m.DoneAt != null).GroupBy(m => m.GiverPersonId)
            .Select(g => new { g.Key, First = g.Min(m => m.DoneAt!.Value) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        var contributed = await contributions.GroupBy(c => c.PersonId)
            .Select(g => new { g.Key, First = g.Min(c => c.GivenOn) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        var worked = await hours.GroupBy(h => h.PersonId)
            .Select(g => new { g.Key, First = g.Min(h => h.WorkedOn) }).ToDictionaryAsync(x => x.Key, x => x.First, cancellationToken);
        static DateOnly? Day(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(u.ToAmsterdam()) : null;
        return people.Select(p => new Facts(p.Id, p.IsVrager ? Day(p.CreatedAt) : null,
            Day(received.TryGetValue(p.Id, out var r) ? r : null),
            contributed.TryGetValue(p.Id, out var c) ? c : null,
            worked.TryGetValue(p.Id, out var w) ? w : null,
            Day(gaveMatch.TryGetValue(p.Id, out var g) ? g : null))).ToList();
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    public static string Label(GivingKind kind) => kind switch
    {
        GivingKind.Hours => "vrijwilligersuren",
        GivingKind.Contribution => "bijdrage",
        _ => "koppeling als helper",
    };
}

using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Agenda;

/// <summary>What an enterprise publishes: sessions of its public activities, with no personal data at all
/// (no host, no visitors). Read by anyone, so it enters the enterprise read-only, without roles.</summary>
public sealed class PublicAgenda(WijkbasisDb db, TenantContext tenant, TimeProvider time)
{
    /// <summary>The enterprise, entered read-only; null (404) when it does not exist or publishes nothing, so the
    /// public address does not tell which enterprises exist unless they chose to publish an agenda.</summary>
    public async Task<Data.Enterprise?> EnterAsync(string slug, CancellationToken cancellationToken)
    {
        var enterprise = await tenant.EnterPublicAsync(db, slug, cancellationToken);
        if (enterprise is null)
        {
            return null;
        }
        return await db.Activities.AnyAsync(a => a.IsPublic, cancellationToken) ? enterprise : null;
    }

    /// <summary>Sessions that start on or after <paramref name="from"/> (an Amsterdam date), up to the planning horizon.</summary>
    public Task<List<Item>> SessionsAsync(DateOnly from, DateOnly? until, CancellationToken cancellationToken)
    {
        var start = Clock.FromAmsterdam(from, TimeOnly.MinValue);
        var end = until is { } u ? Clock.FromAmsterdam(u.AddDays(1), TimeOnly.MinValue) : DateTime.MaxValue;
        return db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt >= start && s.StartsAt < end && s.Activity!.IsPublic
                        && (s.Activity.ArchivedAt == null || s.StartsAt < s.Activity.ArchivedAt))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new Item(s.Id, s.Activity!.Name, s.Activity.Description, s.StartsAt, s.EndsAt,
                s.Location!.Name, s.Location.Address, s.Location.IsPopUp, s.Location.Label,
                s.CancelledAt != null, s.CancelReason, s.Sequence))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether anything public is planned after <paramref name="date"/> (for a "next weeks" link).</summary>
    public Task<bool> AnyAfterAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var after = Clock.FromAmsterdam(date.AddDays(1), TimeOnly.MinValue);
        return db.Sessions.AnyAsync(s => s.StartsAt >= after && s.Activity!.IsPublic && s.Activity.ArchivedAt == null, cancellationToken);
    }

    public DateOnly Today => time.AmsterdamToday();

    public sealed record Item(Guid Id, string Activity, string? Description, DateTime StartsAt, DateTime EndsAt,
        string Location, string? Address, bool IsPopUp, string? Label, bool Cancelled, string? CancelReason, int Sequence)
    {
        public string Place => string.Join(", ", new[] { Activities.Location.DisplayOf(Location, IsPopUp, Label), Address }.Where(x => !string.IsNullOrEmpty(x)));
    }
}

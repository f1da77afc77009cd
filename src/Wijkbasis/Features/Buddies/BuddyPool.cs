using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Buddies;

public static class BuddyPool
{
    /// <summary>Why this buddy cannot take on a resident now (archived, VOG expired, full), or null. Checked again when
    /// the buddy accepts: a VOG may have expired since the offer.</summary>
    public static async Task<Refusal?> BlockerNowAsync(WijkbasisDb db, Guid buddyId, DateOnly today, CancellationToken cancellationToken)
    {
        var buddy = await db.Buddies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buddyId, cancellationToken);
        if (buddy is null || buddy.ArchivedAt is not null)
        {
            return new("Deze buddy doet niet meer mee.");
        }
        var load = await TenantBypass.OwnersOfOpenCases(db).CountAsync(o => o == buddyId, cancellationToken);
        return BuddyMatching.Blocker(new MatchCandidate(buddy.Id, buddy.Name, buddy.Kind, buddy.Skills, buddy.Languages, buddy.Postcode,
            buddy.Availability, buddy.MaxResidents, load, buddy.VogExpiresOn), today);
    }

    /// <summary>The top buddies for a request, with their reasons: the enterprise's pool (buddies and their loads) from the
    /// cache when it is still current, else read and kept, then <see cref="BuddyMatching.Rank(MatchRequest, MatchPool, IReadOnlySet{Guid}, DateOnly, int)"/>.
    /// When the pool is kept that is one small query: the stamp.</summary>
    public static async Task<IReadOnlyList<MatchSuggestion>> SuggestAsync(WijkbasisDb db, BuddyPoolCache cache, MatchRequest request,
        IReadOnlySet<Guid> excluded, DateOnly today, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tenantId = db.CurrentTenantId;
            // The stamp before the rows: a change that commits between the two makes the rows newer than the stamp
            // (which costs one more read next time), never older.
            var stamp = await db.Enterprises.AsNoTracking().Where(e => e.Id == tenantId).Select(e => e.BuddyPoolStamp)
                .SingleAsync(cancellationToken);
            var pool = cache.Find(tenantId, stamp);
            if (pool is null)
            {
                var buddies = await ReadAsync(db, cancellationToken);
                pool = cache.Keep(tenantId, MatchPool.Prepare(buddies, await LoadsAsync(db, cancellationToken), stamp));
            }
            return BuddyMatching.Rank(request, pool, excluded, today);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Open cases per buddy, now.</summary>
    public static async Task<Dictionary<Guid, int>> LoadsAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        await TenantBypass.OwnersOfOpenCases(db).GroupBy(o => o).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>Every active buddy of the enterprise, without loads.</summary>
    public static async Task<List<MatchCandidate>> ReadAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        await db.Buddies.AsNoTracking().Where(b => b.ArchivedAt == null)
            .Select(b => new MatchCandidate(b.Id, b.Name, b.Kind, b.Skills, b.Languages, b.Postcode, b.Availability, b.MaxResidents, 0, b.VogExpiresOn))
            .ToListAsync(cancellationToken);
}

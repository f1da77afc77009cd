using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Buddies;

public static class BuddyPool
{
    /// <summary>Why this buddy cannot take on a resident now (archived, VOG expired, full), or null. Checked again when
    /// the buddy accepts: a VOG may have expired since the offer.</summary>
    public static async Task<string?> BlockerNowAsync(WijkbasisDb db, Guid buddyId, DateOnly today, CancellationToken cancellationToken)
    {
        var buddy = await db.Buddies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buddyId, cancellationToken);
        if (buddy is null || buddy.ArchivedAt is not null)
        {
            return "Deze buddy doet niet meer mee.";
        }
        var load = await TenantBypass.OwnersOfOpenCases(db).CountAsync(o => o == buddyId, cancellationToken);
        return BuddyMatching.Blocker(new MatchCandidate(buddy.Id, buddy.Name, buddy.Kind, buddy.Skills, buddy.Languages, buddy.Postcode,
            buddy.Availability, buddy.MaxResidents, load, buddy.VogExpiresOn), today);
    }

    /// <summary>Every active buddy of the enterprise with their current load, in two queries.</summary>
    public static async Task<List<MatchCandidate>> CandidatesAsync(WijkbasisDb db, CancellationToken cancellationToken)
    {
        var load = (await TenantBypass.OwnersOfOpenCases(db).GroupBy(o => o).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToDictionary(g => g.Key, g => g.Count);
        var buddies = await db.Buddies.AsNoTracking().Where(b => b.ArchivedAt == null)
            .Select(b => new { b.Id, b.Name, b.Kind, b.Skills, b.Languages, b.Postcode, b.Availability, b.MaxResidents, b.VogExpiresOn })
            .ToListAsync(cancellationToken);
        return buddies.Select(b => new MatchCandidate(b.Id, b.Name, b.Kind, b.Skills, b.Languages, b.Postcode, b.Availability,
            b.MaxResidents, load.GetValueOrDefault(b.Id), b.VogExpiresOn)).ToList();
    }
}

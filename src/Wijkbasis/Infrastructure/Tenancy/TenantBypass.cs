using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>The one place allowed to read across tenants (IgnoreQueryFilters is a banned symbol
/// everywhere else). Each use is named for what it needs, so a review sees every hole in one file.</summary>
public static class TenantBypass
{
#pragma warning disable RS0030 // the sanctioned bypass
    private static IQueryable<T> AllTenants<T>(DbSet<T> set) where T : class =>
        set.IgnoreQueryFilters([WijkbasisDb.TenantFilter]);

    /// <summary>Past the buddy programme's access filter, still inside the enterprise.</summary>
    private static IQueryable<T> PastAccess<T>(DbSet<T> set) where T : class =>
        set.IgnoreQueryFilters([WijkbasisDb.AccessFilter]);

    private static IQueryable<T> PastBoth<T>(DbSet<T> set) where T : class =>
        set.IgnoreQueryFilters([WijkbasisDb.TenantFilter, WijkbasisDb.AccessFilter]);
#pragma warning restore RS0030

    /// <summary>A user's memberships in every enterprise: needed to resolve the tenant of a request
    /// and to list the enterprises on the start page.</summary>
    public static IQueryable<Membership> MembershipsOfUser(WijkbasisDb db, Guid userId) =>
        AllTenants(db.Memberships).Where(m => m.UserId == userId);

    /// <summary>An invitation is opened by someone who is not logged in, before any tenant is known.</summary>
    public static IQueryable<Invitation> InvitationByTokenHash(WijkbasisDb db, string tokenHash) =>
        AllTenants(db.Invitations).Where(i => i.TokenHash == tokenHash);

    /// <summary>An API key is presented before any enterprise is known: its row is found by the key's prefix, then
    /// checked against its hash (Features/Api/ApiTokenAuthentication.cs).</summary>
    public static IQueryable<Features.Api.ApiToken> ApiTokenByPrefix(WijkbasisDb db, string prefix) =>
        AllTenants(db.ApiTokens).Where(t => t.Prefix == prefix);

    /// <summary>The audit chain spans all enterprises: the sealer and the verifier read every row.</summary>
    public static IQueryable<Infrastructure.Audit.AuditEntry> AuditChain(WijkbasisDb db) => AllTenants(db.AuditEntries);

    /// <summary>Counts per enterprise for the platform admin's overview: numbers, never rows.</summary>
    public static IQueryable<Membership> AllMemberships(WijkbasisDb db) => AllTenants(db.Memberships);

    /// <summary>The buddy of every open case in the enterprise: how many residents each buddy holds (for the pool
    /// list and matching), without who they are.</summary>
    public static IQueryable<Guid> OwnersOfOpenCases(WijkbasisDb db) =>
        PastAccess(db.Cases).Where(c => c.Status == Features.Cases.CaseStatus.Open).Select(c => c.OwnerBuddyId);

    /// <summary>The buddy of every open case without contact since <paramref name="before"/>: for the coordinator's
    /// "losing touch" counts per buddy, without the residents.</summary>
    public static IQueryable<Guid> OwnersOfCasesWithoutContactSince(WijkbasisDb db, DateTime before) =>
        PastAccess(db.Cases).Where(c => c.Status == Features.Cases.CaseStatus.Open && (c.LastContactAt ?? c.OpenedAt) < before)
            .Select(c => c.OwnerBuddyId);

    /// <summary>Yields a row when the case is closed: checked under the pot's lock before money is booked on it.</summary>
    public static IQueryable<Guid> IsCaseClosed(WijkbasisDb db, Guid caseId) =>
        PastAccess(db.Cases).Where(c => c.Id == caseId && c.Status == Features.Cases.CaseStatus.Closed).Select(c => c.Id);

    /// <summary>The outcome of every visit of the enterprise's outreach rounds: counts per round, not the visits.</summary>
    public static IQueryable<VisitOutcomeRow> VisitOutcomes(WijkbasisDb db) =>
        PastAccess(db.OutreachVisits).Select(v => new VisitOutcomeRow { CampaignId = v.CampaignId, Outcome = v.Outcome });

    /// <summary>Offers other enterprises of the municipality share with their residents' consent (the minimal copies in
    /// <see cref="Features.Talents.SharedOffer"/>; on PostgreSQL a policy of their own lets these rows through).</summary>
    public static IQueryable<Features.Talents.SharedOffer> SharedOffersOfOtherEnterprises(WijkbasisDb db, Guid municipalityId) =>
        AllTenants(db.SharedOffers).Where(o => o.MunicipalityId == municipalityId && o.TenantId != db.CurrentTenantId);

    /// <summary>The rows the impact monitor counts: every row of the given enterprises (one enterprise for its own
    /// report, all of a municipality for the analyst's view), past the buddy programme's access filter. Only
    /// <see cref="Features.Impact.ImpactQuery"/> reads them, and it yields grouped counts and sums, never rows.</summary>
    public static IQueryable<T> ForImpact<T>(WijkbasisDb db, IReadOnlyList<Guid> tenantIds) where T : class, ITenantOwned =>
        tenantIds.Count == 1 && tenantIds[0] is var only
            ? PastBoth(db.Set<T>()).Where(x => x.TenantId == only)
            : PastBoth(db.Set<T>()).Where(x => tenantIds.Contains(x.TenantId));

    /// <summary>Every row of one type in the current enterprise, past the access filter: for resealing special-category
    /// fields with a new key (the rows are rewritten, never shown).</summary>
    public static IQueryable<T> RowsToReseal<T>(WijkbasisDb db) where T : class => PastAccess(db.Set<T>());

    /// <summary>How many buddy-programme records one person has, past the access filter: the subject-access report names
    /// the ones the worker may not open ("er is een intake; inhoud alleen voor …"), as numbers, never rows.</summary>
    public static async Task<SubjectRecordCount> SubjectRecordCounts(WijkbasisDb db, Guid personId, CancellationToken ct) => new(
        await PastAccess(db.Intakes).CountAsync(i => i.PersonId == personId, ct),
        await PastAccess(db.Cases).CountAsync(c => c.PersonId == personId, ct),
        await PastAccess(db.BuddyOffers).CountAsync(o => o.PersonId == personId, ct),
        await PastAccess(db.OutreachVisits).CountAsync(v => v.PersonId == personId, ct),
        await PastAccess(db.Signals).CountAsync(s => s.PersonId == personId, ct));

    /// <summary>Every row of one type in the current enterprise, past the access filter: for erasing a person on request
    /// (docs/decisions/0023): the rows are emptied or removed, never shown.</summary>
    public static IQueryable<T> RowsToErase<T>(WijkbasisDb db) where T : class => PastAccess(db.Set<T>());
    /// <summary>Rows of one type in the current enterprise, past the access filter: for the retention purge, which empties
    /// the sealed fields of closed buddy trajectories a coordinator may not open (the dry run shows references and counts,
    /// never contents; docs/decisions/0024).</summary>
    public static IQueryable<T> RowsToPurge<T>(DbSet<T> set) where T : class => PastAccess(set);

    /// <summary>The register past a volunteer's minimisation, inside the enterprise: for the one duplicate rule when someone
    /// is added, so a volunteer does not register a person twice because they cannot see them (docs/decisions/0024).</summary>
    public static IQueryable<Features.People.Person> PeopleForDuplicateCheck(WijkbasisDb db) =>
        PastAccess(db.People).Where(p => p.ErasedAt == null);

    /// <summary>The register with the tombstones of erased people, inside the enterprise: for the erasure itself, which
    /// turns a person into a tombstone and answers a repeated request with "already done" (docs/decisions/0023).</summary>
    public static IQueryable<Features.People.Person> ErasedOrNot(WijkbasisDb db) => PastAccess(db.People);
}

public sealed class VisitOutcomeRow
{
    public Guid CampaignId { get; init; }
    public Features.Outreach.VisitOutcome Outcome { get; init; }
}

public sealed record SubjectRecordCount(int Intakes, int Cases, int Offers, int OutreachVisits, int Signals);

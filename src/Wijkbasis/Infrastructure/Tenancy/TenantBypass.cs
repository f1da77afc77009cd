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
#pragma warning restore RS0030

    /// <summary>A user's memberships in every enterprise: needed to resolve the tenant of a request
    /// and to list the enterprises on the start page.</summary>
    public static IQueryable<Membership> MembershipsOfUser(WijkbasisDb db, Guid userId) =>
        AllTenants(db.Memberships).Where(m => m.UserId == userId);

    /// <summary>An invitation is opened by someone who is not logged in, before any tenant is known.</summary>
    public static IQueryable<Invitation> InvitationByTokenHash(WijkbasisDb db, string tokenHash) =>
        AllTenants(db.Invitations).Where(i => i.TokenHash == tokenHash);

    /// <summary>The audit chain spans all enterprises: the sealer and the verifier read every row.</summary>
    public static IQueryable<Infrastructure.Audit.AuditEntry> AuditChain(WijkbasisDb db) => AllTenants(db.AuditEntries);

    /// <summary>Counts per enterprise for the platform admin's overview: numbers, never rows.</summary>
    public static IQueryable<Membership> AllMemberships(WijkbasisDb db) => AllTenants(db.Memberships);
}

using System.Security.Claims;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Shared;

/// <summary>Whether a declared policy lets the current user in, read from the same declaration the policy was built
/// from (<see cref="Areas.Policies"/>), so a menu or a button never retypes a role list. No authorization service call:
/// a menu asks a dozen times per page, and a "no" here is not a refusal worth logging.</summary>
public static class AreaAccess
{
    public static bool Allows(string policyName, ClaimsPrincipal user, TenantContext tenant)
    {
        if (!Areas.Policies.TryGetValue(policyName, out var policy))
        {
            throw new InvalidOperationException($"No area declares the policy '{policyName}'.");
        }
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        if (policy.Claim is not null && !(policy.ClaimValue is null ? user.HasClaim(c => c.Type == policy.Claim && c.Value.Length > 0)
            : user.HasClaim(policy.Claim, policy.ClaimValue)))
        {
            return false;
        }
        return policy.Roles.Count == 0 || (tenant.HasTenant && policy.Roles.Any(tenant.IsInRole));
    }

    /// <summary>The menu entries this user sees, in menu order.</summary>
    public static IEnumerable<MenuEntry> Menu(ClaimsPrincipal user, TenantContext tenant) =>
        Areas.All.SelectMany(a => a.Menu)
            .Where(e => Allows(e.Policy, user, tenant) && (e.Unless is null || !Allows(e.Unless, user, tenant)))
            .OrderBy(e => e.Order);
}

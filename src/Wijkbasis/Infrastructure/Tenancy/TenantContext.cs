namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>The enterprise this request acts for, and who acts. Empty (no tenant) means every
/// tenant-owned query returns nothing and every tenant-owned write throws: fail closed.</summary>
public sealed class TenantContext
{
    public Guid TenantId { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid MunicipalityId { get; private set; }
    public IReadOnlySet<string> Roles { get; private set; } = new HashSet<string>();

    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "systeem";
    /// <summary>The name people know the actor by ("Wendy Wijkverbinder"), for records shown to colleagues;
    /// <see cref="UserName"/> (the login) is what the audit log keeps.</summary>
    public string DisplayName { get; private set; } = "systeem";

    public bool HasTenant => TenantId != Guid.Empty;

    public bool IsInRole(string role) => Roles.Contains(role);

    public void Enter(Guid tenantId, string slug, string name, Guid municipalityId, IEnumerable<string> roles)
    {
        if (HasTenant && tenantId != TenantId)
        {
            throw new InvalidOperationException("A request acts for one enterprise only.");
        }
        TenantId = tenantId;
        Slug = slug;
        Name = name;
        MunicipalityId = municipalityId;
        Roles = roles.ToHashSet(StringComparer.Ordinal);
    }

    public void SetActor(Guid? userId, string userName, string? displayName = null)
    {
        UserId = userId;
        UserName = userName;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName;
    }

    /// <summary>For background work (seeding, imports) that moves from one enterprise to the next.</summary>
    public void Leave()
    {
        TenantId = Guid.Empty;
        Slug = "";
        Name = "";
        Roles = new HashSet<string>();
    }

    public string RoleSummary => Roles.Count == 0 ? "-" : string.Join(",", Roles.Order(StringComparer.Ordinal));
}

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

    /// <summary>The enterprise entered, as a row reference: to enter the same one in another scope
    /// (<see cref="TenantScopes.AsTenant(IServiceScopeFactory, EnterpriseRef, IEnumerable{string}, string)"/>).</summary>
    public EnterpriseRef Enterprise => new(TenantId, Slug, Name, MunicipalityId);

    /// <summary>The one way in: act for this enterprise with these roles (none for public or system work).</summary>
    public void Enter(EnterpriseRef enterprise, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        if (HasTenant && enterprise.Id != TenantId)
        {
            throw new InvalidOperationException("A request acts for one enterprise only.");
        }
        TenantId = enterprise.Id;
        Slug = enterprise.Slug;
        Name = enterprise.Name;
        MunicipalityId = enterprise.MunicipalityId;
        Roles = roles.ToHashSet(StringComparer.Ordinal);
    }

    public void Enter(Data.Enterprise enterprise, IEnumerable<string> roles) => Enter(EnterpriseRef.Of(enterprise), roles);

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

    /// <summary>For background work in one scope that moves from one enterprise to the next (the demo generator):
    /// leaves the current one, enters this one and acts as the system under <paramref name="actor"/>.
    /// Work that can have a scope of its own uses <see cref="TenantScopes"/> instead.</summary>
    public void MoveTo(Data.Enterprise enterprise, IEnumerable<string> roles, string actor, string? displayName = null)
    {
        Leave();
        Enter(enterprise, roles);
        SetActor(null, actor, displayName);
    }

    public string RoleSummary => Roles.Count == 0 ? "-" : string.Join(",", Roles.Order(StringComparer.Ordinal));
}

/// <summary>What entering an enterprise needs from its row.</summary>
public sealed record EnterpriseRef(Guid Id, string Slug, string Name, Guid MunicipalityId)
{
    public static EnterpriseRef Of(Data.Enterprise enterprise)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        return new(enterprise.Id, enterprise.Slug, enterprise.Name, enterprise.MunicipalityId);
    }
}

using Microsoft.AspNetCore.Identity;

namespace Wijkbasis.Data;

/// <summary>A row that belongs to one enterprise (tenant). The tenant query filter and the
/// tenant interceptor in Infrastructure/Tenancy enforce it; code never filters by hand.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>Changes to rows of these types write an audit row in the same transaction.</summary>
public interface IAudited
{
    Guid Id { get; }
    /// <summary>The person this record is about, so a person can be told who looked at their data.</summary>
    Guid? SubjectPersonId { get; }
}

public sealed class Municipality
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>CBS gemeentecode, e.g. GM0202.</summary>
    public required string Code { get; set; }
}

public enum EnterpriseKind
{
    LivingRoom,
    Garden,
    YouthTeam,
    WorkActivation,
    Other,
}

/// <summary>A sociale wijkonderneming: the tenant.</summary>
public sealed class Enterprise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case URL segment: /{slug}/mensen.</summary>
    public required string Slug { get; set; }
    public EnterpriseKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Replaced with every change to one of the enterprise's buddies (see Features/Buddies/BuddyPoolCache).</summary>
    public Guid BuddyPoolStamp { get; set; } = Guid.NewGuid();
}

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();
    public string DisplayName { get; set; } = "";
    public bool IsPlatformAdmin { get; set; }
    /// <summary>Set for a municipality analyst: the municipality whose aggregates they may read.</summary>
    public Guid? AnalystMunicipalityId { get; set; }
}

/// <summary>A user's role in one enterprise. A user may hold several roles in several enterprises.</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Invitation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    /// <summary>SHA-256 of the token in the link; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
}

/// <summary>Postcode (PC6) to CBS buurt; global reference data, importable from CSV.</summary>
public sealed class PostcodeArea
{
    /// <summary>Postcode without space, e.g. 6822AB.</summary>
    public required string Postcode { get; set; }
    public required string BuurtCode { get; set; }
    public required string BuurtName { get; set; }
    public required string WijkCode { get; set; }
    public required string WijkName { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>WGS84 of the postcode's centre, where the loaded table has it: gives a place on the asset map its
    /// position from its postcode.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

using System.Security.Cryptography;
using System.Text;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Api;

/// <summary>A key for the public API (docs/decisions/0033): one enterprise, a name the coordinator gave it, the scopes it
/// may use. The key itself is shown once; only its SHA-256 hash is kept, with a short prefix to find the row by.</summary>
public sealed class ApiToken : ITenantOwned, IAudited
{
    public const int NameMax = 80;
    /// <summary>Characters of the key (after <see cref="ApiKeys.Marker"/>) kept to find the row: not secret, shown in the list.</summary>
    public const int PrefixLength = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole key, lower-case hex.</summary>
    public required string Hash { get; set; }
    /// <summary>Scope names separated by a space (<see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedByName { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    Guid? IAudited.SubjectPersonId => null;
}

/// <summary>What a key may do. Each scope is an authorization policy of <see cref="ApiArea"/>.</summary>
public static class ApiScopes
{
    public const string AggregatesRead = "aggregates:read";
    public const string LogbookRead = "logbook:read";
    public const string LogbookWrite = "logbook:write";
    public const string TalentsRead = "talents:read";
    public const string BookingsRead = "bookings:read";

    /// <summary>Every scope with its Dutch description (a resource key) for the page where a key is made.</summary>
    public static readonly IReadOnlyList<(string Scope, string Label)> All =
    [
        (AggregatesRead, "Cijfers lezen (zoals in de gemeentelijke weergave, kleine aantallen verborgen)"),
        (LogbookRead, "Activiteiten, sessies, aanmeldingen en tellingen lezen"),
        (LogbookWrite, "Aanmeldingen en tellingen toevoegen"),
        (TalentsRead, "Talenten en koppelingen lezen (zonder namen)"),
        (BookingsRead, "Zaalboekingen lezen"),
    ];

    public static bool IsKnown(string scope) => All.Any(s => s.Scope == scope);

    /// <summary>The claim a request made with a key carries for each of its scopes (value "true").</summary>
    public static string Claim(string scope) => "wb-api-scope:" + scope;
}

/// <summary>Making and checking keys: "wbk_" + 43 characters of base64url (256 random bits).</summary>
public static class ApiKeys
{
    public const string Marker = "wbk_";

    public static string New() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The lookup prefix of a key, or null when it is not shaped like one.</summary>
    public static string? PrefixOf(string key) =>
        key.StartsWith(Marker, StringComparison.Ordinal) && key.Length == Marker.Length + 43 ? key.Substring(Marker.Length, ApiToken.PrefixLength) : null;

    /// <summary>Compares the stored hash with the hash of the key offered, in constant time.</summary>
    public static bool Matches(ApiToken token, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.Hash), Encoding.ASCII.GetBytes(HashOf(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

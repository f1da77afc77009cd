using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Api;

/// <summary>The <c>Authorization: Bearer wbk_…</c> scheme of the public API (docs/decisions/0033). Every request under
/// <c>/api</c> is authenticated by this scheme only (the login cookie forwards to it, see <see cref="ApiArea"/>): no cookies,
/// so no antiforgery. A valid key enters its enterprise as <see cref="TenantMiddleware"/> does for a page — the same
/// <see cref="TenantContext"/>, so the same query filters, and on PostgreSQL the same row-level security setting — and acts
/// as the key, named ("API-sleutel …"), in the audit log. Its scopes become claims the area's policies require. An unknown,
/// malformed or revoked key fails; the challenge answers 401 and a missing scope 403, both as problem details.</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    WijkbasisDb db, TenantContext tenant, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "wb-api-token";

    /// <summary>The last-used time is written at most this often per key, not on every call.</summary>
    private static readonly TimeSpan LastUsedGrain = TimeSpan.FromMinutes(1);

    /// <summary>The key of a request, or null when it carries none.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }
        if (ApiKeys.PrefixOf(key) is not { } prefix)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }
        var cancellationToken = Context.RequestAborted;
        // One connection for the request, as TenantMiddleware does for pages; no enterprise is set on it yet.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var token = await TenantBypass.ApiTokenByPrefix(db, prefix).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (token is null || !ApiKeys.Matches(token, key) || token.IsRevoked)
        {
            Logger.LogWarning("Refused API key {Prefix}: {Reason}", prefix, token is null ? "unknown" : token.IsRevoked ? "revoked" : "wrong secret");
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == token.TenantId)
            .Select(e => new EnterpriseRef(e.Id, e.Slug, e.Name, e.MunicipalityId)).SingleAsync(cancellationToken);
        if (!tenant.HasTenant)
        {
            // No roles: a key holds no page policy; what it may do are its scopes.
            tenant.Enter(enterprise, []);
            tenant.SetActor(null, $"API-sleutel {token.Name} ({token.Prefix})", $"API-sleutel {token.Name}");
            if (Context.RequestServices.GetService<PostgresTenantSession>() is { } session && db.Database.IsNpgsql())
            {
                await session.RefreshAsync(db.Database.GetDbConnection(), cancellationToken);
            }
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is not { } used || now - used >= LastUsedGrain)
        {
            // Not audited: a time stamp on the key's own row, under the tenant filter of the enterprise just entered.
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        List<Claim> claims = [new(ClaimTypes.Name, tenant.DisplayName), new(TokenIdClaim, token.Id.ToString())];
        claims.AddRange(token.ScopeList.Where(ApiScopes.IsKnown).Select(s => new Claim(ApiScopes.Claim(s), "true")));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            KeyOf(Request) is null ? "Stuur een API-sleutel mee in de kop Authorization: Bearer." : "Deze API-sleutel is onbekend of ingetrokken.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Deze API-sleutel mag dit niet. Vraag de coördinator om een sleutel met de juiste rechten.");
}

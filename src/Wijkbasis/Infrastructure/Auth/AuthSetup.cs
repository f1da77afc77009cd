using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure.Auth;

public sealed class SecurityOptions
{
    /// <summary>Two-factor login for roles that see special-category data. Only the demo turns it off.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Login attempts (password or code) per minute from one address, against password spraying
    /// across many accounts; per-account lockout covers guessing one account. Per app instance.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Wrong passwords for one address from one client before that client may not try that address for
    /// <see cref="LoginLockoutMinutes"/> (others, including the owner elsewhere, still can). See decision 0020.</summary>
    public int LoginFailuresPerAccountAndClient { get; set; } = 5;

    /// <summary>Wrong passwords from one client across all addresses before that client may not log in for
    /// <see cref="LoginLockoutMinutes"/> (password spraying).</summary>
    public int LoginFailuresPerClient { get; set; } = 30;

    /// <summary>How long a block lasts after the last failure that counted.</summary>
    public int LoginLockoutMinutes { get; set; } = 15;

    /// <summary>At most this many counts are kept in memory; when full, the oldest go first.</summary>
    public int LoginThrottleEntries { get; set; } = 100_000;

    /// <summary>An authenticator code is accepted once (only automated tests, which log in the same user many times
    /// within 30 seconds, turn this off).</summary>
    public bool RefuseReusedTotpCodes { get; set; } = true;
}

/// <summary>Settings for running behind a TLS-terminating reverse proxy. Both default to off so <c>./run</c> on
/// http://127.0.0.1 keeps working.</summary>
public sealed class NetworkOptions
{
    /// <summary>Every cookie gets the Secure flag (the browser sends it over HTTPS only).</summary>
    public bool SecureCookies { get; set; }

    /// <summary>HTTPS answers carry Strict-Transport-Security for this many days (0: none).</summary>
    public int HstsDays { get; set; }
}

public static class AuthSetup
{
    /// <summary>Pages where someone types a password, a code or an address to receive mail.</summary>
    private static bool IsPasswordOrCodeEntry(PathString path) =>
        path.StartsWithSegments("/account/inloggen") || path.StartsWithSegments("/account/wachtwoord-vergeten")
        || path.StartsWithSegments("/account/wachtwoord") || path.StartsWithSegments("/account/nieuw-wachtwoord")
        || path.StartsWithSegments("/account/tweestapsverificatie");

    /// <summary>Anonymous forms that store what a stranger types (room requests, survey answers through a link): limited per
    /// address the same way.</summary>
    private static bool IsPublicForm(PathString path) => path.StartsWithSegments("/ruimtes") || path.StartsWithSegments("/enquete");

    private static System.Threading.RateLimiting.RateLimitPartition<string> PerAddress(string kind, HttpContext context, int perMinute) =>
        System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
            kind + (context.Connection.RemoteIpAddress?.ToString() ?? "-"),
            _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });

    public static WebApplicationBuilder AddWijkbasisAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SecurityOptions>(builder.Configuration.GetSection("Security"));
        services.Configure<NetworkOptions>(builder.Configuration.GetSection("Network"));
        var hstsDays = builder.Configuration.GetSection("Network").Get<NetworkOptions>()?.HstsDays ?? 0;
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(Math.Max(0, hstsDays)));
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DummyPassword>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                // NIST 800-63B: length over composition rules, no forced rotation.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address; any address the e-mail check accepts is fine.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = OnceOnlyAuthenticatorTokenProvider.Name;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<WijkbasisDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(OnceOnlyAuthenticatorTokenProvider.Name)
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddClaimsPrincipalFactory<WijkbasisClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/inloggen";
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/fout/403";
            o.Cookie.Name = "wijkbasis";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // A reset or changed password, a revoked role or a reset authenticator ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));
        // The periodic security-stamp check rebuilds the principal from the database and would drop how
        // the user logged in; keep the two-factor mark so a two-factor login stays one, and the mark of a login made
        // through an invitation or reset link (which may enrol two-factor).
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                foreach (var type in new[] { "amr", WijkbasisClaims.MayEnrol })
                {
                    if (context.CurrentPrincipal?.FindFirst(type) is { } kept && !identity.HasClaim(type, kept.Value))
                    {
                        identity.AddClaim(new Claim(type, kept.Value));
                    }
                }
            }
            return Task.CompletedTask;
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = "wijkbasis.ext");
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "wijkbasis.2fa");

        // Behind a reverse proxy the client address comes from X-Forwarded-For, trusted only from the
        // proxies listed in Network:KnownProxies (comma-separated), so nobody else can fake an address.
        var proxies = (builder.Configuration["Network:KnownProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(System.Net.IPAddress.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        var attempts = builder.Configuration.GetSection("Security").Get<SecurityOptions>()?.LoginAttemptsPerMinute ?? 20;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !HttpMethods.IsPost(context.Request.Method) ? System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("unlimited")
                : IsPasswordOrCodeEntry(context.Request.Path) ? PerAddress("login:", context, attempts)
                : IsPublicForm(context.Request.Path) ? PerAddress("public:", context, attempts)
                : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("unlimited"));
        });
        services.AddScoped<IAuthorizationHandler, TenantRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Audit.AuditForbiddenResults>();
        // Deny by default: an endpoint without its own policy still needs a login, and a test fails on any endpoint that
        // does not declare one explicitly. The named policies come from the areas (Features/Pages.cs).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}

/// <summary>Holds when the request's enterprise (resolved from the route by
/// <see cref="TenantMiddleware"/>) gives the user one of the roles. No enterprise: fails.</summary>
public sealed class TenantRoleRequirement(string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

public sealed class TenantRoleHandler(TenantContext tenant) : AuthorizationHandler<TenantRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRoleRequirement requirement)
    {
        if (tenant.HasTenant && requirement.Roles.Any(tenant.IsInRole))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Adds the claims the app needs on every request without a query: platform admin, name,
/// and whether this user must use two-factor login.</summary>
public sealed class WijkbasisClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, WijkbasisDb db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WijkbasisClaims.DisplayName, user.DisplayName));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(WijkbasisClaims.PlatformAdmin, "true"));
        }
        if (user.AnalystMunicipalityId is { } municipality)
        {
            identity.AddClaim(new Claim(WijkbasisClaims.MunicipalityAnalyst, municipality.ToString()));
        }
        var sensitive = await TenantBypass.MembershipsOfUser(db, user.Id)
            .AnyAsync(m => Roles.SpecialCategory.Contains(m.Role));
        if (sensitive)
        {
            identity.AddClaim(new Claim(WijkbasisClaims.MfaRequired, "true"));
        }
        return identity;
    }
}

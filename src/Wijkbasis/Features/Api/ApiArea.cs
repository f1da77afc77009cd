using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Api;

/// <summary>Settings of the public API.</summary>
public sealed class ApiOptions
{
    /// <summary>Calls per key per minute; more answer 429.</summary>
    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>The public API (docs/decisions/0033): <c>/api/v1</c> for machines, with keys per enterprise and scopes; the
/// page where the coordinator makes and revokes keys; the OpenAPI document and a readable page of the operations.
/// Each scope is a policy here, so an operation without one fails the endpoint test like any page.</summary>
public sealed class ApiArea : Area
{
    public const string Root = "/api/v1";

    /// <summary>Making and revoking keys: the coordinator, who answers for what leaves the enterprise.</summary>
    public const string Keys = "ApiKeys";
    public const string AggregatesRead = "ApiAggregatesRead";
    public const string LogbookRead = "ApiLogbookRead";
    public const string LogbookWrite = "ApiLogbookWrite";
    public const string TalentsRead = "ApiTalentsRead";
    public const string BookingsRead = "ApiBookingsRead";

    /// <summary>Requests under /api: authenticated by key only, answered with problem details.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(Keys, Roles.Coordinator),
        AreaPolicy.ForClaim(AggregatesRead, ApiScopes.Claim(ApiScopes.AggregatesRead)),
        AreaPolicy.ForClaim(LogbookRead, ApiScopes.Claim(ApiScopes.LogbookRead)),
        AreaPolicy.ForClaim(LogbookWrite, ApiScopes.Claim(ApiScopes.LogbookWrite)),
        AreaPolicy.ForClaim(TalentsRead, ApiScopes.Claim(ApiScopes.TalentsRead)),
        AreaPolicy.ForClaim(BookingsRead, ApiScopes.Claim(ApiScopes.BookingsRead)),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Api/Keys", Keys);
        pages.AddPageApplicationModelConvention("/Api/Keys", m => m.Filters.Add(new AuditNotFoundRecords(nameof(ApiToken))));
        // The documentation is public, like the OpenAPI document it is read from.
        pages.AllowAnonymousToPage("/Api/Docs");
    }

    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ApiOptions>(builder.Configuration.GetSection("Api"));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        // The app's default scheme is the login cookie; under /api it hands everything (authenticate, challenge, forbid)
        // to the key scheme, so an API call never uses a cookie and a page never accepts a key.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var earlier = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => IsApi(context.Request.Path) ? ApiTokenAuthentication.SchemeName : earlier?.Invoke(context);
        });
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, ApiProblems.Language.Provider));
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            // Per key, beside the app's own limits (login, public forms); a call without a key is limited per address.
            var perKey = PartitionedRateLimiter.Create<HttpContext, string>(context => !IsApi(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            o.GlobalLimiter = o.GlobalLimiter is { } app ? PartitionedRateLimiter.CreateChained(app, perKey) : perKey;
            var earlier = o.OnRejected;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (!IsApi(context.HttpContext.Request.Path))
                {
                    if (earlier is not null)
                    {
                        await earlier(context, cancellationToken);
                    }
                    return;
                }
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Deze API-sleutel heeft deze minuut te veel verzoeken gedaan. Probeer het over een minuut opnieuw.");
            };
        });
        services.AddOpenApi(ApiOpenApi.DocumentName, ApiOpenApi.Configure);
    }

    /// <summary>The limiter's partition: the key's lookup prefix, else the caller's address.</summary>
    private static string PartitionOf(HttpContext context) =>
        ApiTokenAuthentication.KeyOf(context.Request) is { } key && ApiKeys.PrefixOf(key) is { } prefix
            ? "key:" + prefix
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "-");

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ApiEndpoints.Map(endpoints);
        endpoints.MapOpenApi(ApiArea.Root + "/{documentName}.json").AllowAnonymous();
    }

    public override IEnumerable<MenuEntry> Menu => [new("API-sleutels", "/Api/Keys", Keys, 197)];
}

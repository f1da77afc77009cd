using Microsoft.Extensions.Options;

namespace Wijkbasis.Infrastructure.Auth;

/// <summary>A user whose role sees special-category data and who has not set up two-factor login
/// can only reach the enrolment page (and log out) until they have.</summary>
public sealed class TwoFactorEnforcement(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string EnrolPath = "/account/tweestapsverificatie";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (options.CurrentValue.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && user.HasClaim(WijkbasisClaims.MfaRequired, "true")
            && !user.HasClaim("amr", "mfa")
            && !IsAllowedWithoutMfa(context.Request.Path))
        {
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool IsAllowedWithoutMfa(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/fout");
}

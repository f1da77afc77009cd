using Microsoft.Extensions.Options;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure.Auth;

/// <summary>A user whose role sees special-category data and who has not logged in with two factors
/// can only reach the enrolment page (and log out) until they have. The role is checked twice: from the
/// claim made at login, and from the roles of this request's enterprise, so a role given during a
/// session takes effect at once.</summary>
public sealed class TwoFactorEnforcement(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string EnrolPath = "/account/tweestapsverificatie";

    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        var user = context.User;
        if (options.CurrentValue.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && (user.HasClaim(WijkbasisClaims.MfaRequired, "true") || Roles.SpecialCategory.Any(tenant.IsInRole))
            && !user.HasClaim("amr", "mfa")
            && !IsAllowedWithoutMfa(context.Request.Path))
        {
            // Back to where they were going (e.g. an invitation) once enrolled.
            context.Response.Redirect($"{EnrolPath}?ReturnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool IsAllowedWithoutMfa(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/fout");
}

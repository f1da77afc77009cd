using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure;

public static class Pipeline
{
    /// <summary>The middleware every request passes, in order: proxies, errors, security headers, static files, rate
    /// limits, language, routing, login, the enterprise of the route, two-factor enforcement, authorization.</summary>
    public static void UseWijkbasisPipeline(this WebApplication app)
    {
        if (!string.IsNullOrEmpty(app.Configuration["Network:KnownProxies"]))
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout/500");
        }
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<TwoFactorEnforcement>();
        app.UseAuthorization();
    }
}

using Microsoft.Extensions.Options;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure;

public static class Pipeline
{
    /// <summary>The middleware every request passes, in order: proxies, errors, HSTS and Secure cookies (behind a TLS
    /// proxy), security headers, static files, no-store for downloads, rate limits, language, routing, login, the
    /// enterprise of the route, two-factor enforcement, authorization.</summary>
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
        var network = app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value;
        if (network.HstsDays > 0)
        {
            // Only on HTTPS answers (behind a proxy: X-Forwarded-Proto from a known proxy); never for localhost.
            app.UseHsts();
        }
        if (network.SecureCookies)
        {
            app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        }
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
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => NoStoreForDownloads(context.Response));
            return next();
        });
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<TwoFactorEnforcement>();
        app.UseAuthorization();
    }

    /// <summary>Every answer that is not a web page (CSV, PDF, spreadsheet, calendar, JSON exports) and every download
    /// (Content-Disposition) is kept out of browser and proxy caches: an export of personal data must not stay on a
    /// shared computer or in a proxy. One place, keyed on the answer, so a new export is covered without a line of its
    /// own. Only an answer that marks itself public (a public agenda feed) keeps its own caching.</summary>
    public static Task NoStoreForDownloads(HttpResponse response)
    {
        var type = response.ContentType ?? "";
        var download = response.Headers.ContentDisposition.Count > 0;
        var page = type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
        var isPublic = response.Headers.CacheControl.ToString().Contains("public", StringComparison.OrdinalIgnoreCase);
        if (download || (type.Length > 0 && !page && !isPublic))
        {
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = "no-cache";
        }
        return Task.CompletedTask;
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Wijkbasis.Bench;

/// <summary>The W1 same-work baseline: the app's check-in (Features/Logbook/Session.cshtml.cs, OnPostCheckInAsync and
/// what runs before it) written by hand for speed, with every step the app is required to take and nothing more.
/// One endpoint at the app's own address, <c>POST /{enterprise}/sessies/{id}?handler=CheckIn</c>, so wrk sends it exactly
/// what it sends the app: the app's login cookie, antiforgery cookie and token, the form field PersonId.
/// Per request, in the app's order (every answer with the app's security headers):
/// <list type="number">
/// <item>the login cookie ("wijkbasis", scheme Identity.Application) is opened with the app's data-protection key ring
/// (read from the app's database, the key-encryption key from the app's key file); its expiry checked, the security stamp
/// re-checked against the database once the cookie is older than a minute, renewed when sliding expiration asks;</item>
/// <item>the enterprise from the address and the user's roles in it, one query; not a member: 404;</item>
/// <item>two-factor login for the roles that need it (off in the bench, as for the app: Security__RequireTwoFactor=false);</item>
/// <item>the Logbook policy: one of Coordinator, Wijkverbinder, Volunteer, else 403 and a "denied" audit row;</item>
/// <item>the antiforgery token (the app's options: cookie "wijkbasis.af"), through ASP.NET Core's IAntiforgery;</item>
/// <item>PersonId read from the form (unreadable: 400, the app's refusal status);</item>
/// <item>PostgreSQL: the tenant setting for row-level security (<c>set_config('wijkbasis.tenant', …, false)</c> on the
/// request's connection, as PostgresTenantSession does), sent in the same round trip as the next query;</item>
/// <item>the session of this enterprise with its activity's host, the person (not archived) and the participation consent
/// in force, one query (the tenant condition written out, as the EF filter adds it); not found: 404 and a "not-found" audit row;</item>
/// <item>the logbook rules (LogbookRules.MayKeep and RefuseWrite): who may keep it, cancelled, not yet open, closed;</item>
/// <item>the check-in row and its audit row (create, or backfill for a session of an earlier day; a closed logbook
/// corrected by a coordinator adds the "correct" row), in one transaction; a repeat: 409 through the unique index;</item>
/// <item>the answer: 302 to the session page with the flash message in a data-protected cookie, as TempData does.</item>
/// </list>
/// See bench/README.md (W1, the same-work baseline) for the table that maps each step to the app's code.</summary>
internal static class SameWorkServer
{
    // The app's names (Infrastructure/Auth/AuthSetup.cs, Features/Pages.cs, Infrastructure/DataProtectionKeys.cs).
    public const string CookieName = "wijkbasis";
    public const string AntiforgeryCookieName = "wijkbasis.af";
    public const string ApplicationName = "Wijkbasis";
    private const string Scheme = "Identity.Application";
    private const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";
    private const string DisplayNameClaim = "wb:name";
    private static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);
    private static readonly string[] LogbookRoles = ["Coordinator", "Wijkverbinder", "Volunteer"];
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private const string MfaRequiredClaim = "wb:mfa-required";
    private static readonly string[] SpecialCategoryRoles = ["Coordinator", "Wijkverbinder", "Buddy", "BudgetApprover", "Caseworker"];

    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Required("provider");
        var connectionString = options.Required("connection");
        var keyFile = options.Required("key-file");
        // The app's Security:RequireTwoFactor (the bench runs the app with it off, as the demo does).
        var requireTwoFactor = options.Optional("require-two-factor", "true") == "true";
        await using SameWorkStore store = provider switch
        {
            "postgres" => new PostgresSameWork(connectionString),
            "sqlite" => await SqliteSameWork.OpenAsync(connectionString),
            _ => throw new BenchException($"--provider '{provider}' is not 'postgres' or 'sqlite'"),
        };
        var keyRing = new AppKeyRing(await store.DataProtectionKeysAsync(), KeyEncryptionKey(keyFile));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Required("urls"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = keyRing;
            o.AutoGenerateKeys = false; // the app's keys only: a key made here could not be read by the app
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = AntiforgeryCookieName);
        await using var app = builder.Build();

        var protection = app.Services.GetRequiredService<IDataProtectionProvider>();
        var endpoint = new Endpoint(store,
            new TicketDataFormat(protection.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", Scheme, "v2")),
            protection.CreateProtector("Microsoft.AspNetCore.Mvc.CookieTempDataProviderToken"),
            app.Services.GetRequiredService<IAntiforgery>(), TimeProvider.System, requireTwoFactor);
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/{enterprise}/sessies/{id:guid}", (RequestDelegate)endpoint.HandleAsync);
        await app.RunAsync();
        return 0;
    }

    /// <summary>As the app derives it (KeyEncryptionKey): HKDF-SHA256 of the secret in the key file.</summary>
    private static byte[] KeyEncryptionKey(string file) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(File.ReadAllText(file).Trim()), 32,
            info: "wijkbasis data-protection keys"u8.ToArray());

    private sealed class Endpoint(SameWorkStore store, TicketDataFormat tickets, IDataProtector tempData, IAntiforgery antiforgery, TimeProvider time,
        bool requireTwoFactor)
    {
        private readonly ChunkingCookieManager cookies = new();

        public async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            var cancellationToken = context.RequestAborted;
            // The security headers every answer of the app carries (Infrastructure/Pipeline.cs).
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            if (request.Query["handler"] != "CheckIn")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var slug = ((string)request.RouteValues["enterprise"]!).ToLowerInvariant();
            var sessionId = Guid.Parse((string)request.RouteValues["id"]!);

            // 1. The login cookie.
            var user = await AuthenticateAsync(context, cancellationToken);
            if (user is null)
            {
                context.Response.Redirect("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString));
                return;
            }
            var userId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var userName = user.Identity?.Name ?? userId.ToString();
            context.User = user;

            // 2. The enterprise and the user's roles in it (one query, no tenant setting yet: as TenantMiddleware).
            await using var connection = await store.OpenAsync(cancellationToken);
            var enterprise = await connection.EnterpriseAsync(slug, userId, cancellationToken);
            if (enterprise is null || enterprise.Value.Roles.Count == 0)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var (tenantId, roles) = enterprise.Value;
            var actor = new Actor(tenantId, userId, userName, string.Join(',', roles.Order(StringComparer.Ordinal)));

            // Two-factor login for roles that see special-category data (TwoFactorEnforcement).
            if (requireTwoFactor && (user.HasClaim(MfaRequiredClaim, "true") || SpecialCategoryRoles.Any(roles.Contains)) && !user.HasClaim("amr", "mfa"))
            {
                context.Response.Redirect("/account/tweestapsverificatie?ReturnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString));
                return;
            }

            // 3. The Logbook policy.
            if (!LogbookRoles.Any(roles.Contains))
            {
                await connection.AuditAttemptAsync(actor, time.GetUtcNow().UtcDateTime, "Page", request.Path, "update", "denied", cancellationToken);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            // 4. Antiforgery (reads the form; a form cut off, e.g. by wrk stopping, is a bad request as in the app).
            IFormCollection form;
            try
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is AntiforgeryValidationException or BadHttpRequestException or IOException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            // 5. The one typed field.
            if (!Guid.TryParse(form["PersonId"], out var personId))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            // 6 + 7. Tenant setting (PostgreSQL) and the session with the person and their participation consent.
            var found = await connection.SessionAsync(tenantId, sessionId, personId, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (found is not { } session)
            {
                await connection.AuditAttemptAsync(actor, now, "Session", sessionId.ToString(), "update", "not-found", cancellationToken);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // 8. The logbook rules (LogbookRules.MayKeep, RefuseWrite), then the person.
            var coordinator = roles.Contains("Coordinator");
            var staff = coordinator || roles.Contains("Wijkverbinder");
            if (!(staff || (session.SessionHost ?? session.ActivityHost) == userId))
            {
                await connection.AuditAttemptAsync(actor, now, "Session", sessionId.ToString(), "update", "denied", cancellationToken);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            if (session.Cancelled || session.StartsAt - TimeSpan.FromHours(1) > now || (session.Closed && !coordinator)
                || session.PersonName is null || session.Participation == false)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            // 9. The check-in and its audit row(s), one transaction.
            var checkInId = Guid.CreateVersion7();
            var backfill = DateOnly.FromDateTime(ToAmsterdam(session.StartsAt)) < DateOnly.FromDateTime(ToAmsterdam(now));
            var byName = user.FindFirstValue(DisplayNameClaim) ?? userName;
            if (!await connection.CheckInAsync(actor, now, checkInId, sessionId, personId, byName, backfill ? "backfill" : "create",
                    session.Closed, cancellationToken))
            {
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
            }

            // 10. The flash message for the next page (TempData keeps it in a data-protected cookie), and the redirect.
            var message = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["Flash"] = "{0} is aangemeld.\u001f" + session.PersonName });
            context.Response.Cookies.Append(TempDataCookie, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(tempData.Protect(message)),
                new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            context.Response.Redirect($"/{slug}/sessies/{sessionId}");
        }

        private async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
        {
            var cookie = cookies.GetRequestCookie(context, CookieName);
            if (string.IsNullOrEmpty(cookie) || tickets.Unprotect(cookie) is not { } ticket)
            {
                return null;
            }
            var now = time.GetUtcNow();
            if (ticket.Properties.ExpiresUtc is { } expires && expires < now)
            {
                return null;
            }
            var issued = ticket.Properties.IssuedUtc ?? now;
            var renew = false;
            // Identity's SecurityStampValidator: once the cookie is older than the interval, the stamp is checked again.
            if (now - issued > StampInterval)
            {
                var userId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
                await using var connection = await store.OpenAsync(cancellationToken);
                var stamp = await connection.SecurityStampAsync(userId, cancellationToken);
                if (stamp is null || stamp != ticket.Principal.FindFirstValue(SecurityStampClaim))
                {
                    cookies.DeleteCookie(context, CookieName, new CookieOptions { Path = "/" });
                    return null;
                }
                renew = true;
            }
            // Sliding expiration: renewed once more than half of the lifetime has passed.
            if (renew || (ticket.Properties.ExpiresUtc is { } end && end - now < now - issued))
            {
                ticket.Properties.IssuedUtc = now;
                ticket.Properties.ExpiresUtc = now + CookieLifetime;
                cookies.AppendResponseCookie(context, CookieName, tickets.Protect(ticket),
                    new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Expires = ticket.Properties.IsPersistent ? ticket.Properties.ExpiresUtc : null });
            }
            return ticket.Principal;
        }
    }

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static DateTime ToAmsterdam(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);
}

/// <summary>Who writes, for the audit row's NEN 7513 fields (AuditLog.Row): the enterprise, the user, the login name
/// and the roles in the enterprise (sorted, comma-separated: TenantContext.RoleSummary).</summary>
internal sealed record Actor(Guid TenantId, Guid UserId, string UserName, string Roles);

/// <summary>What the session query gives: the session, its activity's host, and the person (null when not in the register
/// or archived) with the participation consent in force (null when none was recorded).</summary>
internal readonly record struct SessionFound(DateTime StartsAt, bool Cancelled, bool Closed, Guid? SessionHost, Guid? ActivityHost,
    string? PersonName, bool? Participation);

internal abstract class SameWorkStore : IAsyncDisposable
{
    public abstract Task<List<XElement>> DataProtectionKeysAsync();

    public abstract ValueTask<SameWorkConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

internal abstract class SameWorkConnection : IAsyncDisposable
{
    public abstract Task<(Guid TenantId, List<string> Roles)?> EnterpriseAsync(string slug, Guid userId, CancellationToken cancellationToken);

    public abstract Task<string?> SecurityStampAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Enters the enterprise (PostgreSQL: the row-level-security setting) and reads the session and the person.</summary>
    public abstract Task<SessionFound?> SessionAsync(Guid tenantId, Guid sessionId, Guid personId, CancellationToken cancellationToken);

    /// <summary>The check-in, its audit row and (closed logbook) the correction row, in one transaction. False on a repeat.</summary>
    public abstract Task<bool> CheckInAsync(Actor actor, DateTime now, Guid checkInId, Guid sessionId, Guid personId, string byName,
        string action, bool correction, CancellationToken cancellationToken);

    /// <summary>A refused attempt's audit row (AuditLog.RecordAttemptAsync); not on the measured path.</summary>
    public abstract Task AuditAttemptAsync(Actor actor, DateTime now, string entityType, string entityId, string action, string outcome,
        CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>The app's data-protection key ring as it is in the app's database, each key's secret opened with the app's
/// key-encryption key (AES-256-GCM, as AesGcmXmlEncryptor wrote it). Read once at start; read-only.</summary>
internal sealed class AppKeyRing : IXmlRepository
{
    private readonly List<XElement> elements;

    public AppKeyRing(List<XElement> stored, byte[] key)
    {
        elements = stored;
        foreach (var element in elements)
        {
            foreach (var secret in element.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList())
            {
                secret.ReplaceWith(Decrypt(key, secret.Elements().Single()));
            }
        }
        if (elements.Count == 0)
        {
            throw new BenchException("the app's database holds no data-protection key (has the app started on it?)");
        }
    }

    private static XElement Decrypt(byte[] key, XElement encrypted)
    {
        var nonce = Convert.FromBase64String(encrypted.Attribute("nonce")!.Value);
        var tag = Convert.FromBase64String(encrypted.Attribute("tag")!.Value);
        var ciphertext = Convert.FromBase64String(encrypted.Value);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }

    public IReadOnlyCollection<XElement> GetAllElements() => elements;

    public void StoreElement(XElement element, string friendlyName) =>
        throw new InvalidOperationException("the same-work baseline never makes a data-protection key");
}

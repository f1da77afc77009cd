using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>Resolves the enterprise from the route value {enterprise} and the user's roles in it.
/// An enterprise that does not exist, or of which the user is not a member, answers 404: a user
/// cannot even learn that another enterprise exists. Anonymous users fall through to authorization,
/// which sends them to the login page.</summary>
public sealed class TenantMiddleware(RequestDelegate next, ILogger<TenantMiddleware> log)
{
    public const string RouteKey = "enterprise";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, WijkbasisDb db)
    {
        var user = context.User;
        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        if (userId is not null)
        {
            tenant.SetActor(userId, user.Identity?.Name ?? userId.Value.ToString(), user.FindFirst(Wijkbasis.Infrastructure.Auth.WijkbasisClaims.DisplayName)?.Value);
        }

        if (context.GetRouteValue(RouteKey) is string slug && userId is not null)
        {
            // One connection for the whole request: the per-connection setup (SQLite pragmas, the PostgreSQL
            // tenant setting) runs once instead of before every query. The context closes it at the end.
            await db.Database.OpenConnectionAsync(context.RequestAborted);
            // One round trip: the enterprise and this user's roles in it.
            var enterprise = await db.Enterprises.AsNoTracking()
                .BySlug(slug)
                .Select(e => new
                {
                    Ref = new EnterpriseRef(e.Id, e.Slug, e.Name, e.MunicipalityId),
                    Roles = TenantBypass.MembershipsOfUser(db, userId.Value).Where(m => m.TenantId == e.Id).Select(m => m.Role).ToList(),
                })
                .SingleOrDefaultAsync(context.RequestAborted);
            var roles = enterprise?.Roles ?? [];
            if (enterprise is null || roles.Count == 0)
            {
                // No enterprise to audit this in; the log keeps the refused attempt.
                log.LogWarning("Refused user {UserId} for enterprise {Slug}: {Reason}", userId, slug,
                    enterprise is null ? "no such enterprise" : "not a member");
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            tenant.Enter(enterprise.Ref, roles);
            if (context.RequestServices.GetService<PostgresTenantSession>() is { } session && db.Database.IsNpgsql())
            {
                await session.RefreshAsync(db.Database.GetDbConnection(), context.RequestAborted);
            }
        }
        // Every log line of this request says for which enterprise and which user it was.
        using (log.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenant.HasTenant ? tenant.TenantId : null, ["UserId"] = userId }))
        {
            await next(context);
        }
    }
}

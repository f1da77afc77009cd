using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>"Run as this tenant" for background work (planning, resealing, audit writes of their own): a DI scope of
/// its own whose <see cref="TenantContext"/> has entered the enterprise, acting as the system under a name, so every
/// service resolved from it (the database with its tenant filter, the audit log) works for that enterprise only.
/// <code>await using var scope = scopes.AsTenant(enterprise, [], "planner");</code></summary>
public static class TenantScopes
{
    public static AsyncServiceScope AsTenant(this IServiceScopeFactory scopes, EnterpriseRef enterprise, IEnumerable<string> roles, string actor)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.Enter(enterprise, roles);
        tenant.SetActor(null, actor);
        return scope;
    }

    public static AsyncServiceScope AsTenant(this IServiceScopeFactory scopes, Enterprise enterprise, IEnumerable<string> roles, string actor) =>
        scopes.AsTenant(EnterpriseRef.Of(enterprise), roles, actor);

    /// <summary>As <see cref="AsTenant(IServiceScopeFactory, EnterpriseRef, IEnumerable{string}, string)"/>, by the
    /// enterprise's id (read in the new scope).</summary>
    public static async Task<AsyncServiceScope> AsTenantAsync(this IServiceScopeFactory scopes, Guid enterpriseId, IEnumerable<string> roles,
        string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var enterprise = await scope.ServiceProvider.GetRequiredService<WijkbasisDb>().Enterprises.AsNoTracking()
                .SingleAsync(e => e.Id == enterpriseId, cancellationToken);
            var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
            tenant.Enter(enterprise, roles);
            tenant.SetActor(null, actor);
            return scope;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public static Task<AsyncServiceScope> AsTenantAsync(this IServiceProvider services, Guid enterpriseId, IEnumerable<string> roles,
        string actor, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<IServiceScopeFactory>().AsTenantAsync(enterpriseId, roles, actor, cancellationToken);

    /// <summary>A background round over every enterprise: each in a scope of its own acting as <paramref name="actor"/>;
    /// one enterprise's database trouble is logged under <typeparamref name="TJob"/> and does not stop the others.</summary>
    public static async Task ForEachEnterpriseAsync<TJob>(this IServiceScopeFactory scopes, string actor,
        Func<IServiceProvider, Enterprise, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(work);
        List<Enterprise> enterprises;
        await using (var scope = scopes.CreateAsyncScope())
        {
            enterprises = await scope.ServiceProvider.GetRequiredService<WijkbasisDb>().Enterprises.AsNoTracking().ToListAsync(cancellationToken);
        }
        foreach (var enterprise in enterprises)
        {
            await using var scope = scopes.AsTenant(enterprise, [], actor);
            try
            {
                await work(scope.ServiceProvider, enterprise, cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                scope.ServiceProvider.GetRequiredService<ILogger<TJob>>().LogWarning(e, "{Job} ({Actor}) failed for enterprise {Enterprise}",
                    typeof(TJob).Name, actor, enterprise.Slug);
            }
        }
    }
}

/// <summary>Enterprises by their address segment (the slug, in lower case whatever the visitor typed).</summary>
public static class EnterpriseSlugs
{
    public static IQueryable<Enterprise> BySlug(this IQueryable<Enterprise> enterprises, string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var lowered = slug.ToLowerInvariant();
        return enterprises.Where(e => e.Slug == lowered);
    }

    /// <summary>The public lookup (agenda, room feeds and request form): the enterprise at this address, entered without
    /// roles, as anyone may read what it publishes. Null when there is no such enterprise; what it publishes is for
    /// the caller to check.</summary>
    public static async Task<Enterprise?> EnterPublicAsync(this TenantContext tenant, WijkbasisDb db, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(db);
        var enterprise = await db.Enterprises.AsNoTracking().BySlug(slug).SingleOrDefaultAsync(cancellationToken);
        if (enterprise is not null)
        {
            tenant.Enter(enterprise, []);
        }
        return enterprise;
    }
}

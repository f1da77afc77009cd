using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>"Run as this tenant" for background work: a scope of its own, entered, acting as the system; the tenant
/// filters apply inside it. And the public lookup by address.</summary>
public sealed class TenantScopeTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private Task<Guid> EnterpriseIdAsync(string slug) =>
        app.InDbAsync(null, db => db.Enterprises.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task TheScopeEntersTheEnterpriseAndAnotherEnterprisesRowsAreInvisible()
    {
        var huiskamer = await EnterpriseIdAsync("huiskamer");
        var stranger = await app.InDbAsync("groene-spijker", db => db.People.Select(p => p.Id).FirstAsync());
        var own = await app.InDbAsync("huiskamer", db => db.People.CountAsync());

        await using var scope = await app.Services.AsTenantAsync(huiskamer, [], "achtergrond");
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        Assert.Equal((huiskamer, "huiskamer", "achtergrond", (Guid?)null), (tenant.TenantId, tenant.Slug, tenant.UserName, tenant.UserId));
        Assert.Empty(tenant.Roles);
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        Assert.Equal([huiskamer], await db.People.Select(p => p.TenantId).Distinct().ToListAsync());
        Assert.Equal(own, await db.People.CountAsync());
        Assert.False(await db.People.AnyAsync(p => p.Id == stranger));
    }

    [Fact]
    public async Task WritesInTheScopeAreStampedWithItsEnterpriseAndTheCallerIsUntouched()
    {
        var groeneSpijker = await EnterpriseIdAsync("groene-spijker");
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await using var outer = scopes.CreateAsyncScope();
        var outerTenant = outer.ServiceProvider.GetRequiredService<TenantContext>();
        Guid stamped;
        await using (var scope = await scopes.AsTenantAsync(groeneSpijker, ["coordinator"], "achtergrond"))
        {
            Assert.True(scope.ServiceProvider.GetRequiredService<TenantContext>().IsInRole("coordinator"));
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var person = new Person { Name = "Achtergrondwerk" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            stamped = person.TenantId;
        }
        Assert.Equal(groeneSpijker, stamped);
        Assert.False(outerTenant.HasTenant);
    }

    [Fact]
    public async Task ThePublicLookupEntersByAddressAndAScopeEntersTheSameEnterprise()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        var enterprise = await tenant.EnterPublicAsync(db, "HuisKamer", default);
        Assert.NotNull(enterprise);
        Assert.Equal(("huiskamer", enterprise.Id), (tenant.Slug, tenant.TenantId));
        Assert.Empty(tenant.Roles);
        await using (var other = app.Services.CreateAsyncScope())
        {
            var nobody = other.ServiceProvider.GetRequiredService<TenantContext>();
            Assert.Null(await nobody.EnterPublicAsync(other.ServiceProvider.GetRequiredService<WijkbasisDb>(), "bestaat-niet", default));
            Assert.False(nobody.HasTenant);
        }

        await using var copy = app.Services.GetRequiredService<IServiceScopeFactory>().AsTenant(tenant.Enterprise, [], "kopie");
        var copied = copy.ServiceProvider.GetRequiredService<TenantContext>();
        Assert.Equal((tenant.TenantId, tenant.Slug, tenant.Name, tenant.MunicipalityId), (copied.TenantId, copied.Slug, copied.Name, copied.MunicipalityId));
        Assert.Equal(await db.People.CountAsync(), await copy.ServiceProvider.GetRequiredService<WijkbasisDb>().People.CountAsync());
    }
}

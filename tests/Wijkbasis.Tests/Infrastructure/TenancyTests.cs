using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>The tenant rules hold in the model itself, whatever a page does.</summary>
public sealed class TenancyTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task QueriesSeeOnlyTheCurrentEnterprisesPeople()
    {
        var own = await app.InDbAsync("huiskamer", db => db.People.Select(p => p.TenantId).Distinct().ToListAsync());
        var huiskamer = await app.InDbAsync(null, db => db.Enterprises.Where(e => e.Slug == "huiskamer").Select(e => e.Id).SingleAsync());
        Assert.Equal([huiskamer], own);
    }

    [Fact]
    public async Task WithoutAnEnterpriseQueriesReturnNothing()
    {
        Assert.Equal(0, await app.InDbAsync(null, db => db.People.CountAsync()));
        Assert.True(await app.InDbAsync("huiskamer", db => db.People.CountAsync()) > 0);
    }

    [Fact]
    public async Task WritingWithoutAnEnterpriseIsRefused()
    {
        await Assert.ThrowsAsync<TenantViolationException>(() => app.InDbAsync(null, async db =>
        {
            db.People.Add(new Person { Name = "Zonder Onderneming" });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task NewRowsAreStampedWithTheCurrentEnterprise()
    {
        var tenantId = await app.InDbAsync("groene-spijker", async db =>
        {
            var p = new Person { Name = "Gestempeld" };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.TenantId;
        });
        var expected = await app.InDbAsync(null, db => db.Enterprises.Where(e => e.Slug == "groene-spijker").Select(e => e.Id).SingleAsync());
        Assert.Equal(expected, tenantId);
    }

    [Fact]
    public async Task ChangingAnotherEnterprisesRowIsRefusedAndNothingChanges()
    {
        var other = await app.InDbAsync("jongeren-malburgen", db => db.People.OrderBy(p => p.Name).ThenBy(p => p.Id).FirstAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var e = await db.Enterprises.SingleAsync(x => x.Slug == "huiskamer");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(e, []);
        other.Name = "Gekaapt";
        db.People.Attach(other).State = EntityState.Modified;
        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        var name = await app.InDbAsync("jongeren-malburgen", d => d.People.Where(p => p.Id == other.Id).Select(p => p.Name).SingleAsync());
        Assert.NotEqual("Gekaapt", name);
    }
}

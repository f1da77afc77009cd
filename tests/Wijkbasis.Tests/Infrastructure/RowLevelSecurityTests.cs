using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Under the EF filter, PostgreSQL itself keeps enterprises apart (row-level security), even for
/// hand-written SQL. SQLite has no such thing: there the EF filter and interceptor are the only guard.</summary>
public sealed class RowLevelSecurityTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private async Task<T> AsEnterpriseAsync<T>(string slug, Func<WijkbasisDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var e = await db.Enterprises.SingleAsync(x => x.Slug == slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(e, []);
        return await work(db);
    }

    [Fact]
    public async Task HandWrittenSqlSeesOnlyTheCurrentEnterpriseOnPostgres()
    {
        var own = await app.InDbAsync("huiskamer", db => db.People.CountAsync());
        var all = own + await app.InDbAsync("groene-spijker", db => db.People.CountAsync())
                      + await app.InDbAsync("jongeren-malburgen", db => db.People.CountAsync());
        var seen = await AsEnterpriseAsync("huiskamer", db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"People\"").SingleAsync());
        Assert.Equal(TestDatabase.IsPostgres ? own : all, seen);
    }

    [Fact]
    public async Task HandWrittenSqlCannotWriteIntoAnotherEnterpriseOnPostgres()
    {
        var other = await app.InDbAsync(null, db => db.Enterprises.Where(e => e.Slug == "groene-spijker").Select(e => e.Id).SingleAsync());
        var insert = AsEnterpriseAsync("huiskamer", db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"People\" (\"Id\", \"TenantId\", \"Name\", \"IsAlias\", \"SearchName\", \"IsVrager\", \"IsDrager\", \"CreatedAt\", \"UpdatedAt\", \"Version\") " +
            "VALUES ({0}, {1}, 'Ingeschoven', false, 'ingeschoven', false, false, {2}, {2}, 0)",
            Guid.NewGuid(), other, TimeProvider.System.GetUtcNow().UtcDateTime));
        if (TestDatabase.IsPostgres)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => insert);
            Assert.Equal(0, await app.InDbAsync("groene-spijker", db => db.People.CountAsync(p => p.Name == "Ingeschoven")));
        }
        else
        {
            await insert;
            Assert.Equal(1, await app.InDbAsync("groene-spijker", db => db.People.CountAsync(p => p.Name == "Ingeschoven")));
        }
    }

    /// <summary>Every table of a tenant-owned entity has row-level security forced on and the tenant policy, so a new
    /// table cannot be added without the backstop.</summary>
    [Fact]
    public async Task EveryTenantTableHasRowLevelSecurityOnPostgres()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }
        var tables = await app.InDbAsync(null, db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).Select(t => t.GetTableName()!).Distinct().Order().ToList()));
        var secured = await app.InDbAsync(null, db => db.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_class c JOIN pg_policies p ON p.tablename = c.relname AND p.policyname = 'tenant_isolation' " +
            "WHERE c.relrowsecurity AND c.relforcerowsecurity").ToListAsync());
        Assert.Empty(tables.Except(secured));
        Assert.Contains("VolunteerHours", tables);
    }
}

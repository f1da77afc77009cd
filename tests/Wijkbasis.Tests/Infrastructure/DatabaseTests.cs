using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Demo;

namespace Wijkbasis.Tests.Infrastructure;

public sealed class DatabaseTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private async Task<string> ScalarAsync(string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task CommittedChangesAreDurable()
    {
        if (TestDatabase.IsPostgres)
        {
            // The app's connections wait for the commit to be written (fsync itself is the server operator's setting:
            // the throw-away cluster ./test starts has it off, production and the benchmarks on).
            Assert.Equal("on", await ScalarAsync("SHOW synchronous_commit"));
        }
        else
        {
            Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
            Assert.Equal("2", await ScalarAsync("PRAGMA synchronous")); // 2 = FULL
        }
    }

    [Fact]
    public async Task StartingAgainDoesNotSeedTwice()
    {
        var before = await app.InDbAsync("huiskamer", db => db.People.CountAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoNeighbourhood>();
        Assert.False(await demo.SeedIfEmptyAsync(new DemoOptions { People = 10 }));
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.People.CountAsync()));
        Assert.Equal(3, await app.InDbAsync(null, db => db.Enterprises.CountAsync()));
    }
}

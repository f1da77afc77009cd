using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Features.TimeCredits;

/// <summary>Races on the real database: many transfers between a few accounts with tight bounds.</summary>
public sealed class TimeCreditConcurrencyTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private async Task<TransferResult> TransferAsync(Guid from, Guid to, long points)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Wijkbasis.Data.WijkbasisDb>();
        var enterprise = await db.Enterprises.SingleAsync(e => e.Slug == "huiskamer");
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.Enter(enterprise, [Roles.Coordinator]);
        tenant.SetActor(null, "test", "Test");
        return await scope.ServiceProvider.GetRequiredService<TimeCreditBookings>().TransferAsync(from, to, points, "Gelijktijdig", default);
    }

    [Fact]
    public async Task TwoHundredSimultaneousTransfersLeaveBalancesSummingToZeroAndWithinTheBounds()
    {
        var accounts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (a, b) = await TimeCreditTests.TwoAccountsAsync(app);
            accounts.AddRange([a, b]);
        }
        var bounds = await app.InDbAsync("huiskamer", db => db.TimeCreditSettings.Select(s => new { s.MinBalance, s.MaxBalance }).SingleAsync());
        var (min, max) = (bounds.MinBalance, bounds.MaxBalance);
        var rng = new Random(7);
        // Mostly from the first two accounts, so they hit the minimum and many transfers must be refused.
        var plan = Enumerable.Range(0, 200).Select(_ =>
        {
            var from = accounts[rng.Next(3) == 0 ? rng.Next(accounts.Count) : rng.Next(2)];
            var to = accounts.Where(a => a != from).ElementAt(rng.Next(accounts.Count - 1));
            return (from, to, points: (long)rng.Next(1, 4));
        }).ToList();

        var results = await Task.WhenAll(plan.Select(p => Task.Run(() => TransferAsync(p.from, p.to, p.points))));

        var done = results.Count(r => r.Done);
        Assert.InRange(done, 1, 199);
        Assert.All(results.Where(r => !r.Done), r => Assert.Matches("minimum|maximum", r.Message));
        var (balances, movements, transfers) = await app.InDbAsync("huiskamer", async db => (
            await db.TimeCreditMovements.Where(m => accounts.Contains(m.AccountId)).GroupBy(m => m.AccountId).Select(g => new { g.Key, Sum = g.Sum(m => m.Points) }).ToListAsync(),
            await db.TimeCreditMovements.Where(m => accounts.Contains(m.AccountId)).ToListAsync(),
            await db.TimeCreditTransfers.CountAsync(t => accounts.Contains(t.FromAccountId))));
        Assert.Equal(done, transfers);
        Assert.Equal(done * 2, movements.Count);
        Assert.Equal(0, balances.Sum(b => b.Sum));
        Assert.All(balances, b => Assert.InRange(b.Sum, min, max));
        Assert.All(movements.GroupBy(m => m.TransferId), g => Assert.Equal(0, g.Sum(m => m.Points)));
        // Every balance on the way stayed within the bounds too: replay in booking order.
        var running = accounts.ToDictionary(a => a, _ => 0L);
        foreach (var m in movements.OrderBy(m => m.At).ThenBy(m => m.Id))
        {
            running[m.AccountId] += m.Points;
        }
        Assert.All(running.Values, v => Assert.InRange(v, min, max));
    }
}

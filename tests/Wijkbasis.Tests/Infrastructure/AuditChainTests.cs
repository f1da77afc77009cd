using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Tests.Infrastructure;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = Convert.FromBase64String(WijkbasisFactory.ChainKey);
    private static readonly TimeSpan LateRowLimit = TimeSpan.FromMinutes(2);
    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    private static async Task<T> WithDbAsync<T>(WijkbasisFactory app, Func<WijkbasisDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WijkbasisDb>());
    }

    private static async Task SealAllAsync(WijkbasisFactory app)
    {
        while (await WithDbAsync(app, db => AuditChain.SealAsync(db, Key, Now, LateRowLimit, batch: 500)) > 0)
        {
        }
    }

    private static Task<AuditChain.Verification> VerifyAsync(WijkbasisFactory app, DateTime? now = null) =>
        WithDbAsync(app, db => AuditChain.VerifyAsync(db, Key, now ?? Now, LateRowLimit));

    private static async Task<WijkbasisFactory> SealedAppAsync()
    {
        var app = new WijkbasisFactory();
        await app.InitializeAsync();
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Keten Kees" });
        await SealAllAsync(app);
        return app;
    }

    /// <summary>What only someone with owner rights on the database can do: switch the guard off.</summary>
    private static Task<int> DisableGuardAsync(WijkbasisFactory app) => WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync(
        TestDatabase.IsPostgres
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only"
            : "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;"));

    [Fact]
    public async Task EveryAuditRowIsSealedIntoOneChainThatVerifies()
    {
        await using var app = await SealedAppAsync();
        var result = await VerifyAsync(app);
        var total = 0;
        foreach (var slug in new[] { "huiskamer", "groene-spijker", "jongeren-malburgen" })
        {
            total += await app.InDbAsync(slug, db => db.AuditEntries.CountAsync());
        }
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(total, result.RowsChecked);
        Assert.Equal(0, result.Unsealed);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteAuditRows()
    {
        await using var app = await SealedAppAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x' WHERE \"ChainSeq\" = 3")));
        await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ChainSeq\" = NULL WHERE \"ChainSeq\" = 3")));
        await Assert.ThrowsAnyAsync<Exception>(() => WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"ChainSeq\" = 3")));
        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Fact]
    public async Task ChangingASealedRowPastTheGuardIsFound()
    {
        await using var app = await SealedAppAsync();
        await DisableGuardAsync(app);
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'iemand anders' WHERE \"ChainSeq\" = 7"));
        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal(7, result.BrokenAt);
        Assert.Equal("de regel is na het verzegelen gewijzigd", result.Reason);
    }

    [Fact]
    public async Task RemovingASealedRowPastTheGuardIsFound()
    {
        await using var app = await SealedAppAsync();
        await DisableGuardAsync(app);
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"ChainSeq\" = 12"));
        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal(12, result.BrokenAt);
        Assert.Equal("regel 12 ontbreekt", result.Reason);
    }

    [Fact]
    public async Task UnsealingOldRowsToResealThemIsFoundNotRepaired()
    {
        await using var app = await SealedAppAsync();
        await DisableGuardAsync(app);
        // Cut the seal of an old row in the middle and change it, hoping the sealer seals it again.
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"ChainSeq\" = NULL, \"Hash\" = NULL, \"PrevHash\" = NULL, \"UserName\" = 'iemand anders' WHERE \"ChainSeq\" = 5"));
        var later = Now.AddMinutes(10);
        Assert.Equal(0, await WithDbAsync(app, db => AuditChain.SealAsync(db, Key, later, LateRowLimit)));
        var result = await VerifyAsync(app, later);
        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenAt);
    }

    [Fact]
    public async Task RowsWrittenAfterTheHeadAreSealedEvenWhenTheAppWasDownForAWhile()
    {
        await using var app = await SealedAppAsync();
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Na De Storing" });
        var later = Now.AddHours(3);
        Assert.True(await WithDbAsync(app, db => AuditChain.SealAsync(db, Key, later, LateRowLimit)) > 0);
        Assert.True((await VerifyAsync(app, later)).Intact);
    }

    [Fact]
    public async Task AnotherKeyCannotProduceAChainThatVerifies()
    {
        await using var app = await SealedAppAsync();
        var result = await WithDbAsync(app, db => AuditChain.VerifyAsync(db, new byte[32], Now, LateRowLimit));
        Assert.False(result.Intact);
        Assert.Equal(1, result.BrokenAt);
    }

    [Fact]
    public async Task ThePlatformAdminCanRunTheCheckAndSeesOnlyTheOutcome()
    {
        await using var app = await SealedAppAsync();
        var admin = await HtmlClient.LoggedInAsync(app, "beheer@wijkbasis.demo");
        var response = await admin.SubmitAsync("/beheer/auditketen", new Dictionary<string, string>());
        var text = (await HtmlClient.ParseAsync(response)).QuerySelector("#uitkomst")!.TextContent;
        Assert.Contains("De keten is in orde", text);
        Assert.DoesNotContain("Keten Kees", text);
    }
}

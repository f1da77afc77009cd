using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Tests.Infrastructure;

public sealed class AuditChainTests
{
    private static async Task<T> WithDbAsync<T>(WijkbasisFactory app, Func<WijkbasisDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WijkbasisDb>());
    }

    private static async Task<WijkbasisFactory> SealedAppAsync()
    {
        var app = new WijkbasisFactory();
        await app.InitializeAsync();
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Keten Kees" });
        while (await WithDbAsync(app, db => AuditChain.SealAsync(db, batch: 50)) > 0)
        {
        }
        return app;
    }

    [Fact]
    public async Task EveryAuditRowIsSealedIntoOneChainThatVerifies()
    {
        await using var app = await SealedAppAsync();
        var result = await WithDbAsync(app, db => AuditChain.VerifyAsync(db));
        var total = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync())
            + await app.InDbAsync("groene-spijker", db => db.AuditEntries.CountAsync())
            + await app.InDbAsync("jongeren-malburgen", db => db.AuditEntries.CountAsync());
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(total, result.RowsChecked);
        Assert.Equal(0, result.Unsealed);
    }

    [Fact]
    public async Task ChangingASealedRowIsFound()
    {
        await using var app = await SealedAppAsync();
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'iemand anders' WHERE \"ChainSeq\" = 7"));
        var result = await WithDbAsync(app, db => AuditChain.VerifyAsync(db));
        Assert.False(result.Intact);
        Assert.Equal(7, result.BrokenAt);
        Assert.Equal("de regel is na het verzegelen gewijzigd", result.Reason);
    }

    [Fact]
    public async Task RemovingASealedRowIsFound()
    {
        await using var app = await SealedAppAsync();
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"ChainSeq\" = 12"));
        var result = await WithDbAsync(app, db => AuditChain.VerifyAsync(db));
        Assert.False(result.Intact);
        Assert.Equal(12, result.BrokenAt);
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

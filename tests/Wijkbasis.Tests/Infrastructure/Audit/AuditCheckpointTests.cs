using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Tests.Infrastructure.Audit;

/// <summary>The head of the chain kept outside the database (docs/decisions/0018): a tail cut off, or un-sealed and
/// edited, is found, and the sealer does not seal it again.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AuditCheckpointTests
{
    private static readonly byte[] Key = Convert.FromBase64String(WijkbasisFactory.ChainKey);
    private static readonly TimeSpan LateRowLimit = TimeSpan.FromMinutes(2);
    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    private static async Task<T> WithDbAsync<T>(WijkbasisFactory app, Func<WijkbasisDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WijkbasisDb>());
    }

    private static AuditCheckpoints CheckpointsIn(WijkbasisFactory app, string file) =>
        new(Options.Create(new AuditOptions { CheckpointFile = file }), app.Services.GetRequiredService<AuditChainKey>(),
            NullLogger<AuditCheckpoints>.Instance);

    private static async Task SealAllAsync(WijkbasisFactory app, AuditCheckpoints checkpoints)
    {
        while (await WithDbAsync(app, db => AuditChain.SealAsync(db, Key, Now, LateRowLimit, batch: 500, checkpoints: checkpoints)) > 0)
        {
        }
    }

    /// <summary>Seeds its own demo (not a copy of the test run's template): the newest audit rows, which the tests cut off,
    /// must be minutes young, as they are on a database just seeded.</summary>
    private sealed class SeededNow : WijkbasisFactory;

    private static string TempFile() => Path.Combine(Path.GetTempPath(), "wijkbasis-checkpoint-" + Guid.NewGuid().ToString("N"));

    private static async Task<(WijkbasisFactory App, AuditCheckpoints Checkpoints)> SealedAppAsync()
    {
        var app = new SeededNow();
        await app.InitializeAsync();
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Controle Punt" });
        var checkpoints = CheckpointsIn(app, TempFile());
        await SealAllAsync(app, checkpoints);
        return (app, checkpoints);
    }

    /// <summary>What only someone with owner rights on the database can do: switch the guard off.</summary>
    private static Task<int> DisableGuardAsync(WijkbasisFactory app) => WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync(
        TestDatabase.IsPostgres
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_append_only"
            : "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;"));

    private static Task<long> HeadAsync(WijkbasisFactory app) =>
        WithDbAsync(app, db => Wijkbasis.Infrastructure.Tenancy.TenantBypass.AuditChain(db).MaxAsync(a => a.ChainSeq!.Value));

    [Fact]
    public async Task TheSealerMovesItsSignedCheckpointAlongWithTheChainAndTheChainVerifiesAgainstIt()
    {
        var (app, checkpoints) = await SealedAppAsync();
        await using var _ = app;
        var checkpoint = checkpoints.Read()!;
        Assert.Equal(await HeadAsync(app), checkpoint.Seq);
        Assert.Equal(System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite, File.GetUnixFileMode(checkpoints.File));

        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Na Het Controlepunt" });
        await SealAllAsync(app, checkpoints);
        Assert.True(checkpoints.Read()!.Seq > checkpoint.Seq);
        var result = await WithDbAsync(app, db => AuditChain.VerifyAsync(db, Key, Now, LateRowLimit, checkpoints));
        Assert.True(result.Intact, result.Reason);
    }

    [Fact]
    public async Task EditingAndUnsealingTheNewestSealedRowsIsReportedAndTheSealerRefusesToSealThemAgain()
    {
        var (app, checkpoints) = await SealedAppAsync();
        await using var _ = app;
        var head = await HeadAsync(app);
        await DisableGuardAsync(app);
        // The newest three rows: seal cut, contents changed, hoping the running sealer seals them again with the real key.
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"ChainSeq\" = NULL, \"Hash\" = NULL, \"PrevHash\" = NULL, \"UserName\" = 'iemand anders' WHERE \"ChainSeq\" > {0}",
            head - 3));

        await Assert.ThrowsAsync<AuditChainTamperedException>(() => WithDbAsync(app, db => AuditChain.SealAsync(db, Key, Now, LateRowLimit, checkpoints: checkpoints)));
        Assert.Equal(head - 3, await HeadAsync(app));
        Assert.Equal(3, await WithDbAsync(app, db => Wijkbasis.Infrastructure.Tenancy.TenantBypass.AuditChain(db).CountAsync(a => a.ChainSeq == null)));
        var result = await WithDbAsync(app, db => AuditChain.VerifyAsync(db, Key, Now, LateRowLimit, checkpoints));
        Assert.False(result.Intact);
        Assert.Contains("controlepunt", result.Reason);
        Assert.Equal(head - 2, result.BrokenAt);
        // Without the checkpoint the young unsealed rows look like rows waiting for the sealer: that is why it is kept outside.
        Assert.True((await WithDbAsync(app, db => AuditChain.VerifyAsync(db, Key, Now, LateRowLimit))).Intact);
    }

    [Fact]
    public async Task RewritingTheRowAtTheCheckpointIsReportedAndNotSealedOver()
    {
        var (app, checkpoints) = await SealedAppAsync();
        await using var _ = app;
        var head = await HeadAsync(app);
        await DisableGuardAsync(app);
        // A forged row at the checkpoint's position with a made-up hash: the sealer must not chain new rows onto it.
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Hash\" = {0} WHERE \"ChainSeq\" = {1}", new string('a', 64), head));
        await Assert.ThrowsAsync<AuditChainTamperedException>(() => WithDbAsync(app, db => AuditChain.SealAsync(db, Key, Now, LateRowLimit, checkpoints: checkpoints)));
        Assert.False((await WithDbAsync(app, db => AuditChain.VerifyAsync(db, Key, Now, LateRowLimit, checkpoints))).Intact);
    }

    [Fact]
    public async Task CuttingOffTheNewestRowsIsReportedAgainstAnExportedCheckpoint()
    {
        var (app, _) = await SealedAppAsync();
        await using var __ = app;
        var exported = TempFile();
        var (ok, line) = await AuditCommands.ExportAsync(app.Services, exported, CancellationToken.None);
        Assert.True(ok, line);
        Assert.Equal(System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite, File.GetUnixFileMode(exported));
        var head = await HeadAsync(app);
        await DisableGuardAsync(app);
        await WithDbAsync(app, db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"ChainSeq\" > {0}", head - 4));

        // From inside the database alone the shorter chain is whole ...
        Assert.True((await WithDbAsync(app, db => AuditChain.VerifyAsync(db, Key, Now, LateRowLimit))).Intact);
        // ... against the checkpoint it is not.
        var (intact, text) = await AuditCommands.VerifyAsync(app.Services, exported, CancellationToken.None);
        Assert.False(intact);
        Assert.Contains($"de keten houdt op bij regel {head - 4}", text);
    }

    [Fact]
    public async Task ACheckpointChangedByHandOrSignedWithAnotherKeyIsRefused()
    {
        var checkpoint = new AuditCheckpoint(40, new string('b', 64), new DateTime(2026, 12, 7, 5, 0, 0, DateTimeKind.Utc));
        var line = checkpoint.ToLine(Key);
        Assert.Equal(checkpoint, AuditCheckpoint.Parse(line, Key));
        Assert.Throws<InvalidDataException>(() => AuditCheckpoint.Parse(line.Replace(" 40 ", " 30 ", StringComparison.Ordinal), Key));
        Assert.Throws<InvalidDataException>(() => AuditCheckpoint.Parse(line, new byte[32]));
        Assert.Throws<InvalidDataException>(() => AuditCheckpoint.Parse("onzin", Key));
    }
}

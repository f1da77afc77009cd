using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Backup;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Infrastructure.Backup;

/// <summary>Backup and restore (docs/decisions/0020), through the same code tools/backup and tools/restore run: a
/// seeded database with sealed fields and a sealed audit chain is backed up (data and keys in separate folders),
/// restored into a fresh database with no keys yet, and checked: row counts, a sealed field opens, the chain verifies.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRestoreTests
{
    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly string[] KeyFiles = ["audit-chain.key", "field-encryption.keys", "key-encryption.key"];

    /// <summary>The app with its keys in files in <paramref name="keyFolder"/>, as ./run keeps them.</summary>
    private class KeyFileApp(string connectionString, string keyFolder) : WijkbasisFactory(connectionString)
    {
        public override int People => 12;

        public string KeyFolder => keyFolder;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Audit:ChainKey", "");
            builder.UseSetting("Audit:ChainKeyFile", Path.Combine(keyFolder, "audit-chain.key"));
            builder.UseSetting("DataProtection:KeyEncryptionKey", "");
            builder.UseSetting("DataProtection:KeyEncryptionKeyFile", Path.Combine(keyFolder, "key-encryption.key"));
            builder.UseSetting("FieldEncryption:Keys", "");
            builder.UseSetting("FieldEncryption:KeyFile", Path.Combine(keyFolder, "field-encryption.keys"));
        }
    }

    /// <summary>A fresh installation to restore into: a new database that is neither migrated nor seeded, and a key
    /// folder with no keys yet (as tools/restore meets it: the command runs before the app starts anything).</summary>
    private sealed class FreshApp(string keyFolder) : KeyFileApp(TestDatabase.NewConnectionString(), keyFolder)
    {
        public override bool Seed => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Migrate", "false");
            // The one hosted service that loads a key at start; the restore command runs before hosted services start.
            builder.ConfigureTestServices(s => s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FieldResealingAtStart))));
        }
    }

    private static string NewFolder(bool create = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wijkbasis-backup-" + Guid.NewGuid().ToString("N"));
        if (create)
        {
            Directory.CreateDirectory(folder);
        }
        return folder;
    }

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    /// <summary>The source: a seeded app (sealed intake fields), two people added through the pages, the chain sealed
    /// with its checkpoint, then one more row left waiting for the sealer.</summary>
    private static async Task<KeyFileApp> SourceAsync()
    {
        var app = new KeyFileApp(TestDatabase.NewConnectionString(), NewFolder());
        await app.InitializeAsync();
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Terug Gezet" });
        var key = app.Services.GetRequiredService<AuditChainKey>().Key;
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var limit = TimeSpan.FromMinutes(2);
        while (await app.InDbAsync(null, db => AuditChain.SealAsync(db, key, Now, limit, batch: 500, checkpoints: checkpoints)) > 0)
        {
        }
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Nog Niet Verzegeld" });
        return app;
    }

    private static Task<int> AuditRowsAsync(WijkbasisFactory app) => app.InDbAsync(null, db => TenantBypass.AuditChain(db).CountAsync());

    [Fact]
    public async Task ABackupRestoredIntoAFreshDatabaseHasTheSameRowsOpensItsSealedFieldsAndItsAuditChainVerifies()
    {
        await using var source = await SourceAsync();
        Assert.NotEmpty(source.Services.GetRequiredService<ProtectedData>().Samples(null, []));
        var data = NewFolder(create: false);
        var keys = NewFolder(create: false);

        var (backedUp, backupText) = await BackupAndRestore.BackupAsync(source.Services, data, keys, CancellationToken.None);
        Assert.True(backedUp, backupText);
        // Data and keys apart, every file and folder the user's own.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.All(Directory.GetFiles(data).Concat(Directory.GetFiles(keys)), f => Assert.Equal(OwnerOnly, File.GetUnixFileMode(f)));
        Assert.Equal([.. KeyFiles, "keys.json"],
            Directory.GetFiles(keys).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(Directory.GetFiles(data), f => f.EndsWith(".key", StringComparison.Ordinal) || f.EndsWith(".keys", StringComparison.Ordinal));
        var manifest = BackupManifest.Read(data);
        Assert.Equal(TestDatabase.Provider, manifest.Provider);
        Assert.True(manifest.RowCounts["People"] > 12);
        Assert.True(manifest.AuditHeadSeq > 0);
        Assert.True(manifest.AuditUnsealed > 0);
        Assert.Contains(manifest.Keys, k => k.Key.StartsWith("field-encryption k", StringComparison.Ordinal));

        // The source keeps working meanwhile; what it writes after the backup is not in it.
        var client = await HtmlClient.LoggedInAsync(source, "coordinator@huiskamer.demo");
        await client.SubmitAsync("/huiskamer/mensen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "Na De Back-up" });

        var freshKeys = NewFolder();
        await using var fresh = new FreshApp(freshKeys);
        await fresh.InitializeAsync();
        var (restored, restoreText) = await BackupAndRestore.RestoreAsync(fresh.Services, data, keys, force: false, CancellationToken.None);
        Assert.True(restored, restoreText);
        Assert.Contains("row counts match the manifest", restoreText);
        Assert.Contains("sealed columns in use opens", restoreText);
        Assert.Contains("the audit chain verifies", restoreText);
        Assert.Contains("every check passed", restoreText);
        // The keys were put in place from the key backup, owner-only; the sealer's checkpoint is the backup's head.
        foreach (var file in KeyFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(source.KeyFolder, file)), File.ReadAllBytes(Path.Combine(freshKeys, file)));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(freshKeys, file)));
        }
        Assert.Equal(manifest.AuditHeadSeq, fresh.Services.GetRequiredService<AuditCheckpoints>().Read()!.Seq);

        // Checked from the outside as well: the same audit rows, a sealed intake opens, the chain verifies against the backup's head.
        Assert.Equal(manifest.RowCounts["AuditEntries"], await AuditRowsAsync(fresh));
        var cipher = fresh.Services.GetRequiredService<FieldCipher>();
        var (context, stored) = fresh.Services.GetRequiredService<ProtectedData>().Samples(null, []).First();
        Assert.False(string.IsNullOrEmpty(cipher.Open(new SealedText(stored), context)));
        var key = fresh.Services.GetRequiredService<AuditChainKey>().Key;
        var checkpoint = AuditCheckpoint.Parse(manifest.AuditCheckpoint!, key);
        var chain = await fresh.InDbAsync(null, db => AuditChain.VerifyAsync(db, key, manifest.CreatedAt, TimeSpan.FromMinutes(2), checkpoint));
        Assert.True(chain.Intact, chain.Reason);
        Assert.Equal(manifest.AuditHeadSeq, chain.HeadSeq);
        // The restored sealer carries on from the backup's head: the rows that were waiting get sealed, the chain holds.
        var checkpoints = fresh.Services.GetRequiredService<AuditCheckpoints>();
        Assert.Equal(manifest.AuditUnsealed, await fresh.InDbAsync(null, db => AuditChain.SealAsync(db, key, Now, TimeSpan.FromMinutes(2), batch: 500, checkpoints: checkpoints)));
        var sealedOn = await fresh.InDbAsync(null, db => AuditChain.VerifyAsync(db, key, Now, TimeSpan.FromMinutes(2), checkpoints));
        Assert.True(sealedOn.Intact, sealedOn.Reason);
        Assert.Equal(manifest.AuditHeadSeq + manifest.AuditUnsealed, sealedOn.HeadSeq);

        // A second restore over the now filled database is refused without --force.
        var (again, againText) = await BackupAndRestore.RestoreAsync(fresh.Services, data, keys, force: false, CancellationToken.None);
        Assert.False(again);
        Assert.Contains("is not empty", againText);
    }

    [Fact]
    public async Task ARestoreIsRefusedBeforeAnyDataIsWrittenWhenTheKeysPresentAreNotTheBackupsKeys()
    {
        await using var source = await SourceAsync();
        var data = NewFolder(create: false);
        var (backedUp, backupText) = await BackupAndRestore.BackupAsync(source.Services, data, null, CancellationToken.None);
        Assert.True(backedUp, backupText);
        Assert.Contains("The keys are NOT in this backup", backupText);

        // No key backup given and no keys in place: refused, naming the missing key.
        var emptyKeys = NewFolder();
        await using (var fresh = new FreshApp(emptyKeys))
        {
            await fresh.InitializeAsync();
            var (ok, text) = await BackupAndRestore.RestoreAsync(fresh.Services, data, null, force: false, CancellationToken.None);
            Assert.False(ok);
            Assert.Contains("key is missing", text);
            Assert.Empty(Directory.GetFiles(emptyKeys));
        }

        // Other keys in place (another installation's): refused, and the database is left empty.
        var otherKeys = NewFolder();
        File.Copy(Path.Combine(source.KeyFolder, "audit-chain.key"), Path.Combine(otherKeys, "audit-chain.key"));
        File.Copy(Path.Combine(source.KeyFolder, "key-encryption.key"), Path.Combine(otherKeys, "key-encryption.key"));
        File.WriteAllText(Path.Combine(otherKeys, "field-encryption.keys"), "k1 " + Convert.ToBase64String(new byte[32]) + "\n");
        await using (var fresh = new FreshApp(otherKeys))
        {
            await fresh.InitializeAsync();
            var (ok, text) = await BackupAndRestore.RestoreAsync(fresh.Services, data, null, force: false, CancellationToken.None);
            Assert.False(ok);
            Assert.Contains("not the keys this backup was made with", text);
            Assert.Contains("field-encryption", text);
            var connectionString = fresh.Services.GetRequiredService<IConfiguration>().GetConnectionString("Wijkbasis")!;
            Assert.True(TestDatabase.IsPostgres
                ? await DatabaseCopy.PostgresIsEmptyAsync(connectionString, CancellationToken.None) is null
                : DatabaseCopy.SqliteIsEmpty(connectionString));
        }
    }
}

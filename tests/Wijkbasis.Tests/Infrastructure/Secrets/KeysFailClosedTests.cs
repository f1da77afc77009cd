using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Tests.Infrastructure.Secrets;

/// <summary>Keys fail closed (docs/decisions/0018): a key file that is missing, or is not the key the data was made
/// with, stops the app behind a maintenance page; no new key is ever made over existing data.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeysFailClosedTests(KeysFailClosedTests.Installation installation) : IClassFixture<KeysFailClosedTests.Installation>
{
    /// <summary>One installation for the whole class (a first start is a full migration and seeding): each test works on
    /// a copy of its key folder, and none of them changes the data or the keys it was made with.</summary>
    public sealed class Installation : IAsyncLifetime
    {
        public string ConnectionString { get; private set; } = "";
        public string Folder { get; private set; } = "";

        public async Task InitializeAsync() => (ConnectionString, Folder) = await InstallationAsync();

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private const string ChainKeyFile = "audit-chain.key";
    private const string KeyEncryptionKeyFile = "key-encryption.key";
    private const string FieldKeyFile = "field-encryption.keys";

    /// <summary>The app with its keys in files in <paramref name="folder"/> (made on first start), not in settings.</summary>
    private sealed class KeyFileApp(string connectionString, string folder) : WijkbasisFactory(connectionString)
    {
        public override int People => 12;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Audit:ChainKey", "");
            builder.UseSetting("Audit:ChainKeyFile", Path.Combine(folder, ChainKeyFile));
            builder.UseSetting("Audit:CheckpointFile", Path.Combine(folder, "audit-chain.checkpoint"));
            builder.UseSetting("DataProtection:KeyEncryptionKey", "");
            builder.UseSetting("DataProtection:KeyEncryptionKeyFile", Path.Combine(folder, KeyEncryptionKeyFile));
            builder.UseSetting("FieldEncryption:Keys", "");
            builder.UseSetting("FieldEncryption:KeyFile", Path.Combine(folder, FieldKeyFile));
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wijkbasis-keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>A first start on an empty database: the keys are made. Then data made with every key: sealed fields
    /// (the demo's intakes and cases), login keys (data protection at start) and sealed audit rows.</summary>
    private static async Task<(string ConnectionString, string Folder)> InstallationAsync()
    {
        var folder = NewFolder();
        var connectionString = TestDatabase.NewConnectionString();
        await using var app = new KeyFileApp(connectionString, folder);
        await app.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/readyz")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var key = app.Services.GetRequiredService<AuditChainKey>().Key;
        while (await AuditChain.SealAsync(scope.ServiceProvider.GetRequiredService<Wijkbasis.Data.WijkbasisDb>(), key,
                   TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2)) > 0)
        {
        }
        return (connectionString, folder);
    }

    private static async Task AssertMaintenanceAsync(string connectionString, string folder, string keyNamed)
    {
        await using var app = new KeyFileApp(connectionString, folder);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        foreach (var path in new[] { "/", "/inloggen", "/huiskamer/mensen" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Wijkbasis is even niet beschikbaar", html);
            Assert.Contains(keyNamed, html);
        }
    }

    [Theory]
    [InlineData(ChainKeyFile, "audit chain")]
    [InlineData(KeyEncryptionKeyFile, "key-encryption")]
    [InlineData(FieldKeyFile, "field-encryption")]
    public async Task AMissingKeyFileStopsTheAppBehindAMaintenancePageAndNoNewKeyIsMade(string file, string keyNamed)
    {
        var (connectionString, folder) = (installation.ConnectionString, installation.Folder);
        var other = NewFolder();
        CopyFolder(folder, other);
        File.Delete(Path.Combine(other, file));

        await AssertMaintenanceAsync(connectionString, other, keyNamed);

        Assert.False(File.Exists(Path.Combine(other, file)));
        // With the file back, the app works again, on the same data.
        File.Copy(Path.Combine(folder, file), Path.Combine(other, file));
        await using var app = new KeyFileApp(connectionString, other);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/readyz")).StatusCode);
    }

    [Theory]
    [InlineData(ChainKeyFile, "audit chain")]
    [InlineData(KeyEncryptionKeyFile, "key-encryption")]
    [InlineData(FieldKeyFile, "field-encryption")]
    public async Task AKeyFileWithAnotherKeyStopsTheAppBehindAMaintenancePageAndIsNotReplaced(string file, string keyNamed)
    {
        var (connectionString, folder) = (installation.ConnectionString, installation.Folder);
        var other = NewFolder();
        CopyFolder(folder, other);
        var path = Path.Combine(other, file);
        var wrong = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        // The same key id for the field key: only the key itself differs.
        var text = file == FieldKeyFile ? File.ReadAllText(path).Split(' ')[0] + " " + wrong + "\n" : wrong;
        File.WriteAllText(path, text);

        await AssertMaintenanceAsync(connectionString, other, keyNamed);

        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public async Task AFirstStartMakesItsKeysReadableByItsOwnUserOnlyWithUniqueFieldKeyIds()
    {
        var (connectionString, folder) = (installation.ConnectionString, installation.Folder);
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        foreach (var file in new[] { ChainKeyFile, KeyEncryptionKeyFile, FieldKeyFile })
        {
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(folder, file)));
        }
        var id = File.ReadAllText(Path.Combine(folder, FieldKeyFile)).Split(' ')[0];
        Assert.NotEqual("k1", id);
        Assert.Matches("^k[0-9]{8}-[0-9a-f]{8}$", id);
        // A second installation gets another id.
        var (_, second) = await InstallationAsync();
        Assert.NotEqual(id, File.ReadAllText(Path.Combine(second, FieldKeyFile)).Split(' ')[0]);
        if (!TestDatabase.IsPostgres)
        {
            var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists))
            {
                Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
            }
        }
    }
}

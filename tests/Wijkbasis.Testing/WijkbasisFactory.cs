using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Demo;
using Wijkbasis.Infrastructure.Tenancy;
using Xunit;

namespace Wijkbasis.Testing;

/// <summary>The real app on a database of its own, with a small demo neighbourhood. Every demo user
/// has two-factor login set up (key in <see cref="AuthenticatorKeys"/>) except the buddy, who is
/// left to show that enrolment is forced.</summary>
public class WijkbasisFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Wijkbasis-test-wachtwoord";
    /// <summary>A buddy (special-category role) who has not set up two-factor login yet.</summary>
    public const string UserWithoutTwoFactor = "buddy6@huiskamer.demo";

    public WijkbasisFactory() : this(TestDatabase.NewConnectionString()) => freshDatabase = true;

    /// <summary>Set when this app got a new database of its own (not one shared with another instance).</summary>
    private readonly bool freshDatabase;

    /// <summary>Set once the app has started (a test that starts the server before <see cref="InitializeAsync"/>): its
    /// start has migrated the database, so it is too late to start from the seeded template.</summary>
    private bool hostCreated;

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        hostCreated = true;
        return base.CreateHost(builder);
    }

    protected WijkbasisFactory(string connectionString) => ConnectionString = connectionString;

    /// <summary>A second app instance on the same database as <paramref name="other"/>.</summary>
    public static WijkbasisFactory OnSameDatabaseAs(WijkbasisFactory other) => new SecondInstance(other.ConnectionString);

    private sealed class SecondInstance(string connectionString) : WijkbasisFactory(connectionString);

    /// <summary>A second instance on the same database after a field-key rotation: the old key still listed, a new one
    /// added after it (so the new one seals).</summary>
    public static WijkbasisFactory AfterKeyRotation(WijkbasisFactory other) => new RotatedInstance(other.ConnectionString);

    public const string RotatedFieldKeys = FieldKeys + ";k2=a2V5LXR3by1hZnRlci10aGUtcm90YXRpb24tMzJieXQ=";

    private sealed class RotatedInstance(string connectionString) : WijkbasisFactory(connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FieldEncryption:Keys", RotatedFieldKeys);
            // The test runs the resealing itself, so it does not race the one at start.
            builder.UseSetting("FieldEncryption:ResealAtStart", "false");
        }
    }

    public string ConnectionString { get; }

    /// <summary>Mail the app sends lands here as .eml files (no SMTP server in tests).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "wijkbasis-mail", Guid.NewGuid().ToString("N"));

    /// <summary>The newest mail to <paramref name="address"/>, as text; waits up to
    /// <paramref name="wait"/> for mail sent in the background; fails when there is none.</summary>
    public string MailTo(string address, TimeSpan? wait = null, string containing = "")
    {
        var until = TimeProvider.System.GetUtcNow() + (wait ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var mails = Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [];
            var mine = mails.Select(f => (File: f, Text: File.ReadAllText(f)))
                .Where(m => m.Text.Split('\n').Any(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && l.Contains(address, StringComparison.OrdinalIgnoreCase)))
                .Where(m => m.Text.Contains(containing, StringComparison.Ordinal))
                .OrderByDescending(m => File.GetLastWriteTimeUtc(m.File))
                .ToList();
            if (mine.Count > 0)
            {
                return mine[0].Text;
            }
            Xunit.Assert.True(TimeProvider.System.GetUtcNow() < until, $"No mail to {address} in {MailFolder}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The invitation link's path in the newest mail to <paramref name="address"/>.</summary>
    public string InvitationPathFor(string address) =>
        System.Text.RegularExpressions.Regex.Match(MailTo(address), "/uitnodiging/[A-Za-z0-9_-]+").Value;

    /// <summary>The audit chain key of this app (instances on one database share it).</summary>
    public const string ChainKey = "dGVzdC1rZXktZm9yLXRoZS1hdWRpdC1jaGFpbi0zMi1ieXRlcyE=";

    /// <summary>Encrypts the data-protection keys in the database (instances on one database share it).</summary>
    public const string KeyEncryptionKey = "a2V5LWVuY3J5cHRpb24ta2V5LWZvci10aGUtdGVzdHMtMzJi";
    /// <summary>Seals special-category fields (instances on one database share them; the last one seals).</summary>
    public const string FieldKeys = "k1=ZmllbGQta2V5LW9uZS1mb3ItdGhlLXRlc3RzLTMyYnk=";
    public virtual bool RequireTwoFactor => true;
    public virtual int People => 60;
    public virtual bool Seed => true;
    /// <summary>Months of demo logbook history; short, so each test app starts fast.</summary>
    public virtual int LogbookMonths => 1;
    /// <summary>Tests log in many times from one address; the rate limit has a test of its own.</summary>
    public virtual int LoginAttemptsPerMinute => 10_000;
    /// <summary>Tests share one client address (none) and try wrong passwords in many places; the per-client limit
    /// has a test of its own (Features/Account/LoginThrottleTests).</summary>
    public virtual int LoginFailuresPerClient => 10_000;
    /// <summary>Tests log the same user in many times within one 30-second code; refusing a reused code has a test of
    /// its own (Features/Account/TotpReplayTests).</summary>
    public virtual bool RefuseReusedTotpCodes => false;

    /// <summary>How long the municipal pages wait for a first computation of a year's cube (long: a busy test machine
    /// must not see "being computed" where a test expects figures).</summary>
    public virtual double CubeWaitSeconds => 600;

    /// <summary>How long the report waits for figures computed again after a save (long, for the same reason).</summary>
    public virtual double ReportWaitSeconds => 600;
    public Dictionary<string, string> AuthenticatorKeys { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Wijkbasis", ConnectionString);
        builder.UseSetting("Security:RequireTwoFactor", RequireTwoFactor ? "true" : "false");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Activities:PlanInBackground", "false");
        builder.UseSetting("Retention:PurgeInBackground", "false");
        builder.UseSetting("Impact:CubeWaitSeconds", CubeWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Impact:ReportWaitSeconds", ReportWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Audit:SealIntervalSeconds", "0");
        builder.UseSetting("Audit:ChainKey", ChainKey);
        builder.UseSetting("DataProtection:KeyEncryptionKey", KeyEncryptionKey);
        builder.UseSetting("FieldEncryption:Keys", FieldKeys);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        // The tests never reach a tile server: the asset map draws its markers on a plain background.
        builder.UseSetting("AssetMap:TileUrl", "");
        builder.UseSetting("Security:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:LoginFailuresPerClient", LoginFailuresPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:RefuseReusedTotpCodes", RefuseReusedTotpCodes ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // Password hashing is deliberately slow; the tests log in many times.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
    }

    public virtual async Task InitializeAsync()
    {
        if (freshDatabase && !hostCreated && Seed && FromSeededTemplate)
        {
            await SeededTemplate.CopyToAsync(ConnectionString, People, LogbookMonths);
        }
        if (!Seed)
        {
            _ = Services;
            return;
        }
        await using var scope = Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoNeighbourhood>();
        if (!await demo.SeedIfEmptyAsync(new DemoOptions { People = People, Password = Password, LogbookMonths = LogbookMonths }))
        {
            await LoadKeysAsync();
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var user in await users.Users.Where(u => u.Email != UserWithoutTwoFactor).ToListAsync())
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        await LoadKeysAsync();
    }

    private async Task LoadKeysAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var user in await users.Users.Where(u => u.TwoFactorEnabled).ToListAsync())
        {
            AuthenticatorKeys[user.Email!] = (await users.GetAuthenticatorKeyAsync(user))!;
        }
    }

    /// <summary>The real Kestrel address after <c>UseKestrel(0)</c> and <c>StartServer()</c>.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    public string CodeFor(string email) => Totp.Code(AuthenticatorKeys[email], TimeProvider.System.GetUtcNow());

    /// <summary>Runs work against the database as if inside one enterprise (by slug), or none.</summary>
    public Task<T> InDbAsync<T>(string? enterpriseSlug, Func<WijkbasisDb, Task<T>> work) => InDbAsync(enterpriseSlug, [], work);

    /// <summary>As <see cref="InDbAsync{T}(string?, Func{WijkbasisDb, Task{T}})"/>, acting with these roles (e.g. the
    /// caseworker, who sees every case past the buddy programme's access filter).</summary>
    public async Task<T> InDbAsync<T>(string? enterpriseSlug, string[] roles, Func<WijkbasisDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        if (enterpriseSlug is not null)
        {
            var e = await db.Enterprises.SingleAsync(x => x.Slug == enterpriseSlug);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(e, roles);
        }
        return await work(db);
    }

    /// <summary>Resolves services inside one enterprise (by slug), or none: for work that needs more than the database.</summary>
    public async Task<T> InScopeAsync<T>(string? enterpriseSlug, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        if (enterpriseSlug is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var e = await db.Enterprises.SingleAsync(x => x.Slug == enterpriseSlug);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(e, []);
        }
        return await work(scope.ServiceProvider);
    }

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    /// <summary>Whether this app starts on a copy of the seeded template database (see <see cref="SeededTemplate"/>): true for
    /// this type; a subclass says true only when it seeds what this type seeds (any <see cref="People"/> and
    /// <see cref="LogbookMonths"/>) and changes nothing the seeding writes (keys, password hashing).</summary>
    protected virtual bool FromSeededTemplate => GetType() == typeof(WijkbasisFactory);

    /// <summary>Most of a test app's start is running every migration and seeding the demo neighbourhood. Apps that seed
    /// the same demo share it: the first one of a size seeds a template database and every one starts on a copy of it
    /// (then finds the demo there and only reads the authenticator keys).</summary>
    private static class SeededTemplate
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static readonly Dictionary<(int People, int Months), string> Templates = [];

        private sealed class Seeder(string connectionString, int people, int months) : WijkbasisFactory(connectionString)
        {
            public override int People => people;
            public override int LogbookMonths => months;
        }

        public static async Task CopyToAsync(string target, int people, int months)
        {
            await Gate.WaitAsync();
            try
            {
                if (!Templates.TryGetValue((people, months), out var template))
                {
                    template = TestDatabase.NewConnectionString();
                    await using (var seeding = new Seeder(template, people, months))
                    {
                        await seeding.InitializeAsync();
                    }
                    await TestDatabase.ReleaseAsync(template);
                    Templates[(people, months)] = template;
                }
                await TestDatabase.CopyAsync(template, target);
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Data;

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/wijkbasis.db";

    /// <summary>Database:Provider = sqlite (default) | postgres; ConnectionStrings:Wijkbasis.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Wijkbasis") ?? DefaultSqlite;
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<TenantInterceptor>();
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddScoped<Features.Buddies.BuddyPoolStamping>();
        builder.Services.AddSingleton<TenantWrites>();
        builder.Services.AddScoped<TenantWritesCounting>();
        builder.Services.AddSingleton<Features.Buddies.BuddyPoolCache>();
        builder.Services.AddScoped<PostgresTenantSession>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.Configure<AuditOptions>(builder.Configuration.GetSection("Audit"));
        builder.Services.AddSingleton<AuditChainKey>();
        builder.Services.AddSingleton<Infrastructure.Secrets.FieldKeyRing>();
        builder.Services.AddSingleton<Infrastructure.Secrets.FieldCipher>();
        builder.Services.AddScoped<Infrastructure.Secrets.FieldResealing>();
        builder.Services.AddHostedService<Infrastructure.Secrets.FieldResealingAtStart>();
        builder.Services.AddHostedService<AuditSealer>();

        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                EnsureSqliteFolder(connectionString);
                builder.Services.AddDbContext<WijkbasisDb, SqliteWijkbasisDb>((sp, o) =>
                    ConfigureSqlite(o, connectionString).AddInterceptors(
                        sp.GetRequiredService<TenantInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                        sp.GetRequiredService<Features.Buddies.BuddyPoolStamping>(), sp.GetRequiredService<TenantWritesCounting>(), SqliteWriteGate.For(connectionString)));
                break;
            case "postgres":
                PostgresTenantSession.EnsureSafeConnectionString(connectionString);
                connectionString = WithAutoPrepare(connectionString);
                builder.Services.AddDbContext<WijkbasisDb, PostgresWijkbasisDb>((sp, o) =>
                    ConfigurePostgres(o, connectionString).AddInterceptors(
                        sp.GetRequiredService<TenantInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                        sp.GetRequiredService<Features.Buddies.BuddyPoolStamping>(), sp.GetRequiredService<TenantWritesCounting>(), sp.GetRequiredService<PostgresTenantSession>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not 'sqlite' or 'postgres'.");
        }
        return builder;
    }

    /// <summary>Applies pending migrations at start (Database:Migrate, default on).</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:Migrate", true))
        {
            return;
        }
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Wijkbasis.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        log.LogInformation("Database: {Count} migration(s) to apply", pending.Count);
        await db.Database.MigrateAsync();
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsHistoryTable("__migrations"))
            .AddInterceptors(SqlitePragmas.Instance);

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable("__migrations"));

    /// <summary>Statements used often are prepared on the server once per connection (Npgsql keeps them across
    /// pooled reuse), instead of being planned again on every request. A setting in the connection string wins.</summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
        }
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>SQLite durability settings, isolated in one place: WAL for concurrent readers,
/// synchronous=FULL so a committed change survives power loss, and a busy timeout for writers.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Used only by `dotnet ef` when generating migrations (see docs/decisions/0002).</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteWijkbasisDb>
{
    public SqliteWijkbasisDb CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteWijkbasisDb>)DatabaseSetup.ConfigureSqlite(
            new DbContextOptionsBuilder<SqliteWijkbasisDb>(), "Data Source=design.db").Options, new TenantContext());
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresWijkbasisDb>
{
    public PostgresWijkbasisDb CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresWijkbasisDb>)DatabaseSetup.ConfigurePostgres(
            new DbContextOptionsBuilder<PostgresWijkbasisDb>(), "Host=127.0.0.1;Database=design").Options, new TenantContext());
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Health;

public static class Health
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        // Files the app makes are its own user's only; older ones are narrowed (docs/decisions/0018).
        Infrastructure.Secrets.KeyGuard.OwnerOnlyFiles();
        if ((builder.Configuration["Database:Provider"] ?? "sqlite").Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                builder.Configuration.GetConnectionString("Wijkbasis") ?? DatabaseSetup.DefaultSqlite).DataSource;
            if (!string.IsNullOrEmpty(database) && database != ":memory:")
            {
                using var loggers = LoggerFactory.Create(l => l.AddConsole());
                Infrastructure.Secrets.KeyGuard.NarrowExisting([database, database + "-wal", database + "-shm"],
                    loggers.CreateLogger("Wijkbasis.Startup"));
            }
        }
        builder.Services.AddSingleton<Infrastructure.Secrets.KeyGuard>();
        builder.Services.AddSingleton<Infrastructure.Audit.AuditCheckpoints>();
        builder.Services.AddTransient<IStartupFilter, Infrastructure.Secrets.MaintenanceWhenKeysFail>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReachable>("database", tags: ["ready"])
            .AddCheck<Infrastructure.Secrets.KeysPresent>("keys", tags: ["ready"]);
        return builder;
    }

    /// <summary>/healthz: the process answers. /readyz: and the database does too.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }

    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        // JSON lines by default (Logging:Console:FormatterName); ./run switches to plain text for people.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(o =>
        {
            o.UseUtcTimestamp = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }

    private sealed class DatabaseReachable(WijkbasisDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database not reachable");
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wijkbasis.Bench.W5;

/// <summary>A database of this run only, and the app on it. SQLite: a file in a temporary folder; PostgreSQL: a
/// database w5_&lt;random&gt; on the given server, created by the app's migrations. Both are removed on dispose.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string folder;
    private readonly string? server;
    private W5App? app;

    private BenchDatabase(string provider, string connectionString, string label, string folder, string? server)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Label = label;
        this.folder = folder;
        this.server = server;
    }

    public string Provider { get; }

    /// <summary>What the app is given (ConnectionStrings:Wijkbasis).</summary>
    public string ConnectionString { get; }

    public string Label { get; }

    public string? DatabaseName => server is null ? null : new NpgsqlConnectionStringBuilder(ConnectionString).Database;

    public static async Task<BenchDatabase> CreateAsync(W5Options options)
    {
        var folder = Directory.CreateTempSubdirectory("wijkbasis-w5.").FullName;
        if (options.Provider == "sqlite")
        {
            var file = Path.Combine(folder, "wijkbasis.db");
            return new BenchDatabase("sqlite", $"Data Source={file}", file, folder, null);
        }
        var builder = new NpgsqlConnectionStringBuilder(options.Server) { Database = $"w5_{Guid.NewGuid():N}" };
        var database = new BenchDatabase("postgres", builder.ConnectionString, builder.Database!, folder, options.Server);
        // Made here rather than by the migrations, which would first log a failed connection to it.
        try
        {
            await database.OnServerAsync($"""CREATE DATABASE "{builder.Database}" """);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
        return database;
    }

    /// <summary>Starts the app in-process (as the integration tests do); its start-up applies the migrations.</summary>
    public IServiceProvider StartApp()
    {
        app = new W5App(Provider, ConnectionString, folder);
        return app.Services;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            if (server is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await OnServerAsync($"""DROP DATABASE IF EXISTS "{DatabaseName}" WITH (FORCE)""");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A statement on the server's maintenance database "postgres" (creating and dropping this run's one).</summary>
    private async Task OnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The real app (Program) with production settings, on this run's database. Keys are made up per run;
    /// the background audit sealer is off (nothing is written during the measurement, and the seeded rows' seals
    /// would only be work in the background).</summary>
    private sealed class W5App(string provider, string connectionString, string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("ConnectionStrings:Wijkbasis", connectionString);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Activities:PlanInBackground", "false");
            builder.UseSetting("Audit:SealIntervalSeconds", "0");
            builder.UseSetting("Audit:ChainKey", Key());
            builder.UseSetting("DataProtection:KeyEncryptionKey", Key());
            builder.UseSetting("FieldEncryption:Keys", "k1=" + Key());
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(folder, "mail"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            // On a fresh PostgreSQL database the migrator's first look for its history table fails, by design, and EF logs
            // that as an error. A command failing during the run throws, so nothing is hidden by leaving these out.
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        }

        private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }
}

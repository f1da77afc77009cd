using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Wijkbasis.Bench;

/// <summary>The W1 baseline: what a check-in costs with nothing but Kestrel and one raw INSERT into the
/// app's own "CheckIns" table (same indexes, foreign keys and, on PostgreSQL, row-level security policy).
/// No EF Core, no authentication, no antiforgery, no audit row: the floor the app is measured against.</summary>
internal static class BaselineServer
{
    public static async Task<int> RunAsync(Options options)
    {
        var provider = options.Required("provider");
        var connectionString = options.Required("connection");
        var tenantId = await BenchDatabase.For(provider, connectionString)
            .TenantOfAsync(options.Optional("slug", "huiskamer"), CancellationToken.None);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Required("urls"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using ICheckInWriter writer = provider == "postgres"
            ? new PostgresCheckIns(NpgsqlDataSource.Create(connectionString), tenantId, TimeProvider.System)
            : await SqliteCheckIns.OpenAsync(connectionString, tenantId, TimeProvider.System);

        await using var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/checkin", (RequestDelegate)(context => CheckInAsync(context, writer)));
        await app.RunAsync();
        return 0;
    }

    private static async Task CheckInAsync(HttpContext context, ICheckInWriter writer)
    {
        if (!context.Request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!Guid.TryParse(form["SessionId"], out var sessionId) || !Guid.TryParse(form["PersonId"], out var personId))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var inserted = await writer.InsertAsync(sessionId, personId, context.RequestAborted);
        context.Response.StatusCode = inserted ? StatusCodes.Status204NoContent : StatusCodes.Status409Conflict;
    }
}

internal interface ICheckInWriter : IAsyncDisposable
{
    /// <summary>False when the person is already checked in for the session (unique index).</summary>
    Task<bool> InsertAsync(Guid sessionId, Guid personId, CancellationToken cancellationToken);
}

/// <summary>One pooled connection per request from an NpgsqlDataSource, one INSERT, autocommit.</summary>
internal sealed class PostgresCheckIns(NpgsqlDataSource source, Guid tenantId, TimeProvider time) : ICheckInWriter
{
    public const string ByName = "w1-baseline";

    private const string Insert = """
        INSERT INTO "CheckIns" ("Id", "TenantId", "SessionId", "PersonId", "At", "ByName") VALUES ($1, $2, $3, $4, $5, $6)
        """;

    public async Task<bool> InsertAsync(Guid sessionId, Guid personId, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenantId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sessionId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ByName });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}

/// <summary>SQLite allows one writer at a time, so the natural raw design is one long-lived write
/// connection with a prepared INSERT behind an in-process lock: no busy-waiting between writers.
/// Same durability as the app: WAL, synchronous=FULL, foreign keys on.</summary>
internal sealed class SqliteCheckIns : ICheckInWriter
{
    private const int UniqueViolation = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int PrimaryKeyViolation = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly SqliteConnection connection;
    private readonly SqliteCommand insert;
    private readonly TimeProvider time;

    private SqliteCheckIns(SqliteConnection connection, SqliteCommand insert, TimeProvider time)
    {
        this.connection = connection;
        this.insert = insert;
        this.time = time;
    }

    public static async Task<SqliteCheckIns> OpenAsync(string connectionString, Guid tenantId, TimeProvider time)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
            await pragmas.ExecuteNonQueryAsync();
        }
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "CheckIns" ("Id", "TenantId", "SessionId", "PersonId", "At", "ByName") VALUES (@id, @tenant, @session, @person, @at, @by)
            """;
        insert.Parameters.Add("@id", SqliteType.Text);
        insert.Parameters.AddWithValue("@tenant", SqliteText.Guid(tenantId));
        insert.Parameters.Add("@session", SqliteType.Text);
        insert.Parameters.Add("@person", SqliteType.Text);
        insert.Parameters.Add("@at", SqliteType.Text);
        insert.Parameters.AddWithValue("@by", PostgresCheckIns.ByName);
        insert.Prepare();
        return new SqliteCheckIns(connection, insert, time);
    }

    public async Task<bool> InsertAsync(Guid sessionId, Guid personId, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            insert.Parameters["@id"].Value = SqliteText.Guid(Guid.CreateVersion7());
            insert.Parameters["@session"].Value = SqliteText.Guid(sessionId);
            insert.Parameters["@person"].Value = SqliteText.Guid(personId);
            insert.Parameters["@at"].Value = SqliteText.Timestamp(time.GetUtcNow().UtcDateTime);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is UniqueViolation or PrimaryKeyViolation)
        {
            return false;
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await insert.DisposeAsync();
        await connection.DisposeAsync();
        writeLock.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Wijkbasis.Bench;

/// <summary>The statements of the same-work baseline. The tenant condition is written out in every read of a tenant-owned
/// table, as the app's EF filter adds it; on PostgreSQL row-level security applies on top (the app's role, the app's setting).</summary>
internal static class SameWorkSql
{
    public const string Keys = """SELECT "Xml" FROM "DataProtectionKeys" ORDER BY "Id" """;

    public const string Enterprise = """
        SELECT e."Id", m."Role" FROM "Enterprises" e
        LEFT JOIN "Memberships" m ON m."TenantId" = e."Id" AND m."UserId" = @user
        WHERE e."Slug" = @slug
        """;

    public const string Stamp = """SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @user""";

    public const string Session = """
        SELECT s."StartsAt", s."CancelledAt" IS NOT NULL, s."ClosedAt" IS NOT NULL, s."HostUserId", a."HostUserId",
            (SELECT p."Name" FROM "People" p WHERE p."TenantId" = @tenant AND p."Id" = @person AND p."ArchivedAt" IS NULL LIMIT 1),
            (SELECT c."Given" FROM "Consents" c WHERE c."TenantId" = @tenant AND c."PersonId" = @person AND c."Purpose" = 'Participation'
             ORDER BY c."RecordedAt" DESC, c."Id" DESC LIMIT 1)
        FROM "Sessions" s JOIN "Activities" a ON a."Id" = s."ActivityId" AND a."TenantId" = @tenant
        WHERE s."TenantId" = @tenant AND s."Id" = @session
        """;

    public const string CheckIn = """
        INSERT INTO "CheckIns" ("Id", "TenantId", "SessionId", "PersonId", "At", "ByName") VALUES (@id, @tenant, @session, @person, @at, @by)
        """;

    public const string Audit = """
        INSERT INTO "AuditEntries" ("TenantId", "At", "UserId", "UserName", "Role", "EntityType", "EntityId", "Action", "Outcome", "PersonId")
        VALUES (@tenant, @at, @user, @username, @role, @type, @entity, @action, @outcome, @person)
        """;

    public const string TenantSetting = "SELECT set_config('wijkbasis.tenant', @setting, false)";
}

/// <summary>PostgreSQL: an NpgsqlDataSource with the app's connection settings (Max Auto Prepare 100, so every statement
/// here is prepared once per connection, as the app's are); one pooled connection per request, as the app holds one.</summary>
internal sealed class PostgresSameWork(string connectionString) : SameWorkStore
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxAutoPrepare = new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare is > 0 and var n ? n : 100,
    }.ConnectionString);

    public override async Task<List<XElement>> DataProtectionKeysAsync()
    {
        await using var command = source.CreateCommand(SameWorkSql.Keys);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<XElement>();
        while (await reader.ReadAsync())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }
        return keys;
    }

    public override async ValueTask<SameWorkConnection> OpenAsync(CancellationToken cancellationToken) =>
        new Connection(await source.OpenConnectionAsync(cancellationToken));

    public override ValueTask DisposeAsync() => source.DisposeAsync();

    private sealed class Connection(NpgsqlConnection connection) : SameWorkConnection
    {
        public override async Task<(Guid TenantId, List<string> Roles)?> EnterpriseAsync(string slug, Guid userId, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(SameWorkSql.Enterprise, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("user", userId));
            command.Parameters.Add(new NpgsqlParameter<string>("slug", slug));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            Guid? tenant = null;
            var roles = new List<string>(2);
            while (await reader.ReadAsync(cancellationToken))
            {
                tenant = reader.GetGuid(0);
                if (!reader.IsDBNull(1))
                {
                    roles.Add(reader.GetString(1));
                }
            }
            return tenant is { } id ? (id, roles) : null;
        }

        public override async Task<string?> SecurityStampAsync(Guid userId, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(SameWorkSql.Stamp, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("user", userId));
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        public override async Task<SessionFound?> SessionAsync(Guid tenantId, Guid sessionId, Guid personId, CancellationToken cancellationToken)
        {
            // One round trip: the tenant setting (as PostgresTenantSession.RefreshAsync) and the read.
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Setting(tenantId));
            var read = new NpgsqlBatchCommand(SameWorkSql.Session);
            read.Parameters.Add(new NpgsqlParameter<Guid>("tenant", tenantId));
            read.Parameters.Add(new NpgsqlParameter<Guid>("person", personId));
            read.Parameters.Add(new NpgsqlParameter<Guid>("session", sessionId));
            batch.BatchCommands.Add(read);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            return new SessionFound(reader.GetDateTime(0), reader.GetBoolean(1), reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetBoolean(6));
        }

        public override async Task<bool> CheckInAsync(Actor actor, DateTime now, Guid checkInId, Guid sessionId, Guid personId, string byName,
            string action, bool correction, CancellationToken cancellationToken)
        {
            // One round trip, one transaction: statements of a batch outside an explicit transaction run in one implicit
            // transaction (one Sync), so the check-in and its audit row commit together or not at all.
            await using var batch = new NpgsqlBatch(connection);
            var insert = new NpgsqlBatchCommand(SameWorkSql.CheckIn);
            insert.Parameters.Add(new NpgsqlParameter<Guid>("id", checkInId));
            insert.Parameters.Add(new NpgsqlParameter<Guid>("tenant", actor.TenantId));
            insert.Parameters.Add(new NpgsqlParameter<Guid>("session", sessionId));
            insert.Parameters.Add(new NpgsqlParameter<Guid>("person", personId));
            insert.Parameters.Add(new NpgsqlParameter<DateTime>("at", now) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter<string>("by", byName));
            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(Audit(actor, now, "CheckIn", checkInId.ToString(), action, "success", personId));
            if (correction)
            {
                batch.BatchCommands.Add(Audit(actor, now, "Session", sessionId.ToString(), "correct", "success", personId));
            }
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return false;
            }
        }

        public override async Task AuditAttemptAsync(Actor actor, DateTime now, string entityType, string entityId, string action, string outcome,
            CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Setting(actor.TenantId));
            batch.BatchCommands.Add(Audit(actor, now, entityType, entityId, action, outcome, null));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        private static NpgsqlBatchCommand Setting(Guid tenantId)
        {
            var command = new NpgsqlBatchCommand(SameWorkSql.TenantSetting);
            command.Parameters.Add(new NpgsqlParameter<string>("setting", tenantId.ToString("D")));
            return command;
        }

        private static NpgsqlBatchCommand Audit(Actor actor, DateTime now, string type, string entity, string action, string outcome, Guid? person)
        {
            var command = new NpgsqlBatchCommand(SameWorkSql.Audit);
            command.Parameters.Add(new NpgsqlParameter<Guid>("tenant", actor.TenantId));
            command.Parameters.Add(new NpgsqlParameter<DateTime>("at", now) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<Guid>("user", actor.UserId));
            command.Parameters.Add(new NpgsqlParameter<string>("username", actor.UserName));
            command.Parameters.Add(new NpgsqlParameter<string>("role", actor.Roles));
            command.Parameters.Add(new NpgsqlParameter<string>("type", type));
            command.Parameters.Add(new NpgsqlParameter<string>("entity", entity));
            command.Parameters.Add(new NpgsqlParameter<string>("action", action));
            command.Parameters.Add(new NpgsqlParameter<string>("outcome", outcome));
            command.Parameters.Add(person is { } p ? new NpgsqlParameter<Guid>("person", p) : new NpgsqlParameter("person", NpgsqlDbType.Uuid) { Value = DBNull.Value });
            return command;
        }

        public override ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

/// <summary>SQLite: readers on pooled connections of their own, each with its statements prepared once (WAL lets them read
/// while one writes); the writes through one long-lived connection with prepared statements behind an in-process lock
/// (SQLite has one writer at a time; the app queues its writers the same way, Data/SqliteWriteGate). The app's pragmas.</summary>
internal sealed class SqliteSameWork : SameWorkStore
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private const int UniqueViolation = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int PrimaryKeyViolation = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    private readonly string connectionString;
    private readonly ConcurrentBag<Reader> readers = [];
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly SqliteConnection writer;
    private readonly SqliteCommand insertCheckIn;
    private readonly SqliteCommand insertAudit;
    private readonly SqliteCommand insertCorrection;

    private SqliteSameWork(string connectionString, SqliteConnection writer)
    {
        this.connectionString = connectionString;
        this.writer = writer;
        insertCheckIn = Prepared(writer, SameWorkSql.CheckIn, "@id", "@tenant", "@session", "@person", "@at", "@by");
        insertAudit = Prepared(writer, SameWorkSql.Audit, AuditParameters);
        insertCorrection = Prepared(writer, SameWorkSql.Audit, AuditParameters);
    }

    private static readonly string[] AuditParameters = ["@tenant", "@at", "@user", "@username", "@role", "@type", "@entity", "@action", "@outcome", "@person"];

    public static async Task<SqliteSameWork> OpenAsync(string connectionString) =>
        new(connectionString, await ConnectAsync(connectionString));

    private static async Task<SqliteConnection> ConnectAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }
        command.Prepare();
        return command;
    }

    private static string Text(Guid value) => SqliteText.Guid(value);

    private static string Text(DateTime utc) => SqliteText.Timestamp(utc);

    public override async Task<List<XElement>> DataProtectionKeysAsync()
    {
        await using var command = writer.CreateCommand();
        command.CommandText = SameWorkSql.Keys;
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<XElement>();
        while (await reader.ReadAsync())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }
        return keys;
    }

    public override async ValueTask<SameWorkConnection> OpenAsync(CancellationToken cancellationToken) =>
        readers.TryTake(out var reader) ? reader : new Reader(this, await ConnectAsync(connectionString));

    public override async ValueTask DisposeAsync()
    {
        while (readers.TryTake(out var reader))
        {
            await reader.CloseAsync();
        }
        await writer.DisposeAsync();
        writeLock.Dispose();
    }

    private async Task<bool> WriteAsync(Actor actor, DateTime now, Guid checkInId, Guid sessionId, Guid personId, string byName,
        string action, bool correction, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = writer.BeginTransaction();
            SetAudit(insertAudit, actor, now, "CheckIn", checkInId.ToString(), action, "success", personId);
            var p = insertCheckIn.Parameters;
            p[0].Value = Text(checkInId);
            p[1].Value = Text(actor.TenantId);
            p[2].Value = Text(sessionId);
            p[3].Value = Text(personId);
            p[4].Value = Text(now);
            p[5].Value = byName;
            insertCheckIn.Transaction = transaction;
            insertAudit.Transaction = transaction;
            try
            {
                await insertCheckIn.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode is UniqueViolation or PrimaryKeyViolation)
            {
                return false; // the transaction rolls back on dispose
            }
            await insertAudit.ExecuteNonQueryAsync(cancellationToken);
            if (correction)
            {
                SetAudit(insertCorrection, actor, now, "Session", sessionId.ToString(), "correct", "success", personId);
                insertCorrection.Transaction = transaction;
                await insertCorrection.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task AttemptAsync(Actor actor, DateTime now, string entityType, string entityId, string action, string outcome,
        CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            SetAudit(insertAudit, actor, now, entityType, entityId, action, outcome, null);
            insertAudit.Transaction = null;
            await insertAudit.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static void SetAudit(SqliteCommand command, Actor actor, DateTime now, string type, string entity, string action, string outcome, Guid? person)
    {
        var p = command.Parameters;
        p[0].Value = Text(actor.TenantId);
        p[1].Value = Text(now);
        p[2].Value = Text(actor.UserId);
        p[3].Value = actor.UserName;
        p[4].Value = actor.Roles;
        p[5].Value = type;
        p[6].Value = entity;
        p[7].Value = action;
        p[8].Value = outcome;
        p[9].Value = person is { } id ? Text(id) : DBNull.Value;
    }

    /// <summary>A reader connection with its statements prepared; back in the pool when the request is done.</summary>
    private sealed class Reader : SameWorkConnection
    {
        private readonly SqliteSameWork store;
        private readonly SqliteConnection connection;
        private readonly SqliteCommand enterprise;
        private readonly SqliteCommand stamp;
        private readonly SqliteCommand session;

        public Reader(SqliteSameWork store, SqliteConnection connection)
        {
            this.store = store;
            this.connection = connection;
            enterprise = Prepared(connection, SameWorkSql.Enterprise, "@user", "@slug");
            stamp = Prepared(connection, SameWorkSql.Stamp, "@user");
            session = Prepared(connection, SameWorkSql.Session, "@tenant", "@person", "@session");
        }

        public override async Task<(Guid TenantId, List<string> Roles)?> EnterpriseAsync(string slug, Guid userId, CancellationToken cancellationToken)
        {
            enterprise.Parameters[0].Value = Text(userId);
            enterprise.Parameters[1].Value = slug;
            await using var reader = await enterprise.ExecuteReaderAsync(cancellationToken);
            Guid? tenant = null;
            var roles = new List<string>(2);
            while (await reader.ReadAsync(cancellationToken))
            {
                tenant = reader.GetGuid(0);
                if (!reader.IsDBNull(1))
                {
                    roles.Add(reader.GetString(1));
                }
            }
            return tenant is { } id ? (id, roles) : null;
        }

        public override async Task<string?> SecurityStampAsync(Guid userId, CancellationToken cancellationToken)
        {
            stamp.Parameters[0].Value = Text(userId);
            return await stamp.ExecuteScalarAsync(cancellationToken) as string;
        }

        public override async Task<SessionFound?> SessionAsync(Guid tenantId, Guid sessionId, Guid personId, CancellationToken cancellationToken)
        {
            session.Parameters[0].Value = Text(tenantId);
            session.Parameters[1].Value = Text(personId);
            session.Parameters[2].Value = Text(sessionId);
            await using var reader = await session.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            return new SessionFound(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetBoolean(1), reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetBoolean(6));
        }

        public override Task<bool> CheckInAsync(Actor actor, DateTime now, Guid checkInId, Guid sessionId, Guid personId, string byName,
            string action, bool correction, CancellationToken cancellationToken) =>
            store.WriteAsync(actor, now, checkInId, sessionId, personId, byName, action, correction, cancellationToken);

        public override Task AuditAttemptAsync(Actor actor, DateTime now, string entityType, string entityId, string action, string outcome,
            CancellationToken cancellationToken) =>
            store.AttemptAsync(actor, now, entityType, entityId, action, outcome, cancellationToken);

        public override ValueTask DisposeAsync()
        {
            store.readers.Add(this);
            return ValueTask.CompletedTask;
        }

        public async Task CloseAsync()
        {
            await enterprise.DisposeAsync();
            await stamp.DisposeAsync();
            await session.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

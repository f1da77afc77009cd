using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wijkbasis.Bench;

/// <summary>Plain ADO.NET reads of the app's database for setting up and checking a run. Both providers
/// take the same SQL; the differences are how a connection is made and how a Guid is stored
/// (uuid on PostgreSQL, upper-case TEXT on SQLite, as EF Core writes it).</summary>
internal abstract class BenchDatabase
{
    public static BenchDatabase For(string provider, string connectionString) => provider switch
    {
        "postgres" => new PostgresBench(connectionString),
        "sqlite" => new SqliteBench(connectionString),
        _ => throw new BenchException($"--provider '{provider}' is not 'postgres' or 'sqlite'"),
    };

    protected abstract DbConnection Connect();

    public abstract object GuidValue(Guid value);

    public async Task<Guid> TenantOfAsync(string slug, CancellationToken cancellationToken)
    {
        var ids = await GuidsAsync("""SELECT "Id" FROM "Enterprises" WHERE "Slug" = @p0""", [slug], cancellationToken);
        return ids.Count == 1 ? ids[0] : throw new BenchException($"no enterprise with slug '{slug}' (is the demo seeded?)");
    }

    public Task<List<Guid>> PeopleOfAsync(Guid tenantId, CancellationToken cancellationToken) =>
        GuidsAsync("""SELECT "Id" FROM "People" WHERE "TenantId" = @p0 AND "ArchivedAt" IS NULL ORDER BY "Id" """,
            [GuidValue(tenantId)], cancellationToken);

    public async Task<Guid> LocationAsync(Guid tenantId, string name, CancellationToken cancellationToken)
    {
        var ids = await GuidsAsync("""SELECT "Id" FROM "Locations" WHERE "TenantId" = @p0 AND "Name" = @p1""",
            [GuidValue(tenantId), name], cancellationToken);
        return ids.Count == 1 ? ids[0] : throw new BenchException($"location '{name}' was not created");
    }

    public Task<List<Guid>> SessionsOfActivityAsync(Guid activityId, CancellationToken cancellationToken) =>
        GuidsAsync("""SELECT "Id" FROM "Sessions" WHERE "ActivityId" = @p0""", [GuidValue(activityId)], cancellationToken);

    public async Task<long> CheckInsOfSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, """SELECT COUNT(*) FROM "CheckIns" WHERE "SessionId" = @p0""", [GuidValue(sessionId)]);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The audit rows of a session's check-ins (matched on EntityType and EntityId, the check-in's id as text) and
    /// the distinct "user name / role / entity type / action / outcome / person / user id" of those rows.</summary>
    public async Task<(long Count, List<string> Shapes)> AuditOfCheckInsAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT a."UserName", a."Role", a."EntityType", a."Action", a."Outcome", COALESCE(a."PersonId" = c."PersonId", FALSE), a."UserId" IS NOT NULL, COUNT(*)
            FROM "AuditEntries" a CROSS JOIN "CheckIns" c
            WHERE a."TenantId" = (SELECT s."TenantId" FROM "Sessions" s WHERE s."Id" = @p0)
              AND a."At" >= (SELECT MIN(m."At") FROM "CheckIns" m WHERE m."SessionId" = @p0)
              AND a."EntityType" = 'CheckIn' AND {SameId("c.\"Id\"", "a.\"EntityId\"")} AND c."SessionId" = @p0
            GROUP BY a."UserName", a."Role", a."EntityType", a."Action", a."Outcome", COALESCE(a."PersonId" = c."PersonId", FALSE), a."UserId" IS NOT NULL
            """, [GuidValue(sessionId)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long count = 0;
        var shapes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            count += reader.GetInt64(7);
            shapes.Add($"{reader.GetString(0)} / {reader.GetString(1)} / {reader.GetString(2)} / {reader.GetString(3)} / {reader.GetString(4)} / person {(reader.GetBoolean(5) ? "=" : "!=")} check-in's / user id {(reader.GetBoolean(6) ? "set" : "empty")}");
        }
        return (count, shapes);
    }

    /// <summary>A Guid column equal to the text the app writes into AuditEntries.EntityId (Guid.ToString(): lower case).
    /// Read from the audit rows' side (the index on TenantId and At, then the check-in by its key: CROSS JOIN keeps
    /// that order in SQLite), since EntityId has no index of its own.</summary>
    protected abstract string SameId(string guidColumn, string textColumn);

    private async Task<List<Guid>> GuidsAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private static DbCommand Command(DbConnection connection, string sql, object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private sealed class PostgresBench(string connectionString) : BenchDatabase
    {
        protected override DbConnection Connect() => new NpgsqlConnection(connectionString);

        public override object GuidValue(Guid value) => value;

        protected override string SameId(string guidColumn, string textColumn) => $"{guidColumn}::text = {textColumn}";
    }

    private sealed class SqliteBench(string connectionString) : BenchDatabase
    {
        protected override DbConnection Connect() => new SqliteConnection(connectionString);

        public override object GuidValue(Guid value) => SqliteText.Guid(value);

        protected override string SameId(string guidColumn, string textColumn) => $"{guidColumn} = upper({textColumn})";
    }
}

/// <summary>How EF Core's SQLite provider stores the values the check-in row holds.</summary>
internal static class SqliteText
{
    public static string Guid(Guid value) => value.ToString("D").ToUpperInvariant();

    public static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}

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
    }

    private sealed class SqliteBench(string connectionString) : BenchDatabase
    {
        protected override DbConnection Connect() => new SqliteConnection(connectionString);

        public override object GuidValue(Guid value) => SqliteText.Guid(value);
    }
}

/// <summary>How EF Core's SQLite provider stores the values the check-in row holds.</summary>
internal static class SqliteText
{
    public static string Guid(Guid value) => value.ToString("D").ToUpperInvariant();

    public static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}

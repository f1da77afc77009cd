using Microsoft.Data.Sqlite;
using Npgsql;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Bench.W4;

/// <summary>The baselines, with nothing but the raw driver, one pooled connection per call as a request would take:
/// <see cref="StampAsync"/> makes the same read as BuddyPool.SuggestAsync with a kept pool (the enterprise's pool
/// stamp); <see cref="ReadAsync"/> reads the whole pool (open cases per buddy, every active buddy with the same nine
/// columns) into a list of MatchCandidate, as a suggestion without a kept pool must. On
/// PostgreSQL the session gets the tenant setting first, as the app's PostgresTenantSession does, so row-level
/// security evaluates the same way.</summary>
internal abstract class RawCandidates : IAsyncDisposable
{
    public const string LoadSql = """
        SELECT "OwnerBuddyId", COUNT(*) FROM "Cases" WHERE "TenantId" = @tenant AND "Status" = 'Open' GROUP BY "OwnerBuddyId"
        """;

    public const string BuddiesSql = """
        SELECT "Id", "Name", "Kind", "Skills", "Languages", "Postcode", "Availability", "MaxResidents", "VogExpiresOn"
        FROM "Buddies" WHERE "TenantId" = @tenant AND "ArchivedAt" IS NULL
        """;

    public const string StampSql = """
        SELECT "BuddyPoolStamp" FROM "Enterprises" WHERE "Id" = @tenant
        """;

    public static RawCandidates For(string provider, string connectionString, Guid tenantId) => provider == "postgres"
        ? new Postgres(connectionString, tenantId)
        : new Sqlite(connectionString, tenantId);

    public abstract Task<List<MatchCandidate>> ReadAsync(CancellationToken cancellationToken);

    public abstract Task<Guid> StampAsync(CancellationToken cancellationToken);

    private static async Task<Guid> StampAsync(System.Data.Common.DbCommand stamp, CancellationToken cancellationToken) =>
        await stamp.ExecuteScalarAsync(cancellationToken) switch
        {
            Guid g => g,
            var text => Guid.Parse((string)text!),
        };

    private static async Task<Dictionary<Guid, int>> LoadsAsync(System.Data.Common.DbCommand load, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<Guid, int>();
        await using var reader = await load.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetGuid(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    public abstract ValueTask DisposeAsync();

    private static async Task<List<MatchCandidate>> ReadAsync(System.Data.Common.DbCommand load, System.Data.Common.DbCommand buddies,
        CancellationToken cancellationToken)
    {
        var counts = await LoadsAsync(load, cancellationToken);
        var candidates = new List<MatchCandidate>();
        await using (var reader = await buddies.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                candidates.Add(new MatchCandidate(id, reader.GetString(1), Enum.Parse<BuddyKind>(reader.GetString(2)), reader.GetString(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7),
                    counts.GetValueOrDefault(id), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8)));
            }
        }
        return candidates;
    }

    private sealed class Sqlite(string connectionString, Guid tenantId) : RawCandidates
    {
        // EF Core's SQLite provider stores a Guid as upper-case text.
        private readonly string tenant = tenantId.ToString("D").ToUpperInvariant();

        public override async Task<List<MatchCandidate>> ReadAsync(CancellationToken cancellationToken)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var load = connection.CreateCommand();
            load.CommandText = LoadSql;
            load.Parameters.AddWithValue("@tenant", tenant);
            await using var buddies = connection.CreateCommand();
            buddies.CommandText = BuddiesSql;
            buddies.Parameters.AddWithValue("@tenant", tenant);
            return await ReadAsync(load, buddies, cancellationToken);
        }

        public override async Task<Guid> StampAsync(CancellationToken cancellationToken)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var stamp = connection.CreateCommand();
            stamp.CommandText = StampSql;
            stamp.Parameters.AddWithValue("@tenant", tenant);
            return await StampAsync(stamp, cancellationToken);
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Postgres : RawCandidates
    {
        private readonly NpgsqlDataSource source;
        private readonly Guid tenantId;

        public Postgres(string connectionString, Guid tenantId)
        {
            // The app's connection string as the app itself amends it (DatabaseSetup.WithAutoPrepare): statements used
            // often are prepared on the server, for the baseline as for the app.
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                builder.MaxAutoPrepare = 100;
            }
            source = NpgsqlDataSource.Create(builder.ConnectionString);
            this.tenantId = tenantId;
        }

        public override async Task<List<MatchCandidate>> ReadAsync(CancellationToken cancellationToken)
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var load = new NpgsqlCommand(LoadSql, connection);
            load.Parameters.Add(new NpgsqlParameter<Guid>("tenant", tenantId));
            await using var buddies = new NpgsqlCommand(BuddiesSql, connection);
            buddies.Parameters.Add(new NpgsqlParameter<Guid>("tenant", tenantId));
            return await ReadAsync(load, buddies, cancellationToken);
        }

        public override async Task<Guid> StampAsync(CancellationToken cancellationToken)
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var stamp = new NpgsqlCommand(StampSql, connection);
            stamp.Parameters.Add(new NpgsqlParameter<Guid>("tenant", tenantId));
            return await StampAsync(stamp, cancellationToken);
        }

        private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var setting = new NpgsqlCommand($"SELECT set_config('{PostgresTenantSession.Setting}', @tenant, false)", connection);
            setting.Parameters.AddWithValue("tenant", tenantId.ToString("D"));
            await setting.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }

        public override ValueTask DisposeAsync() => source.DisposeAsync();
    }
}

namespace Wijkbasis.Testing;

/// <summary>Which database this test run uses. ./test runs every suite once per provider:
/// WIJKBASIS_TEST_DB=sqlite|postgres, and WIJKBASIS_TEST_PG with the private cluster's connection.</summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("WIJKBASIS_TEST_DB") is { Length: > 0 } p ? p : "sqlite";

    public static bool IsPostgres => Provider == "postgres";

    /// <summary>A connection string for a new, empty database of its own (created by the migrations).</summary>
    public static string NewConnectionString()
    {
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("WIJKBASIS_TEST_PG")
                ?? throw new InvalidOperationException("WIJKBASIS_TEST_PG is not set; run the tests with ./test.");
            return $"{server};Database=wb_{Guid.NewGuid():N}";
        }
        var folder = Path.Combine(Path.GetTempPath(), "wijkbasis-tests");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, $"{Guid.NewGuid():N}.db")}";
    }

    /// <summary>Makes <paramref name="target"/> a copy of the database at <paramref name="source"/>, which nothing may
    /// have open (a SQLite file copied after a checkpoint; on PostgreSQL <c>CREATE DATABASE … TEMPLATE</c>).</summary>
    public static async Task CopyAsync(string source, string target)
    {
        if (IsPostgres)
        {
            var from = new Npgsql.NpgsqlConnectionStringBuilder(source);
            var to = new Npgsql.NpgsqlConnectionStringBuilder(target);
            var server = new Npgsql.NpgsqlConnectionStringBuilder(source) { Database = "postgres", Pooling = false };
            await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            // PostgreSQL 15 and later copy a template block by block through the write-ahead log unless told otherwise;
            // copying the files is about twice as fast for the seeded template (the test cluster runs without fsync, so
            // the checkpoint it costs is cheap).
            var strategy = connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{to.Database}\" TEMPLATE \"{from.Database}\"{strategy}", connection);
                    await create.ExecuteNonQueryAsync();
                    return;
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == "55006" && attempt < 50)
                {
                    // A connection of the app that seeded the template is still closing.
                    await using var end = new Npgsql.NpgsqlCommand(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
                    end.Parameters.AddWithValue("name", from.Database!);
                    await end.ExecuteNonQueryAsync();
                    await Task.Delay(100);
                }
            }
        }
        File.Copy(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(source).DataSource,
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target).DataSource);
    }

    /// <summary>Closes every pooled connection to <paramref name="connectionString"/>'s database and, for SQLite, folds
    /// the write-ahead log into the file, so the file alone is the whole database.</summary>
    public static async Task ReleaseAsync(string connectionString)
    {
        if (IsPostgres)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }
}

using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wijkbasis.Infrastructure.Backup;

/// <summary>The provider's own tools, used as they are meant to be: SQLite's online backup API (a consistent copy
/// while the app keeps writing, WAL), PostgreSQL's pg_dump -Fc / pg_restore from one exported snapshot, so the
/// rows counted for the manifest are the rows in the dump.</summary>
internal static class DatabaseCopy
{
    /// <summary>What the manifest records about a database: rows per table, last migration and the chain's head.</summary>
    internal sealed record Facts(SortedDictionary<string, long> RowCounts, string? LastMigration, long? HeadSeq, string? HeadHash, long Unsealed);

    public static bool IsPostgres(IConfiguration configuration) =>
        (configuration["Database:Provider"] ?? "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Wijkbasis") ?? Data.DatabaseSetup.DefaultSqlite;

    // --- SQLite ---------------------------------------------------------------------------------------------

    public static string SqliteFile(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static SqliteConnection OpenSqlite(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, null, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    /// <summary>Copies the live database into <paramref name="target"/> (made owner-only) and reads the facts from the copy.</summary>
    public static async Task<Facts> BackupSqliteAsync(string connectionString, string target, CancellationToken cancellationToken)
    {
        var source = SqliteFile(connectionString);
        if (!File.Exists(source))
        {
            throw new BackupException($"The database {source} does not exist.");
        }
        CreateOwnerOnlyEmpty(target);
        using (var from = OpenSqlite(source, SqliteOpenMode.ReadWrite))
        using (var to = OpenSqlite(target, SqliteOpenMode.ReadWrite))
        {
            // One step: a read transaction on the source for the whole copy; in WAL mode writers carry on meanwhile.
            from.BackupDatabase(to);
            // A plain file, readable without the -wal and -shm files next to it.
            Execute(to, null, "PRAGMA journal_mode=DELETE;");
        }
        using var copy = OpenSqlite(target, SqliteOpenMode.ReadOnly);
        return await ReadFactsAsync(copy, null, postgres: false, cancellationToken);
    }

    public static bool SqliteIsEmpty(string connectionString)
    {
        var file = SqliteFile(connectionString);
        if (!File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return true;
        }
        using var connection = OpenSqlite(file, SqliteOpenMode.ReadOnly);
        return Scalar(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") == 0;
    }

    /// <summary>Writes the backup's pages over the target database (made owner-only when it is new).</summary>
    public static void RestoreSqlite(string backupFile, string connectionString)
    {
        var target = SqliteFile(connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            CreateOwnerOnlyEmpty(target);
        }
        SqliteConnection.ClearAllPools();
        using (var from = OpenSqlite(backupFile, SqliteOpenMode.ReadOnly))
        using (var to = OpenSqlite(target, SqliteOpenMode.ReadWrite))
        {
            from.BackupDatabase(to);
            Execute(to, null, "PRAGMA journal_mode=WAL;");
        }
        SqliteConnection.ClearAllPools();
    }

    // --- PostgreSQL -------------------------------------------------------------------------------------------

    /// <summary>pg_dump -Fc of the database into <paramref name="target"/>, from a snapshot exported by a
    /// repeatable-read transaction in which the facts are read too.</summary>
    public static async Task<Facts> BackupPostgresAsync(IConfiguration configuration, string connectionString, string target,
        CancellationToken cancellationToken)
    {
        CreateOwnerOnlyEmpty(target);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        string snapshot;
        await using (var command = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        var facts = await ReadFactsAsync(connection, transaction, postgres: true, cancellationToken);
        // Row-level security is forced on the tenant tables; without an enterprise set every row is visible, so the
        // dump runs with row security on (as the app's ordinary role may not switch it off) and still holds every row.
        await RunAsync(configuration, "pg_dump", connectionString,
            ["--format=custom", "--no-owner", "--no-acl", "--enable-row-security", $"--snapshot={snapshot}", $"--file={target}"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return facts;
    }

    /// <summary>Null when the database does not exist yet; else whether it has no tables.</summary>
    public static async Task<bool?> PostgresIsEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var server = new NpgsqlConnection(ServerConnection(connectionString)))
        {
            await server.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", server);
            exists.Parameters.AddWithValue("name", name ?? "");
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return null;
            }
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return Scalar(connection, null, "SELECT COUNT(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") == 0;
    }

    public static async Task CreatePostgresDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
                   ?? throw new BackupException("The connection string names no database.");
        await using var server = new NpgsqlConnection(ServerConnection(connectionString));
        await server.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", server);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task RestorePostgresAsync(IConfiguration configuration, string dumpFile, string connectionString, bool clean,
        CancellationToken cancellationToken)
    {
        List<string> arguments = ["--no-owner", "--no-acl", "--enable-row-security", "--exit-on-error", "--single-transaction"];
        if (clean)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }
        arguments.Add($"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}");
        arguments.Add(dumpFile);
        await RunAsync(configuration, "pg_restore", connectionString, arguments, cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The same server, its maintenance database (to see and make databases).</summary>
    private static string ServerConnection(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    /// <summary>Runs a PostgreSQL client program with the connection as libpq environment variables (the password never
    /// on a command line). The program: Backup:PostgresBin, else on PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    private static async Task RunAsync(IConfiguration configuration, string program, string connectionString, IEnumerable<string> arguments,
        CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindProgram(configuration, program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = c.Username;
        start.Environment["PGDATABASE"] = c.Database;
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }
        using var process = Process.Start(start) ?? throw new BackupException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{program} failed (exit code {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}".Trim());
        }
    }

    private static string FindProgram(IConfiguration configuration, string program)
    {
        if (configuration["Backup:PostgresBin"] is { Length: > 0 } bin)
        {
            return Path.Combine(bin, program);
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, program)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, File: Path.Combine(d, "bin", program)))
                .Where(p => File.Exists(p.File)).OrderByDescending(p => p.Version).Select(p => p.File).FirstOrDefault()
            : null;
        return installed ?? throw new BackupException($"{program} was not found: install the PostgreSQL client or set Backup:PostgresBin.");
    }

    // --- Both ------------------------------------------------------------------------------------------------

    public static async Task<Facts> ReadFactsAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var connectionString = ConnectionString(configuration);
        if (IsPostgres(configuration))
        {
            await using var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync(cancellationToken);
            return await ReadFactsAsync(pg, null, postgres: true, cancellationToken);
        }
        using var sqlite = OpenSqlite(SqliteFile(connectionString), SqliteOpenMode.ReadOnly);
        return await ReadFactsAsync(sqlite, null, postgres: false, cancellationToken);
    }

    private static async Task<Facts> ReadFactsAsync(DbConnection connection, DbTransaction? transaction, bool postgres, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = postgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = Scalar(connection, transaction, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        string? lastMigration = null;
        if (tables.Contains("__migrations"))
        {
            lastMigration = Text(connection, transaction, "SELECT \"MigrationId\" FROM \"__migrations\" ORDER BY \"MigrationId\" DESC LIMIT 1");
        }
        long? headSeq = null;
        string? headHash = null;
        long unsealed = 0;
        if (tables.Contains("AuditEntries"))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT \"ChainSeq\", \"Hash\" FROM \"AuditEntries\" WHERE \"ChainSeq\" IS NOT NULL ORDER BY \"ChainSeq\" DESC LIMIT 1";
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    headSeq = reader.GetInt64(0);
                    headHash = reader.GetString(1);
                }
            }
            unsealed = Scalar(connection, transaction, "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"ChainSeq\" IS NULL");
        }
        return new Facts(counts, lastMigration, headSeq, headHash, unsealed);
    }

    private static long Scalar(DbConnection connection, DbTransaction? transaction, string sql) =>
        Convert.ToInt64(Execute(connection, transaction, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(DbConnection connection, DbTransaction? transaction, string sql) => Execute(connection, transaction, sql) as string;

    private static object? Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // table names come from the database's own catalogue, quoted
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }

    /// <summary>An empty file readable and writable by this user only, from its first byte on.</summary>
    internal static void CreateOwnerOnlyEmpty(string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var _ = new FileStream(file, options);
    }
}

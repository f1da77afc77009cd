using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Demo;

/// <summary>Writes many rows of the model's own entity classes straight to the database, for the city profile of the
/// demo: on PostgreSQL with binary COPY, on SQLite with one prepared INSERT per table whose parameters are re-bound
/// for every row. The columns come from the EF model (table and column names, value converters, the provider's type
/// for each column), so a column added to an entity later is written too, with whatever the entity object holds.
/// Runs on the context's own connection and transaction (the caller holds both open), with no enterprise entered: on
/// PostgreSQL the tenant setting is then empty, which row-level security lets through (as the small demo's seed,
/// which writes as the system); every row carries its <c>TenantId</c>, set by the generator.
/// What it skips on purpose: the EF interceptors. So no audit row per demo row (demo data is not a change anyone
/// made; the audit chain stays intact, it just has nothing to say about the bulk rows), no tenant stamping (the
/// generator sets TenantId) and no buddy-pool stamp (nothing is cached before the app starts).</summary>
public sealed class DemoBulk(WijkbasisDb db, Action<string> progress)
{
    private readonly bool postgres = db.Database.IsNpgsql();

    /// <summary>Rows copied into the staging table before they move on to the real one (PostgreSQL).</summary>
    private const int ChunkRows = 200_000;

    public long TotalRows { get; private set; }

    /// <summary>PostgreSQL: what was taken off the tables before their first rows went in, to be put back by
    /// <see cref="RestoreDeferredAsync"/> (index definitions, and foreign keys as table + name + definition).</summary>
    private readonly List<string> deferredIndexes = [];
    private readonly List<(string Table, string Name, string Definition)> deferredForeignKeys = [];
    private readonly HashSet<string> deferredTables = new(StringComparer.Ordinal);

    /// <summary>SQLite settings for the load: the load is one transaction (all or nothing), so the per-commit sync
    /// of synchronous=FULL buys nothing; a big page cache keeps the indexes in memory. Called before the transaction
    /// starts (SQLite refuses some pragmas inside one); <see cref="AfterLoadAsync"/> puts the app's settings back.</summary>
    public async Task BeforeLoadAsync(CancellationToken cancellationToken)
    {
        if (!postgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", cancellationToken);
        }
    }

    public async Task AfterLoadAsync(CancellationToken cancellationToken)
    {
        if (postgres)
        {
            // Fresh statistics, so the first pages after the load get sensible plans.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA cache_size=-2000; ANALYZE;", cancellationToken);
        }
    }

    /// <summary>Writes the rows (any enumerable: a list, or a generator that makes them as they are written).</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        var table = Table<T>.Of(db.Model);
        if (typeof(ITenantOwned).IsAssignableFrom(typeof(T)))
        {
            rows = rows.Select(r => ((ITenantOwned)r).TenantId != Guid.Empty ? r
                : throw new InvalidOperationException($"A {typeof(T).Name} row without its enterprise (TenantId)."));
        }
        var clock = Stopwatch.StartNew();
        var lastReport = 0L;
        long count = 0;
        void Report(bool final)
        {
            if (!final && clock.ElapsedMilliseconds - lastReport < 5000)
            {
                return;
            }
            lastReport = clock.ElapsedMilliseconds;
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            progress(string.Create(CultureInfo.InvariantCulture,
                $"{table.Name,-22} {count,10:N0} rows {(final ? "done" : "so far")} in {seconds,6:F1} s ({count / seconds,9:N0} rows/s)"));
        }

        var connection = db.Database.GetDbConnection();
        if (postgres)
        {
            // PostgreSQL refuses COPY into a table under row-level security ("COPY FROM not supported with row-level
            // security"), so the rows are copied into a temporary table of the same shape, a chunk at a time, and moved
            // on with INSERT ... SELECT, which passes the policy as every insert of the seed does (no enterprise set).
            var npgsql = (NpgsqlConnection)connection;
            await DeferAsync(npgsql, table.Name, cancellationToken);
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            var stage = $"pg_temp.\"bulk_{table.Name}\"";
            await using (var create = npgsql.CreateCommand())
            {
                create.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE \"{table.Name}\" INCLUDING DEFAULTS); TRUNCATE {stage}";
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            using var rowsLeft = rows.GetEnumerator();
            var more = rowsLeft.MoveNext();
            while (more)
            {
                await using (var importer = await npgsql.BeginBinaryImportAsync($"COPY {stage} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
                {
                    for (var inChunk = 0; more && inChunk < ChunkRows; inChunk++, more = rowsLeft.MoveNext())
                    {
                        var row = rowsLeft.Current;
                        await importer.StartRowAsync(cancellationToken);
                        foreach (var column in table.Columns)
                        {
                            var value = column.Value(row);
                            if (value is null)
                            {
                                await importer.WriteNullAsync(cancellationToken);
                            }
                            else
                            {
                                await importer.WriteAsync(value, column.PostgresType, cancellationToken);
                            }
                        }
                        count++;
                        if ((count & 0x3FFF) == 0)
                        {
                            Report(false);
                        }
                    }
                    await importer.CompleteAsync(cancellationToken);
                }
                await using var move = npgsql.CreateCommand();
                move.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) SELECT {columns} FROM {stage}; TRUNCATE {stage}";
                move.CommandTimeout = 0;
                await move.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("The SQLite bulk load runs inside the caller's transaction.");
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, c.Nullable)).ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = table.Columns[i].Value(row) ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                count++;
                if ((count & 0x3FFF) == 0)
                {
                    Report(false);
                }
            }
        }
        Report(true);
        TotalRows += count;
        return count;
    }

    /// <summary>PostgreSQL, before a table's first rows: drops its secondary indexes and its foreign keys, so the rows go in
    /// without updating a B-tree per index at random places (the keys are random Guids) and without a lookup per row and
    /// foreign key; <see cref="RestoreDeferredAsync"/> builds them again in one pass each, in the same transaction, so
    /// nothing outside ever sees a table without them. Primary keys and unique constraints stay (other tables' foreign
    /// keys rest on them). The load's rows are made consistent by the generator; re-adding a foreign key checks them all.</summary>
    private async Task DeferAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        if (!deferredTables.Add(table))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        // A table with a trigger of its own (such as the rooms' double-booking check, which looks up the room's other
        // bookings for every row) keeps its indexes: without them every row's check would read the whole table.
        command.CommandText = """
            SELECT 'i', i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = @table::regclass AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
              AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = i.indrelid AND NOT t.tgisinternal)
            UNION ALL
            SELECT 'f', c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.conrelid = @table::regclass AND c.contype = 'f'
            """;
        command.Parameters.AddWithValue("table", $"\"{table}\"");
        var drops = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (kind, name, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (kind == "i")
                {
                    deferredIndexes.Add(definition);
                    drops.Add($"DROP INDEX {name}");
                }
                else
                {
                    deferredForeignKeys.Add((table, name, definition));
                    drops.Add($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"");
                }
            }
        }
        if (drops.Count > 0)
        {
            command.Parameters.Clear();
            command.CommandText = string.Join(";\n", drops);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>PostgreSQL: builds the indexes and foreign keys <see cref="DeferAsync"/> took off, inside the load's
    /// transaction (call it before the commit). Nothing to do on SQLite.</summary>
    public async Task RestoreDeferredAsync(CancellationToken cancellationToken)
    {
        if (!postgres || deferredIndexes.Count + deferredForeignKeys.Count == 0)
        {
            return;
        }
        var clock = Stopwatch.StartNew();
        await using var command = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = "SET LOCAL maintenance_work_mem = '256MB'";
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var definition in deferredIndexes)
        {
            command.CommandText = definition;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var indexSeconds = clock.Elapsed.TotalSeconds;
        foreach (var (table, name, definition) in deferredForeignKeys)
        {
            command.CommandText = $"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{name}\" {definition}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        progress(string.Create(CultureInfo.InvariantCulture,
            $"indexes and foreign keys: {deferredIndexes.Count} indexes built in {indexSeconds:F1} s, {deferredForeignKeys.Count} foreign keys checked in {clock.Elapsed.TotalSeconds - indexSeconds:F1} s"));
        deferredIndexes.Clear();
        deferredForeignKeys.Clear();
    }

    private sealed record Column(string Name, string PostgresType, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Value);

    private sealed class Table<T>
    {
        private static Table<T>? cached;
        private static IModel? cachedFor;

        public required string Name { get; init; }
        public required IReadOnlyList<Column> Columns { get; init; }

        public static Table<T> Of(IModel model)
        {
            if (cached is { } t && ReferenceEquals(cachedFor, model))
            {
                return t;
            }
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var columns = new List<Column>();
            foreach (var property in entity.GetProperties())
            {
                if (property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey() && property.ClrType != typeof(Guid))
                {
                    continue; // an identity column: the database numbers it
                }
                var mapping = property.GetRelationalTypeMapping();
                var storeType = mapping.StoreType;
                var facet = storeType.IndexOf('(', StringComparison.Ordinal);
                columns.Add(new Column(property.GetColumnName(), facet < 0 ? storeType : storeType[..facet].Trim(), mapping,
                    property.IsNullable, Getter(property, mapping.Converter)));
            }
            var table = new Table<T> { Name = entity.GetTableName()!, Columns = columns };
            (cached, cachedFor) = (table, model);
            return table;
        }

        private static Func<object, object?> Getter(IProperty property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var typed = Expression.Convert(row, typeof(T));
            Expression member = property.PropertyInfo is { } p ? Expression.Property(typed, p)
                : property.FieldInfo is { } f ? Expression.Field(typed, f)
                : throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; the bulk writer cannot read it.");
            var read = Expression.Lambda<Func<object, object?>>(Expression.Convert(member, typeof(object)), row).Compile();
            if (converter is null)
            {
                return read;
            }
            var toProvider = converter.ConvertToProvider;
            return r => read(r) is { } v ? toProvider(v) : null;
        }
    }
}

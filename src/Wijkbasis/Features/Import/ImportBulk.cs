using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Import;

/// <summary>Writes many rows of one entity in the caller's transaction without the change tracker (docs/decisions/0030):
/// on PostgreSQL one <c>INSERT … SELECT FROM unnest(arrays)</c> (binary COPY is refused on a table under row-level
/// security, and this statement passes the tenant policy like any insert), on SQLite one prepared INSERT re-bound per
/// row. Columns, names and value conversions come from the EF model. A row that meets a unique index (a check-in that
/// arrived after the dry run) is left out, not an error. The EF interceptors are skipped on purpose: the caller sets
/// each row's enterprise and writes the import's one audit row.</summary>
internal static class ImportBulk
{
    public static async Task<int> InsertAsync<T>(WijkbasisDb db, IReadOnlyList<T> rows, Action<int>? progress, CancellationToken cancellationToken)
        where T : class, ITenantOwned
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        if (rows.Any(r => r.TenantId == Guid.Empty || r.TenantId != db.CurrentTenantId))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} row outside the current enterprise.");
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var properties = entity.GetProperties().ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk insert runs inside the caller's transaction.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        if (db.Database.IsNpgsql())
        {
            command.CommandText = $"INSERT INTO \"{table}\" ({columns}) SELECT * FROM unnest({string.Join(", ", properties.Select((_, i) => $"@p{i}"))}) ON CONFLICT DO NOTHING";
            for (var i = 0; i < properties.Count; i++)
            {
                var mapping = properties[i].GetRelationalTypeMapping();
                var values = Array.CreateInstance(mapping.Converter?.ProviderClrType ?? properties[i].ClrType, rows.Count);
                for (var r = 0; r < rows.Count; r++)
                {
                    values.SetValue(Value(properties[i], mapping, rows[r]), r);
                }
                var storeType = mapping.StoreType;
                var facet = storeType.IndexOf('(', StringComparison.Ordinal);
                command.Parameters.Add(new NpgsqlParameter($"p{i}", values) { DataTypeName = (facet < 0 ? storeType : storeType[..facet].Trim()) + "[]" });
            }
            var written = await command.ExecuteNonQueryAsync(cancellationToken);
            progress?.Invoke(rows.Count);
            return written;
        }
        command.CommandText = $"INSERT OR IGNORE INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        var parameters = properties.Select((p, i) => p.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", null, p.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        var count = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Value(properties[i], properties[i].GetRelationalTypeMapping(), rows[r]) ?? DBNull.Value;
            }
            count += await command.ExecuteNonQueryAsync(cancellationToken);
            if ((r + 1) % 5_000 == 0)
            {
                progress?.Invoke(r + 1);
            }
        }
        progress?.Invoke(rows.Count);
        return count;
    }

    private static object? Value(IProperty property, RelationalTypeMapping mapping, object row)
    {
        var value = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
        return value is null || mapping.Converter is null ? value : mapping.Converter.ConvertToProvider(value);
    }
}

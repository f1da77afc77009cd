using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>PostgreSQL backstop under the EF tenant filter: tells the database session which enterprise
/// this request acts for, so row-level security (hand-written in the PostgreSQL Foundation migration) refuses rows of any
/// other enterprise, even to hand-written SQL. Without an enterprise the setting is made empty and the
/// policies let the named cross-tenant reads in <see cref="TenantBypass"/> through; the EF filter still
/// returns nothing there. Set on every open with an enterprise (and again when a request holding its connection
/// enters one), so a pooled session never carries another request's value; a reused session arrives reset.
/// It guards against a forgotten filter, not against injected SQL (which could set the value itself).</summary>
public sealed class PostgresTenantSession(TenantContext tenant) : DbConnectionInterceptor
{
    public const string Setting = "wijkbasis.tenant";

    // Without an enterprise there is nothing to set: a pooled session comes back reset (RESET ALL, see
    // EnsureSafeConnectionString), so the setting is already empty, which is what "no enterprise" means.
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!tenant.HasTenant)
        {
            return;
        }
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!tenant.HasTenant)
        {
            return;
        }
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>For a connection held open across the point where the request enters its enterprise
    /// (see <see cref="TenantMiddleware"/>): sets the value again for the tenant now in force.</summary>
    public async Task RefreshAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Settings under which a session could keep another request's tenant, or several requests
    /// share one session; refused at start-up.</summary>
    public static void EnsureSafeConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.NoResetOnClose || builder.Multiplexing)
        {
            throw new InvalidOperationException(
                "The PostgreSQL connection string must not set 'No Reset On Close' or 'Multiplexing': row-level security relies on a fresh session setting per connection use.");
        }
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant.HasTenant ? tenant.TenantId.ToString("D") : "";
        command.Parameters.Add(parameter);
        return command;
    }
}

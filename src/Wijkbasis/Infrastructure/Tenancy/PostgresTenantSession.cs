using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>PostgreSQL backstop under the EF tenant filter: tells the database session which enterprise
/// this request acts for, so row-level security (migration TenantRowLevelSecurity) refuses rows of any
/// other enterprise, even to hand-written SQL. Without an enterprise the setting stays empty and the
/// policies let the named cross-tenant reads in <see cref="TenantBypass"/> through; the EF filter still
/// returns nothing there. Npgsql resets session settings when a connection goes back to the pool.</summary>
public sealed class PostgresTenantSession(TenantContext tenant) : DbConnectionInterceptor
{
    public const string Setting = "wijkbasis.tenant";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (tenant.HasTenant)
        {
            using var command = Command(connection);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (tenant.HasTenant)
        {
            await using var command = Command(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant.TenantId.ToString("D");
        command.Parameters.Add(parameter);
        return command;
    }
}

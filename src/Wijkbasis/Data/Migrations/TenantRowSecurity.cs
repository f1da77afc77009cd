using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Wijkbasis.Data.Migrations;

/// <summary>Row-level security as a backstop under the EF tenant filter, for a PostgreSQL migration that adds a
/// table with a <c>TenantId</c>: <c>migrationBuilder.EnableTenantRowSecurity("Rooms")</c> in Up,
/// <c>migrationBuilder.DropTenantRowSecurity("Rooms")</c> in Down (before the table is dropped). The SQL is exactly what
/// the migrations up to VolunteersAndContributions pasted per table (the policy calls <c>wijkbasis_tenant_visible</c>,
/// made by Foundation). Only for Migrations/Postgres: SQLite has no row-level security.</summary>
public static class TenantRowSecurity
{
    public static string EnableSql(string table) =>
        $@"ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));";

    public static string DropSql(string table) => $@"DROP POLICY tenant_isolation ON ""{table}"";";

    public static OperationBuilder<SqlOperation> EnableTenantRowSecurity(this MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(EnableSql(table));

    public static OperationBuilder<SqlOperation> DropTenantRowSecurity(this MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(DropSql(table));
}

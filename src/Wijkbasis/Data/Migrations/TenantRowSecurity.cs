using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Wijkbasis.Data.Migrations;

/// <summary>Row-level security as a backstop under the EF tenant filter, for a PostgreSQL migration that adds a
/// table with a <c>TenantId</c>: <c>migrationBuilder.EnableTenantRowSecurity("Rooms")</c> in Up,
/// <c>migrationBuilder.DropTenantRowSecurity("Rooms")</c> in Down (before the table is dropped). The SQL is what the
/// migrations up to VolunteersAndContributions pasted per table, with the rule as PageIndexes rewrote every policy:
/// a row is visible when no enterprise is set, or when it is that enterprise's own; the setting is read in scalar
/// subqueries, once per query, where the pasted <c>wijkbasis_tenant_visible("TenantId")</c> was evaluated per row.
/// Only for Migrations/Postgres: SQLite has no row-level security.</summary>
public static class TenantRowSecurity
{
    /// <summary>The policy's rule (USING and WITH CHECK).</summary>
    public const string Rule =
        @"""TenantId"" = (SELECT NULLIF(current_setting('wijkbasis.tenant', true), '')::uuid) OR (SELECT COALESCE(current_setting('wijkbasis.tenant', true), '') = '')";

    /// <summary>The rule as the first migrations pasted it (same meaning, evaluated per row).</summary>
    public const string PastedRule = @"wijkbasis_tenant_visible(""TenantId"")";

    public static string EnableSql(string table) =>
        $@"ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING ({Rule}) WITH CHECK ({Rule});";

    public static string DropSql(string table) => $@"DROP POLICY tenant_isolation ON ""{table}"";";

    public static OperationBuilder<SqlOperation> EnableTenantRowSecurity(this MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(EnableSql(table));

    public static OperationBuilder<SqlOperation> DropTenantRowSecurity(this MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(DropSql(table));
}

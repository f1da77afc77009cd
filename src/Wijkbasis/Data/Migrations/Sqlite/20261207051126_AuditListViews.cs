using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditListViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EntityIds",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonIds",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            // Written by hand: the list rows of an enterprise, for "who looked at this person?" (read in full on SQLite).
            migrationBuilder.Sql(@"CREATE INDEX ""IX_AuditEntries_Lists"" ON ""AuditEntries"" (""TenantId"", ""Id"") WHERE ""PersonIds"" IS NOT NULL;");
            // Written by hand: the list columns are audit fields too (append-only like the rest).
            migrationBuilder.Sql("DROP TRIGGER audit_append_only_update;");
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON ""AuditEntries""
WHEN OLD.""ChainSeq"" IS NOT NULL OR NEW.""Id"" IS NOT OLD.""Id"" OR NEW.""TenantId"" IS NOT OLD.""TenantId"" OR NEW.""At"" IS NOT OLD.""At"" OR NEW.""UserId"" IS NOT OLD.""UserId"" OR NEW.""UserName"" IS NOT OLD.""UserName"" OR NEW.""Role"" IS NOT OLD.""Role"" OR NEW.""EntityType"" IS NOT OLD.""EntityType"" OR NEW.""EntityId"" IS NOT OLD.""EntityId"" OR NEW.""Action"" IS NOT OLD.""Action"" OR NEW.""Outcome"" IS NOT OLD.""Outcome"" OR NEW.""PersonId"" IS NOT OLD.""PersonId"" OR NEW.""EntityIds"" IS NOT OLD.""EntityIds"" OR NEW.""PersonIds"" IS NOT OLD.""PersonIds""
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP INDEX ""IX_AuditEntries_Lists"";");
            migrationBuilder.Sql("DROP TRIGGER audit_append_only_update;");
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON ""AuditEntries""
WHEN OLD.""ChainSeq"" IS NOT NULL OR NEW.""Id"" IS NOT OLD.""Id"" OR NEW.""TenantId"" IS NOT OLD.""TenantId"" OR NEW.""At"" IS NOT OLD.""At"" OR NEW.""UserId"" IS NOT OLD.""UserId"" OR NEW.""UserName"" IS NOT OLD.""UserName"" OR NEW.""Role"" IS NOT OLD.""Role"" OR NEW.""EntityType"" IS NOT OLD.""EntityType"" OR NEW.""EntityId"" IS NOT OLD.""EntityId"" OR NEW.""Action"" IS NOT OLD.""Action"" OR NEW.""Outcome"" IS NOT OLD.""Outcome"" OR NEW.""PersonId"" IS NOT OLD.""PersonId""
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");

            migrationBuilder.DropColumn(
                name: "EntityIds",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PersonIds",
                table: "AuditEntries");
        }
    }
}

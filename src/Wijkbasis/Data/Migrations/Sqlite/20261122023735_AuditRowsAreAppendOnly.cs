using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditRowsAreAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: audit rows can be added and sealed once, never changed or removed.
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON ""AuditEntries""
WHEN OLD.""ChainSeq"" IS NOT NULL OR NEW.""Id"" IS NOT OLD.""Id"" OR NEW.""TenantId"" IS NOT OLD.""TenantId"" OR NEW.""At"" IS NOT OLD.""At"" OR NEW.""UserId"" IS NOT OLD.""UserId"" OR NEW.""UserName"" IS NOT OLD.""UserName"" OR NEW.""Role"" IS NOT OLD.""Role"" OR NEW.""EntityType"" IS NOT OLD.""EntityType"" OR NEW.""EntityId"" IS NOT OLD.""EntityId"" OR NEW.""Action"" IS NOT OLD.""Action"" OR NEW.""Outcome"" IS NOT OLD.""Outcome"" OR NEW.""PersonId"" IS NOT OLD.""PersonId""
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql(@"
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON ""AuditEntries""
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_append_only_update;");
            migrationBuilder.Sql("DROP TRIGGER audit_append_only_delete;");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditRowsAreAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: audit rows can be added and sealed once, never changed or removed.
            migrationBuilder.Sql(@"
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.""ChainSeq"" IS NOT NULL
       OR (NEW.""Id"", NEW.""TenantId"", NEW.""At"", NEW.""UserId"", NEW.""UserName"", NEW.""Role"", NEW.""EntityType"", NEW.""EntityId"", NEW.""Action"", NEW.""Outcome"", NEW.""PersonId"") IS DISTINCT FROM (OLD.""Id"", OLD.""TenantId"", OLD.""At"", OLD.""UserId"", OLD.""UserName"", OLD.""Role"", OLD.""EntityType"", OLD.""EntityId"", OLD.""Action"", OLD.""Outcome"", OLD.""PersonId"") THEN
        RAISE EXCEPTION 'audit rows are append-only';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ""AuditEntries""
FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_append_only ON \"AuditEntries\"; DROP FUNCTION audit_append_only();");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditListViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "EntityIds",
                table: "AuditEntries",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "PersonIds",
                table: "AuditEntries",
                type: "uuid[]",
                nullable: true);

            // Written by hand: "who looked at this person?" finds list rows through array containment on a GIN index.
            migrationBuilder.Sql(@"CREATE INDEX ""IX_AuditEntries_PersonIds"" ON ""AuditEntries"" USING GIN (""PersonIds"") WHERE ""PersonIds"" IS NOT NULL;");
            // Written by hand: the list columns are audit fields too (append-only like the rest).
            migrationBuilder.Sql(@"
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.""ChainSeq"" IS NOT NULL
       OR (NEW.""Id"", NEW.""TenantId"", NEW.""At"", NEW.""UserId"", NEW.""UserName"", NEW.""Role"", NEW.""EntityType"", NEW.""EntityId"", NEW.""Action"", NEW.""Outcome"", NEW.""PersonId"", NEW.""EntityIds"", NEW.""PersonIds"") IS DISTINCT FROM (OLD.""Id"", OLD.""TenantId"", OLD.""At"", OLD.""UserId"", OLD.""UserName"", OLD.""Role"", OLD.""EntityType"", OLD.""EntityId"", OLD.""Action"", OLD.""Outcome"", OLD.""PersonId"", OLD.""EntityIds"", OLD.""PersonIds"") THEN
        RAISE EXCEPTION 'audit rows are append-only';
    END IF;
    RETURN NEW;
END $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP INDEX ""IX_AuditEntries_PersonIds"";");
            migrationBuilder.Sql(@"
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.""ChainSeq"" IS NOT NULL
       OR (NEW.""Id"", NEW.""TenantId"", NEW.""At"", NEW.""UserId"", NEW.""UserName"", NEW.""Role"", NEW.""EntityType"", NEW.""EntityId"", NEW.""Action"", NEW.""Outcome"", NEW.""PersonId"") IS DISTINCT FROM (OLD.""Id"", OLD.""TenantId"", OLD.""At"", OLD.""UserId"", OLD.""UserName"", OLD.""Role"", OLD.""EntityType"", OLD.""EntityId"", OLD.""Action"", OLD.""Outcome"", OLD.""PersonId"") THEN
        RAISE EXCEPTION 'audit rows are append-only';
    END IF;
    RETURN NEW;
END $$;");

            migrationBuilder.DropColumn(
                name: "EntityIds",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PersonIds",
                table: "AuditEntries");
        }
    }
}

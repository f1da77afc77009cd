using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TenantRowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand (PostgreSQL only): row-level security as a backstop under the EF tenant filter.
            // The session setting is made by Infrastructure/Tenancy/PostgresTenantSession; when it is empty
            // (no enterprise: sign-in, platform admin, sealer) every row is visible to the database and the
            // EF filter alone decides. FORCE makes the owner subject too; only superusers skip it.
            migrationBuilder.Sql(@"
CREATE FUNCTION wijkbasis_tenant_visible(row_tenant uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN COALESCE(current_setting('wijkbasis.tenant', true), '') = '' THEN true
                ELSE row_tenant = current_setting('wijkbasis.tenant', true)::uuid END
$$;");
            migrationBuilder.Sql(@"ALTER TABLE ""People"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""People"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""People"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""Consents"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Consents"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Consents"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""Memberships"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Memberships"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Memberships"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""Invitations"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Invitations"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Invitations"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""AuditEntries"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""AuditEntries"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""AuditEntries"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""People""; ALTER TABLE ""People"" NO FORCE ROW LEVEL SECURITY; ALTER TABLE ""People"" DISABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Consents""; ALTER TABLE ""Consents"" NO FORCE ROW LEVEL SECURITY; ALTER TABLE ""Consents"" DISABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Memberships""; ALTER TABLE ""Memberships"" NO FORCE ROW LEVEL SECURITY; ALTER TABLE ""Memberships"" DISABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Invitations""; ALTER TABLE ""Invitations"" NO FORCE ROW LEVEL SECURITY; ALTER TABLE ""Invitations"" DISABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""AuditEntries""; ALTER TABLE ""AuditEntries"" NO FORCE ROW LEVEL SECURITY; ALTER TABLE ""AuditEntries"" DISABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql("DROP FUNCTION wijkbasis_tenant_visible(uuid);");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TalentsAndMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Matches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    GiverPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiverPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    About = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuggestedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IntroducedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IntroducedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AgreedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ThankedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FizzledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FizzleReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastMovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Matches", x => x.Id);
                    table.CheckConstraint("CK_Matches_TwoPeople", "\"GiverPersonId\" <> \"ReceiverPersonId\"");
                    table.ForeignKey(
                        name: "FK_Matches_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matches_People_GiverPersonId",
                        column: x => x.GiverPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matches_People_ReceiverPersonId",
                        column: x => x.ReceiverPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharedOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BuurtCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    BuurtName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TagKeys = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TagNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedOffers_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharedOffers_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharedOffers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NeedText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentCards_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalentCards_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentTags_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatchNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchNotes_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchNotes_Matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "Matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentCardTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CardId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentCardTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentCardTags_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalentCardTags_TalentCards_CardId",
                        column: x => x.CardId,
                        principalTable: "TalentCards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TalentCardTags_TalentTags_TagId",
                        column: x => x.TagId,
                        principalTable: "TalentTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_GiverPersonId",
                table: "Matches",
                column: "GiverPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Matches_ReceiverPersonId",
                table: "Matches",
                column: "ReceiverPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Matches_TenantId_GiverPersonId",
                table: "Matches",
                columns: new[] { "TenantId", "GiverPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_TenantId_ReceiverPersonId",
                table: "Matches",
                columns: new[] { "TenantId", "ReceiverPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_TenantId_Status_LastMovedAt",
                table: "Matches",
                columns: new[] { "TenantId", "Status", "LastMovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchNotes_MatchId",
                table: "MatchNotes",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchNotes_TenantId_MatchId_At",
                table: "MatchNotes",
                columns: new[] { "TenantId", "MatchId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SharedOffers_MunicipalityId_UpdatedAt",
                table: "SharedOffers",
                columns: new[] { "MunicipalityId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SharedOffers_PersonId",
                table: "SharedOffers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedOffers_TenantId_PersonId",
                table: "SharedOffers",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentCards_PersonId",
                table: "TalentCards",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentCards_TenantId_PersonId",
                table: "TalentCards",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentCardTags_CardId_TagId_Side",
                table: "TalentCardTags",
                columns: new[] { "CardId", "TagId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentCardTags_TagId",
                table: "TalentCardTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentCardTags_TenantId_TagId_Side",
                table: "TalentCardTags",
                columns: new[] { "TenantId", "TagId", "Side" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentTags_TenantId_Key",
                table: "TalentTags",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            // Written by hand (PostgreSQL only): row-level security as a backstop under the EF tenant filter, as in
            // the Foundation migration. SharedOffers has one more policy: an enterprise may read (never write) the
            // shared offers of the other enterprises in its own municipality; those rows exist only while the
            // resident's consent is in force (Features/Talents/TalentSharing). The function keeps the schema it was made
            // in, so it also works where the search path is empty (pg_dump).
            migrationBuilder.Sql(@"ALTER TABLE ""TalentTags"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""TalentTags"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""TalentTags"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""TalentCards"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""TalentCards"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""TalentCards"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""TalentCardTags"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""TalentCardTags"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""TalentCardTags"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""SharedOffers"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""SharedOffers"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""SharedOffers"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""Matches"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Matches"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Matches"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""MatchNotes"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""MatchNotes"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""MatchNotes"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"
CREATE FUNCTION wijkbasis_tenant_municipality() RETURNS uuid LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT ""MunicipalityId"" FROM ""Enterprises""
    WHERE ""Id"" = NULLIF(COALESCE(current_setting('wijkbasis.tenant', true), ''), '')::uuid
$$;
CREATE POLICY municipality_board ON ""SharedOffers"" FOR SELECT USING (""MunicipalityId"" = wijkbasis_tenant_municipality());");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP POLICY municipality_board ON ""SharedOffers""; DROP FUNCTION wijkbasis_tenant_municipality();");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""TalentTags"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""TalentCards"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""TalentCardTags"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""SharedOffers"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Matches"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""MatchNotes"";");
            migrationBuilder.DropTable(
                name: "MatchNotes");

            migrationBuilder.DropTable(
                name: "SharedOffers");

            migrationBuilder.DropTable(
                name: "TalentCardTags");

            migrationBuilder.DropTable(
                name: "Matches");

            migrationBuilder.DropTable(
                name: "TalentCards");

            migrationBuilder.DropTable(
                name: "TalentTags");
        }
    }
}

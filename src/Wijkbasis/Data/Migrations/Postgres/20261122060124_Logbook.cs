using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Logbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Locations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsPopUp = table.Column<bool>(type: "boolean", nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AvailableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Locations_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recurrence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HostUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    PlannedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_AspNetUsers_HostUserId",
                        column: x => x.HostUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Activities_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurrenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HostUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsMoved = table.Column<bool>(type: "boolean", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sessions_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Sessions_AspNetUsers_HostUserId",
                        column: x => x.HostUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Sessions_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sessions_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckIns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckIns_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HeadCounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Children = table.Column<int>(type: "integer", nullable: false),
                    Teens = table.Column<int>(type: "integer", nullable: false),
                    Adults = table.Column<int>(type: "integer", nullable: false),
                    Seniors = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeadCounts", x => x.Id);
                    table.CheckConstraint("CK_HeadCounts_Adults", "\"Adults\" BETWEEN 0 AND 500");
                    table.CheckConstraint("CK_HeadCounts_Children", "\"Children\" BETWEEN 0 AND 500");
                    table.CheckConstraint("CK_HeadCounts_Seniors", "\"Seniors\" BETWEEN 0 AND 500");
                    table.CheckConstraint("CK_HeadCounts_Teens", "\"Teens\" BETWEEN 0 AND 500");
                    table.ForeignKey(
                        name: "FK_HeadCounts_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HeadCounts_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LogEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentToReport = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogEntries_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LogEntries_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LogEntries_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries",
                column: "Id",
                filter: "\"ChainSeq\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_HostUserId",
                table: "Activities",
                column: "HostUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_LocationId",
                table: "Activities",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_Name",
                table: "Activities",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PersonId",
                table: "CheckIns",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_SessionId_PersonId",
                table: "CheckIns",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_TenantId_PersonId",
                table: "CheckIns",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_HeadCounts_SessionId",
                table: "HeadCounts",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_HeadCounts_TenantId_SessionId",
                table: "HeadCounts",
                columns: new[] { "TenantId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Locations_TenantId_Name",
                table: "Locations",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_PersonId",
                table: "LogEntries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_SessionId",
                table: "LogEntries",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_TenantId_PersonId",
                table: "LogEntries",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_TenantId_SessionId",
                table: "LogEntries",
                columns: new[] { "TenantId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ActivityId_OccurrenceDate",
                table: "Sessions",
                columns: new[] { "ActivityId", "OccurrenceDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_HostUserId",
                table: "Sessions",
                column: "HostUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_LocationId",
                table: "Sessions",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_TenantId_StartsAt",
                table: "Sessions",
                columns: new[] { "TenantId", "StartsAt" });

            // Row-level security backstop, as in Foundation.
            migrationBuilder.Sql(@"ALTER TABLE ""Locations"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Locations"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Locations"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""Activities"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Activities"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Activities"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""Sessions"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Sessions"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Sessions"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""CheckIns"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""CheckIns"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""CheckIns"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""HeadCounts"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""HeadCounts"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""HeadCounts"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""LogEntries"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""LogEntries"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""LogEntries"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Locations"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Activities"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Sessions"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""CheckIns"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""HeadCounts"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""LogEntries"";");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "HeadCounts");

            migrationBuilder.DropTable(
                name: "LogEntries");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "Locations");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries");
        }
    }
}

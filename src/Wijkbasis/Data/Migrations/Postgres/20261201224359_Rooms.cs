using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Rooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Facilities = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SocialRateCents = table.Column<long>(type: "bigint", nullable: false),
                    EntrepreneurRateCents = table.Column<long>(type: "bigint", nullable: false),
                    CommercialRateCents = table.Column<long>(type: "bigint", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    OpenDays = table.Column<int>(type: "integer", nullable: false),
                    AcceptsRequests = table.Column<bool>(type: "boolean", nullable: false),
                    FeedIsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.Id);
                    table.CheckConstraint("CK_Rooms_Capacity", "\"Capacity\" BETWEEN 1 AND 1000");
                    table.CheckConstraint("CK_Rooms_Rates", "\"SocialRateCents\" >= 0 AND \"EntrepreneurRateCents\" >= 0 AND \"CommercialRateCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_Rooms_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BookingRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingRequests", x => x.Id);
                    table.CheckConstraint("CK_BookingRequests_Period", "\"EndsAt\" > \"StartsAt\"");
                    table.ForeignKey(
                        name: "FK_BookingRequests_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BookingRequests_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoomBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublicTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBookings", x => x.Id);
                    table.CheckConstraint("CK_RoomBookings_Period", "\"EndsAt\" > \"StartsAt\"");
                    table.CheckConstraint("CK_RoomBookings_Price", "\"PriceCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_RoomBookings_BookingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "BookingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomBookings_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomBookings_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookingRequests_RoomId",
                table: "BookingRequests",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingRequests_TenantId_Status_ReceivedAt",
                table: "BookingRequests",
                columns: new[] { "TenantId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_RequestId",
                table: "RoomBookings",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_RoomId_StartsAt",
                table: "RoomBookings",
                columns: new[] { "RoomId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_SeriesId",
                table: "RoomBookings",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_TenantId_StartsAt",
                table: "RoomBookings",
                columns: new[] { "TenantId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_TenantId_Name",
                table: "Rooms",
                columns: new[] { "TenantId", "Name" });

            // Hand-written: no double booking of a room, decided by the database (see Features/Rooms/RoomCalendar).
            // The trigger first locks the room's row, so of two transactions booking the same room the second waits
            // for the first to commit and then sees its row (read committed: each statement a fresh snapshot).
            migrationBuilder.Sql(@"
CREATE FUNCTION room_no_double_booking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.""CancelledAt"" IS NULL THEN
        PERFORM 1 FROM ""Rooms"" WHERE ""Id"" = NEW.""RoomId"" FOR UPDATE;
        IF EXISTS (SELECT 1 FROM ""RoomBookings"" b WHERE b.""RoomId"" = NEW.""RoomId"" AND b.""Id"" <> NEW.""Id""
                   AND b.""CancelledAt"" IS NULL AND b.""StartsAt"" < NEW.""EndsAt"" AND NEW.""StartsAt"" < b.""EndsAt"") THEN
            RAISE EXCEPTION 'room-double-booked' USING ERRCODE = 'exclusion_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER room_no_double_booking BEFORE INSERT OR UPDATE OF ""RoomId"", ""StartsAt"", ""EndsAt"", ""CancelledAt"" ON ""RoomBookings""
FOR EACH ROW EXECUTE FUNCTION room_no_double_booking();");
            migrationBuilder.Sql(@"ALTER TABLE ""Rooms"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""Rooms"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""Rooms"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""RoomBookings"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""RoomBookings"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""RoomBookings"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            migrationBuilder.Sql(@"ALTER TABLE ""BookingRequests"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""BookingRequests"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""BookingRequests"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""Rooms"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""RoomBookings"";");
            migrationBuilder.Sql(@"DROP POLICY tenant_isolation ON ""BookingRequests"";");
            migrationBuilder.Sql("DROP TRIGGER room_no_double_booking ON \"RoomBookings\"; DROP FUNCTION room_no_double_booking();");

            migrationBuilder.DropTable(
                name: "RoomBookings");

            migrationBuilder.DropTable(
                name: "BookingRequests");

            migrationBuilder.DropTable(
                name: "Rooms");
        }
    }
}

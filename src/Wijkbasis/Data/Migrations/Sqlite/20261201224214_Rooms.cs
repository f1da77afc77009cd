using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Facilities = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SocialRateCents = table.Column<long>(type: "INTEGER", nullable: false),
                    EntrepreneurRateCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CommercialRateCents = table.Column<long>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    OpenDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptsRequests = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeedIsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublicTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
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
            // SQLite has one writer at a time, so the check and the write cannot interleave with another booking.
            const string overlap = @"NEW.""CancelledAt"" IS NULL AND EXISTS (SELECT 1 FROM ""RoomBookings"" b WHERE b.""RoomId"" = NEW.""RoomId""
    AND b.""Id"" <> NEW.""Id"" AND b.""CancelledAt"" IS NULL AND b.""StartsAt"" < NEW.""EndsAt"" AND NEW.""StartsAt"" < b.""EndsAt"")";
            migrationBuilder.Sql($@"
CREATE TRIGGER room_no_double_booking_insert BEFORE INSERT ON ""RoomBookings"" WHEN {overlap}
BEGIN SELECT RAISE(ABORT, 'room-double-booked'); END;");
            migrationBuilder.Sql($@"
CREATE TRIGGER room_no_double_booking_update BEFORE UPDATE OF ""RoomId"", ""StartsAt"", ""EndsAt"", ""CancelledAt"" ON ""RoomBookings"" WHEN {overlap}
BEGIN SELECT RAISE(ABORT, 'room-double-booked'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER room_no_double_booking_insert;");
            migrationBuilder.Sql("DROP TRIGGER room_no_double_booking_update;");

            migrationBuilder.DropTable(
                name: "RoomBookings");

            migrationBuilder.DropTable(
                name: "BookingRequests");

            migrationBuilder.DropTable(
                name: "Rooms");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImpactMonitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BuurtPopulations",
                columns: table => new
                {
                    BuurtCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Inhabitants = table.Column<int>(type: "INTEGER", nullable: false),
                    Age0To15 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age15To25 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age25To45 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age45To65 = table.Column<int>(type: "INTEGER", nullable: true),
                    Age65Plus = table.Column<int>(type: "INTEGER", nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuurtPopulations", x => new { x.BuurtCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "FixedReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FixedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FixedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FixedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersededByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FixedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FixedReports_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Learned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Plans = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StoryIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportDrafts_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FixedReports_TenantId_PeriodKey_Number",
                table: "FixedReports",
                columns: new[] { "TenantId", "PeriodKey", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDrafts_TenantId_PeriodKey",
                table: "ReportDrafts",
                columns: new[] { "TenantId", "PeriodKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuurtPopulations");

            migrationBuilder.DropTable(
                name: "FixedReports");

            migrationBuilder.DropTable(
                name: "ReportDrafts");
        }
    }
}

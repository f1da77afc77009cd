using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Wijkbasis.Data.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FundingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FunderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingAgreements_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundingAgreements_Organisations_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAmounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAmounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementAmounts_FundingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "FundingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementReportDates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    What = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementReportDates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementReportDates_FundingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "FundingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Per = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementTargets_FundingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "FundingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAmounts_AgreementId",
                table: "AgreementAmounts",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAmounts_TenantId_AgreementId_Year",
                table: "AgreementAmounts",
                columns: new[] { "TenantId", "AgreementId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementReportDates_AgreementId",
                table: "AgreementReportDates",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementReportDates_TenantId_AgreementId",
                table: "AgreementReportDates",
                columns: new[] { "TenantId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementReportDates_TenantId_SubmittedOn_DueOn",
                table: "AgreementReportDates",
                columns: new[] { "TenantId", "SubmittedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTargets_AgreementId",
                table: "AgreementTargets",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTargets_TenantId_AgreementId",
                table: "AgreementTargets",
                columns: new[] { "TenantId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingAgreements_FunderId",
                table: "FundingAgreements",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingAgreements_TenantId_FunderId",
                table: "FundingAgreements",
                columns: new[] { "TenantId", "FunderId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingAgreements_TenantId_StartsOn",
                table: "FundingAgreements",
                columns: new[] { "TenantId", "StartsOn" });

            migrationBuilder.EnableTenantRowSecurity("FundingAgreements");
            migrationBuilder.EnableTenantRowSecurity("AgreementAmounts");
            migrationBuilder.EnableTenantRowSecurity("AgreementReportDates");
            migrationBuilder.EnableTenantRowSecurity("AgreementTargets");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTenantRowSecurity("AgreementTargets");
            migrationBuilder.DropTenantRowSecurity("AgreementReportDates");
            migrationBuilder.DropTenantRowSecurity("AgreementAmounts");
            migrationBuilder.DropTenantRowSecurity("FundingAgreements");

            migrationBuilder.DropTable(
                name: "AgreementAmounts");

            migrationBuilder.DropTable(
                name: "AgreementReportDates");

            migrationBuilder.DropTable(
                name: "AgreementTargets");

            migrationBuilder.DropTable(
                name: "FundingAgreements");
        }
    }
}

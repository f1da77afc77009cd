using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoriesAndOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeStories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LogEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentInternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentPublication = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeStories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeStories_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChangeStories_LogEntries_LogEntryId",
                        column: x => x.LogEntryId,
                        principalTable: "LogEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChangeStories_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnershipRounds_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StorySelections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SelectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorySelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StorySelections_ChangeStories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "ChangeStories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StorySelections_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipScorings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartnerKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rungs = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipScorings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnershipScorings_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OwnershipScorings_OwnershipRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "OwnershipRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeStories_LogEntryId",
                table: "ChangeStories",
                column: "LogEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeStories_PersonId",
                table: "ChangeStories",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeStories_TenantId_LogEntryId",
                table: "ChangeStories",
                columns: new[] { "TenantId", "LogEntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeStories_TenantId_PersonId",
                table: "ChangeStories",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeStories_TenantId_ToldOn",
                table: "ChangeStories",
                columns: new[] { "TenantId", "ToldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipRounds_TenantId_HeldOn",
                table: "OwnershipRounds",
                columns: new[] { "TenantId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipScorings_RoundId",
                table: "OwnershipScorings",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipScorings_TenantId_RoundId_PartnerKey",
                table: "OwnershipScorings",
                columns: new[] { "TenantId", "RoundId", "PartnerKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StorySelections_StoryId",
                table: "StorySelections",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_StorySelections_TenantId_PeriodKey_Domain",
                table: "StorySelections",
                columns: new[] { "TenantId", "PeriodKey", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StorySelections_TenantId_StoryId",
                table: "StorySelections",
                columns: new[] { "TenantId", "StoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OwnershipScorings");

            migrationBuilder.DropTable(
                name: "StorySelections");

            migrationBuilder.DropTable(
                name: "OwnershipRounds");

            migrationBuilder.DropTable(
                name: "ChangeStories");
        }
    }
}

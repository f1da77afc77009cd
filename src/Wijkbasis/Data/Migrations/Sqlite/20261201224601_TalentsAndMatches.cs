using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GiverPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiverPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SuggestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IntroducedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IntroducedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThankedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FizzledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FizzleReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastMovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BuurtCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BuurtName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TagKeys = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TagNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NeedText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TagId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

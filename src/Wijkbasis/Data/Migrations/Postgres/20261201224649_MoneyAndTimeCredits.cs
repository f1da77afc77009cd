using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbasis.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MoneyAndTimeCredits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MoneyLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    BookedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Counterparty = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Local = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReversesLineId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoneyLines", x => x.Id);
                    table.CheckConstraint("CK_MoneyLines_Kind", "(\"Direction\" = 'Income' AND \"Source\" IS NOT NULL AND \"Category\" IS NULL) OR (\"Direction\" = 'Spending' AND \"Category\" IS NOT NULL AND \"Source\" IS NULL)");
                    table.CheckConstraint("CK_MoneyLines_Sign", "(\"ReversesLineId\" IS NULL AND \"AmountCents\" > 0) OR (\"ReversesLineId\" IS NOT NULL AND \"AmountCents\" < 0)");
                    table.ForeignKey(
                        name: "FK_MoneyLines_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MoneyLines_MoneyLines_ReversesLineId",
                        column: x => x.ReversesLineId,
                        principalTable: "MoneyLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimeCreditAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeCreditAccounts", x => x.Id);
                    table.CheckConstraint("CK_TimeCreditAccounts_Kind", "(\"Kind\" = 'Person' AND \"PersonId\" IS NOT NULL) OR (\"Kind\" = 'Enterprise' AND \"PersonId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_TimeCreditAccounts_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditAccounts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimeCreditSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    MinBalance = table.Column<long>(type: "bigint", nullable: false),
                    MaxBalance = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeCreditSettings", x => x.Id);
                    table.CheckConstraint("CK_TimeCreditSettings_Bounds", "\"MinBalance\" <= 0 AND \"MaxBalance\" > 0");
                    table.ForeignKey(
                        name: "FK_TimeCreditSettings_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimeCreditTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    BookedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReversesTransferId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LinkKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LinkId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeCreditTransfers", x => x.Id);
                    table.CheckConstraint("CK_TimeCreditTransfers_Valid", "\"Points\" > 0 AND \"FromAccountId\" <> \"ToAccountId\"");
                    table.ForeignKey(
                        name: "FK_TimeCreditTransfers_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditTransfers_TimeCreditAccounts_FromAccountId",
                        column: x => x.FromAccountId,
                        principalTable: "TimeCreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditTransfers_TimeCreditAccounts_ToAccountId",
                        column: x => x.ToAccountId,
                        principalTable: "TimeCreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditTransfers_TimeCreditTransfers_ReversesTransferId",
                        column: x => x.ReversesTransferId,
                        principalTable: "TimeCreditTransfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimeCreditMovements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounterAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeCreditMovements", x => x.Id);
                    table.CheckConstraint("CK_TimeCreditMovements_NotZero", "\"Points\" <> 0");
                    table.ForeignKey(
                        name: "FK_TimeCreditMovements_Enterprises_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditMovements_TimeCreditAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "TimeCreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditMovements_TimeCreditAccounts_CounterAccountId",
                        column: x => x.CounterAccountId,
                        principalTable: "TimeCreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeCreditMovements_TimeCreditTransfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "TimeCreditTransfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MoneyLines_ReversesLineId",
                table: "MoneyLines",
                column: "ReversesLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MoneyLines_TenantId_BookedOn",
                table: "MoneyLines",
                columns: new[] { "TenantId", "BookedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditAccounts_OneEnterpriseAccount",
                table: "TimeCreditAccounts",
                column: "TenantId",
                unique: true,
                filter: "\"Kind\" = 'Enterprise'");

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditAccounts_PersonId",
                table: "TimeCreditAccounts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditAccounts_TenantId_PersonId",
                table: "TimeCreditAccounts",
                columns: new[] { "TenantId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditMovements_AccountId_At",
                table: "TimeCreditMovements",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditMovements_CounterAccountId",
                table: "TimeCreditMovements",
                column: "CounterAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditMovements_TenantId",
                table: "TimeCreditMovements",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditMovements_TransferId_AccountId",
                table: "TimeCreditMovements",
                columns: new[] { "TransferId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditSettings_TenantId",
                table: "TimeCreditSettings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditTransfers_FromAccountId",
                table: "TimeCreditTransfers",
                column: "FromAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditTransfers_ReversesTransferId",
                table: "TimeCreditTransfers",
                column: "ReversesTransferId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditTransfers_TenantId_At",
                table: "TimeCreditTransfers",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeCreditTransfers_ToAccountId",
                table: "TimeCreditTransfers",
                column: "ToAccountId");

            // Written by hand: money lines, time-credit transfers and their movements are append-only; a mistake is
            // corrected with a reversal (see docs/decisions/0010).
            migrationBuilder.Sql(@"
CREATE FUNCTION money_time_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: correct with a reversal';
END $$;");
            foreach (var table in new[] { "MoneyLines", "TimeCreditTransfers", "TimeCreditMovements" })
            {
                migrationBuilder.Sql($@"CREATE TRIGGER money_time_append_only BEFORE UPDATE OR DELETE ON ""{table}"" FOR EACH ROW EXECUTE FUNCTION money_time_append_only();");
            }

            // Row-level security as a backstop under the EF tenant filter (see the Foundation migration).
            foreach (var table in new[] { "MoneyLines", "TimeCreditSettings", "TimeCreditAccounts", "TimeCreditTransfers", "TimeCreditMovements" })
            {
                migrationBuilder.Sql($@"ALTER TABLE ""{table}"" ENABLE ROW LEVEL SECURITY; ALTER TABLE ""{table}"" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ""{table}"" USING (wijkbasis_tenant_visible(""TenantId"")) WITH CHECK (wijkbasis_tenant_visible(""TenantId""));");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "MoneyLines", "TimeCreditSettings", "TimeCreditAccounts", "TimeCreditTransfers", "TimeCreditMovements" })
            {
                migrationBuilder.Sql($@"DROP POLICY tenant_isolation ON ""{table}"";");
            }
            foreach (var table in new[] { "MoneyLines", "TimeCreditTransfers", "TimeCreditMovements" })
            {
                migrationBuilder.Sql($@"DROP TRIGGER money_time_append_only ON ""{table}"";");
            }
            migrationBuilder.Sql("DROP FUNCTION money_time_append_only();");

            migrationBuilder.DropTable(
                name: "MoneyLines");

            migrationBuilder.DropTable(
                name: "TimeCreditMovements");

            migrationBuilder.DropTable(
                name: "TimeCreditSettings");

            migrationBuilder.DropTable(
                name: "TimeCreditTransfers");

            migrationBuilder.DropTable(
                name: "TimeCreditAccounts");
        }
    }
}

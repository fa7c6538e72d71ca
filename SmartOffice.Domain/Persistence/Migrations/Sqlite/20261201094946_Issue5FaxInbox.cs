using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue5FaxInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "ReturnSlips",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "PrizeApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "BalanceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaxInboxItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ArchivedAs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SenderFax = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClaimedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReturnSlipId = table.Column<int>(type: "INTEGER", nullable: true),
                    BalanceRequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    PrizeApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxInboxItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FaxInboxItems_BalanceRequests_BalanceRequestId",
                        column: x => x.BalanceRequestId,
                        principalTable: "BalanceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FaxInboxItems_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FaxInboxItems_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FaxInboxItems_PrizeApplications_PrizeApplicationId",
                        column: x => x.PrizeApplicationId,
                        principalTable: "PrizeApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FaxInboxItems_ReturnSlips_ReturnSlipId",
                        column: x => x.ReturnSlipId,
                        principalTable: "ReturnSlips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FaxIntakeIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    QuarantinedAs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DismissedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DismissedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxIntakeIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FaxPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FaxInboxItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PageNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Png = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FaxPages_FaxInboxItems_FaxInboxItemId",
                        column: x => x.FaxInboxItemId,
                        principalTable: "FaxInboxItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnSlips_FaxInboxItemId",
                table: "ReturnSlips",
                column: "FaxInboxItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrizeApplications_FaxInboxItemId",
                table: "PrizeApplications",
                column: "FaxInboxItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_FaxInboxItemId",
                table: "Orders",
                column: "FaxInboxItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BalanceRequests_FaxInboxItemId",
                table: "BalanceRequests",
                column: "FaxInboxItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_BalanceRequestId",
                table: "FaxInboxItems",
                column: "BalanceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_ContentHash_FileName",
                table: "FaxInboxItems",
                columns: new[] { "ContentHash", "FileName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_CustomerId",
                table: "FaxInboxItems",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_OrderId",
                table: "FaxInboxItems",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_PrizeApplicationId",
                table: "FaxInboxItems",
                column: "PrizeApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_ReceivedAt",
                table: "FaxInboxItems",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_ReturnSlipId",
                table: "FaxInboxItems",
                column: "ReturnSlipId");

            migrationBuilder.CreateIndex(
                name: "IX_FaxInboxItems_Status_ReceivedAt",
                table: "FaxInboxItems",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FaxIntakeIssues_ContentHash_FileName",
                table: "FaxIntakeIssues",
                columns: new[] { "ContentHash", "FileName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaxIntakeIssues_DismissedAt",
                table: "FaxIntakeIssues",
                column: "DismissedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FaxPages_FaxInboxItemId_PageNumber",
                table: "FaxPages",
                columns: new[] { "FaxInboxItemId", "PageNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaxIntakeIssues");

            migrationBuilder.DropTable(
                name: "FaxPages");

            migrationBuilder.DropTable(
                name: "FaxInboxItems");

            migrationBuilder.DropIndex(
                name: "IX_ReturnSlips_FaxInboxItemId",
                table: "ReturnSlips");

            migrationBuilder.DropIndex(
                name: "IX_PrizeApplications_FaxInboxItemId",
                table: "PrizeApplications");

            migrationBuilder.DropIndex(
                name: "IX_Orders_FaxInboxItemId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_BalanceRequests_FaxInboxItemId",
                table: "BalanceRequests");

            migrationBuilder.DropColumn(
                name: "FaxInboxItemId",
                table: "ReturnSlips");

            migrationBuilder.DropColumn(
                name: "FaxInboxItemId",
                table: "PrizeApplications");

            migrationBuilder.DropColumn(
                name: "FaxInboxItemId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "FaxInboxItemId",
                table: "BalanceRequests");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "PrizeApplications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "Orders",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FaxInboxItemId",
                table: "BalanceRequests",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaxInboxItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ArchivedAs = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SenderFax = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CustomerId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PageCount = table.Column<int>(type: "int", nullable: false),
                    ClaimedByStaffId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ClaimedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedByStaffId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ClosedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CloseNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OrderId = table.Column<int>(type: "int", nullable: true),
                    ReturnSlipId = table.Column<int>(type: "int", nullable: true),
                    BalanceRequestId = table.Column<int>(type: "int", nullable: true),
                    PrizeApplicationId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Problem = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    QuarantinedAs = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DismissedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DismissedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxIntakeIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FaxPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FaxInboxItemId = table.Column<int>(type: "int", nullable: false),
                    PageNumber = table.Column<int>(type: "int", nullable: false),
                    Width = table.Column<int>(type: "int", nullable: false),
                    Height = table.Column<int>(type: "int", nullable: false),
                    Png = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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
                unique: true,
                filter: "[FaxInboxItemId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PrizeApplications_FaxInboxItemId",
                table: "PrizeApplications",
                column: "FaxInboxItemId",
                unique: true,
                filter: "[FaxInboxItemId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_FaxInboxItemId",
                table: "Orders",
                column: "FaxInboxItemId",
                unique: true,
                filter: "[FaxInboxItemId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BalanceRequests_FaxInboxItemId",
                table: "BalanceRequests",
                column: "FaxInboxItemId",
                unique: true,
                filter: "[FaxInboxItemId] IS NOT NULL");

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

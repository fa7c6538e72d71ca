using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Domain.Persistence.Migrations.Sql;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue20BackOrdersStockReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "WarehouseResultsFiles",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BackOrder",
                table: "OrderLines",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BackOrderCancelReason",
                table: "OrderLines",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BackOrderServedOn",
                table: "OrderLines",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StockReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    ProductCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ServedQuantity = table.Column<int>(type: "int", nullable: false),
                    WarehouseResultsFileId = table.Column<int>(type: "int", nullable: true),
                    RowNumber = table.Column<int>(type: "int", nullable: true),
                    KeyedByStaffId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockReceipts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockReceipts_WarehouseResultsFiles_WarehouseResultsFileId",
                        column: x => x.WarehouseResultsFileId,
                        principalTable: "WarehouseResultsFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_WaitingBackOrders",
                table: "OrderLines",
                columns: new[] { "ProductId", "BackOrder" },
                filter: "BackOrder = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "IX_StockReceipts_ProductId",
                table: "StockReceipts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_StockReceipts_RecordedAt",
                table: "StockReceipts",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StockReceipts_WarehouseResultsFileId",
                table: "StockReceipts",
                column: "WarehouseResultsFileId");

            Issue20Sql.UpSqlServer(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StockReceipts");

            migrationBuilder.DropIndex(
                name: "IX_OrderLines_WaitingBackOrders",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "WarehouseResultsFiles");

            migrationBuilder.DropColumn(
                name: "BackOrder",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "BackOrderCancelReason",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "BackOrderServedOn",
                table: "OrderLines");
        }
    }
}

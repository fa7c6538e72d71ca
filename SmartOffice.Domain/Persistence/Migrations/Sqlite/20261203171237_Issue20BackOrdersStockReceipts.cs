using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Domain.Persistence.Migrations.Sql;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BackOrder",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BackOrderCancelReason",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BackOrderServedOn",
                table: "OrderLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StockReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServedQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    WarehouseResultsFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    KeyedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            Issue20Sql.UpSqlite(migrationBuilder);
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

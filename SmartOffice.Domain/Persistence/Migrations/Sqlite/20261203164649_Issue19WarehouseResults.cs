using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Domain.Persistence.Migrations.Sql;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19WarehouseResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CategoryId",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsEco",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Maker",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Returnable",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ShippedQuantity",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "WarehouseResultsFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarehouseResultsFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShipmentResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShipmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderLineId = table.Column<int>(type: "INTEGER", nullable: false),
                    WarehouseResultsFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ShippedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeliverySlipNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CarrierDeliveryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShipmentResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShipmentResults_OrderLines_OrderLineId",
                        column: x => x.OrderLineId,
                        principalTable: "OrderLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShipmentResults_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShipmentResults_WarehouseResultsFiles_WarehouseResultsFileId",
                        column: x => x.WarehouseResultsFileId,
                        principalTable: "WarehouseResultsFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentResults_DeliveredOn_DeliveryDate",
                table: "ShipmentResults",
                columns: new[] { "DeliveredOn", "DeliveryDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentResults_DeliverySlipNumber",
                table: "ShipmentResults",
                column: "DeliverySlipNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentResults_OrderLineId",
                table: "ShipmentResults",
                column: "OrderLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentResults_ShipmentId",
                table: "ShipmentResults",
                column: "ShipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentResults_WarehouseResultsFileId",
                table: "ShipmentResults",
                column: "WarehouseResultsFileId");

            migrationBuilder.CreateIndex(
                name: "IX_WarehouseResultsFiles_ContentHash_FileName",
                table: "WarehouseResultsFiles",
                columns: new[] { "ContentHash", "FileName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WarehouseResultsFiles_ImportedAt",
                table: "WarehouseResultsFiles",
                column: "ImportedAt");

            Issue19Sql.UpSqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShipmentResults");

            migrationBuilder.DropTable(
                name: "WarehouseResultsFiles");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "IsEco",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "Maker",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "Returnable",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "ShippedQuantity",
                table: "OrderLines");
        }
    }
}

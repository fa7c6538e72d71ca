using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Domain.Persistence.Migrations.Sql;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsEco",
                table: "OrderLines",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Maker",
                table: "OrderLines",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Returnable",
                table: "OrderLines",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ShippedQuantity",
                table: "OrderLines",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "WarehouseResultsFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RowCount = table.Column<int>(type: "int", nullable: false),
                    Problems = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarehouseResultsFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShipmentResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ShipmentId = table.Column<int>(type: "int", nullable: false),
                    OrderLineId = table.Column<int>(type: "int", nullable: false),
                    WarehouseResultsFileId = table.Column<int>(type: "int", nullable: false),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    ShippedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeliverySlipNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Carrier = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    TrackingNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CarrierDeliveryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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

            Issue19Sql.UpSqlServer(migrationBuilder);
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

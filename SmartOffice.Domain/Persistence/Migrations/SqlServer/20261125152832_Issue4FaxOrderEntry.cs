using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue4FaxOrderEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_DepartmentId",
                table: "Orders");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptanceDay",
                table: "Orders",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "EntryKey",
                table: "Orders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShortOfStock",
                table: "OrderLines",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Orders saved before this column existed take the earliest acceptance day of their shipments.
            migrationBuilder.Sql(
                "UPDATE Orders SET AcceptanceDay = (SELECT MIN(s.AcceptanceDay) FROM Shipments s WHERE s.OrderId = Orders.Id) " +
                "WHERE EXISTS (SELECT 1 FROM Shipments s WHERE s.OrderId = Orders.Id)");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerId_AcceptanceDay",
                table: "Orders",
                columns: new[] { "CustomerId", "AcceptanceDay" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_DepartmentId_AcceptanceDay",
                table: "Orders",
                columns: new[] { "DepartmentId", "AcceptanceDay" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_EntryKey",
                table: "Orders",
                column: "EntryKey",
                unique: true,
                filter: "[EntryKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_CustomerId_AcceptanceDay",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_DepartmentId_AcceptanceDay",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_EntryKey",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AcceptanceDay",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "EntryKey",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShortOfStock",
                table: "OrderLines");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_DepartmentId",
                table: "Orders",
                column: "DepartmentId");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue17TextAndOrderRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PointsShortfall",
                table: "Orders",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ShipToDepartmentId",
                table: "Orders",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrdersVersion",
                table: "Customers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            Sql.Issue17Sql.UpSqlServer(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PointsShortfall",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShipToDepartmentId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "OrdersVersion",
                table: "Customers");
        }
    }
}

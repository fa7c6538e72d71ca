using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PerfIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PointLots_ValidThrough_Remaining",
                table: "PointLots");

            migrationBuilder.CreateIndex(
                name: "IX_PointLots_ValidThrough_Remaining",
                table: "PointLots",
                columns: new[] { "ValidThrough", "Remaining" },
                filter: "Remaining > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PointLots_ValidThrough_Remaining",
                table: "PointLots");

            migrationBuilder.CreateIndex(
                name: "IX_PointLots_ValidThrough_Remaining",
                table: "PointLots",
                columns: new[] { "ValidThrough", "Remaining" });
        }
    }
}

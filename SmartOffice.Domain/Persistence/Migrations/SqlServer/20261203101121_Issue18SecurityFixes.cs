using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue18SecurityFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.Issue18Sql.SqlServerRemoveSecondExpiries);

            migrationBuilder.CreateTable(
                name: "FaxIntakeAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Instance = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxIntakeAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointLedger_ExpiredOnce",
                table: "PointLedger",
                column: "PointLotId",
                unique: true,
                filter: "Kind = 'Expire'");

            migrationBuilder.CreateIndex(
                name: "IX_FaxIntakeAttempts_ContentHash_FileName",
                table: "FaxIntakeAttempts",
                columns: new[] { "ContentHash", "FileName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaxIntakeAttempts");

            migrationBuilder.DropIndex(
                name: "IX_PointLedger_ExpiredOnce",
                table: "PointLedger");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue18SecurityFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.Issue18Sql.SqliteRemoveSecondExpiries);

            migrationBuilder.CreateTable(
                name: "FaxIntakeAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Domain.Persistence.Migrations.Sql;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20StockOutFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StockOutNoticeSentAt",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StockOutNoticeSentBy",
                table: "Orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            Issue20FollowUpSql.UpSqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StockOutNoticeSentAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "StockOutNoticeSentBy",
                table: "Orders");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue8PointsAndPrizes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImageContentType",
                table: "Prizes",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ImageData",
                table: "Prizes",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArrangedAt",
                table: "PrizeApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "PrizeApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Carrier",
                table: "PrizeApplications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "PrizeApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyedByStaffId",
                table: "PrizeApplications",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingNumber",
                table: "PrizeApplications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImageContentType",
                table: "Prizes");

            migrationBuilder.DropColumn(
                name: "ImageData",
                table: "Prizes");

            migrationBuilder.DropColumn(
                name: "ArrangedAt",
                table: "PrizeApplications");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "PrizeApplications");

            migrationBuilder.DropColumn(
                name: "Carrier",
                table: "PrizeApplications");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "PrizeApplications");

            migrationBuilder.DropColumn(
                name: "KeyedByStaffId",
                table: "PrizeApplications");

            migrationBuilder.DropColumn(
                name: "TrackingNumber",
                table: "PrizeApplications");
        }
    }
}

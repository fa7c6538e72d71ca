using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
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
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ImageData",
                table: "Prizes",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArrangedAt",
                table: "PrizeApplications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "PrizeApplications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Carrier",
                table: "PrizeApplications",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "PrizeApplications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyedByStaffId",
                table: "PrizeApplications",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingNumber",
                table: "PrizeApplications",
                type: "nvarchar(40)",
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue25FaxRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FaxRecognitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FaxInboxItemId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DurationMs = table.Column<int>(type: "int", nullable: true),
                    FormId = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    FormPages = table.Column<int>(type: "int", nullable: false),
                    Problem = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    EngineVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxRecognitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FaxRecognitions_FaxInboxItems_FaxInboxItemId",
                        column: x => x.FaxInboxItemId,
                        principalTable: "FaxInboxItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FaxRecognizedFields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FaxRecognitionId = table.Column<int>(type: "int", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    PageNumber = table.Column<int>(type: "int", nullable: false),
                    BoxX = table.Column<int>(type: "int", nullable: false),
                    BoxY = table.Column<int>(type: "int", nullable: false),
                    BoxWidth = table.Column<int>(type: "int", nullable: false),
                    BoxHeight = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Alternative = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Confidence = table.Column<float>(type: "real", nullable: false),
                    PrefilledText = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    KeyedText = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ChangedByAgent = table.Column<bool>(type: "bit", nullable: true),
                    KeyedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaxRecognizedFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FaxRecognizedFields_FaxRecognitions_FaxRecognitionId",
                        column: x => x.FaxRecognitionId,
                        principalTable: "FaxRecognitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaxRecognitions_FaxInboxItemId",
                table: "FaxRecognitions",
                column: "FaxInboxItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaxRecognitions_State_LeaseUntil",
                table: "FaxRecognitions",
                columns: new[] { "State", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_FaxRecognizedFields_FaxRecognitionId_LineNumber_Field",
                table: "FaxRecognizedFields",
                columns: new[] { "FaxRecognitionId", "LineNumber", "Field" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaxRecognizedFields");

            migrationBuilder.DropTable(
                name: "FaxRecognitions");
        }
    }
}

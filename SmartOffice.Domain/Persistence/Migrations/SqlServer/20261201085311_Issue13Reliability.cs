using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue13Reliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            // The audit trail is append-only in the database too, whatever SQL reaches it. EXEC: CREATE TRIGGER must open its
            // batch, and the idempotent script wraps each migration's statements in IF … BEGIN … END.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [AuditEntries_NoUpdate] ON [AuditEntries] INSTEAD OF UPDATE AS BEGIN SET NOCOUNT ON; THROW 51013, ''AuditEntries are append-only'', 1; END');
                """);
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [AuditEntries_NoDelete] ON [AuditEntries] INSTEAD OF DELETE AS BEGIN SET NOCOUNT ON; THROW 51013, ''AuditEntries are append-only'', 1; END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER [AuditEntries_NoUpdate];");
            migrationBuilder.Sql("DROP TRIGGER [AuditEntries_NoDelete];");
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");
        }
    }
}

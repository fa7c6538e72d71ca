using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Domain.Auditing;

namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// The hand-written SQL of the Initial migration, called from each provider's with one line, so that a regenerated migration
/// keeps it (docs/operations.md "Migrations"): the audit trail is append-only in the database too, whatever SQL reaches it
/// (docs/reliability-and-security.md). The model names the triggers (<see cref="AuditEntryConfiguration"/>), so EF writes
/// its inserts accordingly. Dropping the table drops them: Down needs nothing.
/// </summary>
public static class InitialSql
{
    private const string Refusal = "AuditEntries are append-only";

    private static readonly (string Name, string Statement)[] AuditTriggers =
        [(AuditEntryConfiguration.NoUpdateTrigger, "UPDATE"), (AuditEntryConfiguration.NoDeleteTrigger, "DELETE")];

    public static void UpSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, statement) in AuditTriggers)
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{name}" BEFORE {statement} ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
    }

    /// <summary>EXEC: CREATE TRIGGER must open its batch, and the idempotent script wraps each migration's statements in IF … BEGIN … END.</summary>
    public static void UpSqlServer(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, statement) in AuditTriggers)
            migrationBuilder.Sql($"""
                EXEC(N'CREATE TRIGGER [{name}] ON [AuditEntries] INSTEAD OF {statement} AS BEGIN SET NOCOUNT ON; THROW 51013, ''{Refusal}'', 1; END');
                """);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Domain.Persistence;

/// <summary>
/// A database whose migration history holds an id this build does not have — made by the migrations that #28 squashed into
/// one Initial per provider (docs/operations.md "Migrations") — cannot be brought to the model: EF would run Initial over
/// its tables. Start-up refuses it, naming the database and the fix; the benchmarks make their cached files again.
/// </summary>
public static class MigrationHistory
{
    /// <summary>The ids in the database's history that this build's migrations do not have; none for a new or current database.</summary>
    public static async Task<IReadOnlyList<string>> UnknownAsync(SmartOfficeDbContext db, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return [.. (await AppliedAsync(db, cancellationToken)).Where(id => !known.Contains(id))];
    }

    /// <summary>
    /// On SQLite read directly: EF's look-up first checks the file on a read-only connection, where the connection's
    /// pragmas (journal mode) fail with "attempt to write a readonly database".
    /// </summary>
    private static async Task<IEnumerable<string>> AppliedAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
            return await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var history = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'")
                .ToListAsync(cancellationToken);
        return history[0] == 0
            ? []
            : await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"")
                .ToListAsync(cancellationToken);
    }

    /// <summary>Why start-up stops and what to do, for the one FTL line.</summary>
    public static string Refusal(SmartOfficeDbContext db, IReadOnlyList<string> unknown)
    {
        var found = unknown.Count == 1 ? unknown[0] : $"{unknown[0]} and {unknown.Count - 1} more";
        var connection = db.Database.GetDbConnection();
        var (database, fix) = db.Database.IsSqlite()
            ? ($"file {Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)}",
                "delete that file (with its -wal and -shm files)")
            : ($"'{connection.Database}' on {connection.DataSource}", "drop that database");
        return $"the database {database} was made by migrations this build does not have ({found}); the migrations were squashed " +
               $"into one Initial before the first release, so it holds demo or test data only: {fix} and start again to create it anew " +
               "(docs/operations.md, Migrations).";
    }
}

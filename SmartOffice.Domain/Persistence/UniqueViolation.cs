using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Domain.Persistence;

/// <summary>Recognises a unique-index violation on either provider: the database's way of saying "someone was first".</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A save's <see cref="DbUpdateException"/>, or the provider's own exception of a raw SQL statement.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        DbUpdateException update => Is(update.InnerException),
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique
                                  || (sqlite.SqliteErrorCode == SqliteConstraint
                                      && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal)),
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}

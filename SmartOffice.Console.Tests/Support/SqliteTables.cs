using Microsoft.Data.Sqlite;

namespace SmartOffice.Console.Tests.Support;

/// <summary>A running console's database changed under it, as a fault would: its next query of a renamed table fails.</summary>
public static class SqliteTables
{
    public static async Task RenameAsync(string dataFolder, string table, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "console.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE \"{table}\" RENAME TO \"{to}\"";
        await command.ExecuteNonQueryAsync();
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// A checksum of every row of every table of a SQLite file (rows in rowid order, every column's value and type), to prove
/// that a refused or failed use case left the database exactly as it was — nothing half-saved.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        }
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
            tables[name] = await ChecksumAsync(connection, name);
        return new DatabaseSnapshot(tables);
    }

    public static Task<DatabaseSnapshot> TakeAsync(TestDatabase database) => TakeAsync(database.ConnectionString);

    /// <summary>The tables whose rows differ, empty when the database is as it was.</summary>
    public IReadOnlyList<string> ChangedSince(DatabaseSnapshot before) =>
        Tables.Keys.Union(before.Tables.Keys).Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t)).Order()
            .ToList();

    private static async Task<string> ChecksumAsync(SqliteConnection connection, string table)
    {
        int columns;
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}')";
            columns = Convert.ToInt32(await info.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var command = connection.CreateCommand();
        // Ordered by every column: the same order each time, with or without a rowid.
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "\u2400" : reader.GetFieldType(i) == typeof(byte[])
                    ? Convert.ToBase64String((byte[])reader.GetValue(i))
                    : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                hash.AppendData(Encoding.UTF8.GetBytes(value + "\u241F"));
            }
            hash.AppendData("\u241E"u8);
        }
        return $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())}";
    }
}

using Microsoft.Data.Sqlite;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Persistence;

/// <summary>
/// A database made by the migrations squashed into one Initial (#28; <c>data/</c> or <c>bench/.data</c> of an earlier
/// build) stops start-up with one FTL line naming the file to delete, before anything is written (docs/operations.md).
/// </summary>
public sealed class OldMigrationsDatabaseTests : IDisposable
{
    /// <summary>A start on a loaded 2-core machine (several test runs at once) has taken more than three minutes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>The first and last ids of the squashed SQLite migrations.</summary>
    private static readonly string[] OldIds = ["20261125141458_Initial", "20261204150611_Issue20StockOutFollowUp"];

    private readonly string _folder = Directory.CreateTempSubdirectory("smartoffice-old-migrations-").FullName;

    [Fact]
    public async Task The_console_stops_with_one_line_naming_the_file_to_delete_and_leaves_it_as_it_was()
    {
        var file = Path.Combine(_folder, "smartoffice.db");
        await MakeOldDatabaseAsync(file);

        using var process = ConsoleProcess.Start(_folder, file, null);
        var (exitCode, output) = await process.WaitAsync(Patience);

        Assert.True(exitCode == 1, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fatal = Assert.Single(lines, l => l.Contains("FTL"));
        Assert.Contains("Start-up stopped", fatal);
        Assert.Contains($"the database file {file} was made by migrations this build does not have ({OldIds[0]} and 1 more)", fatal);
        Assert.Contains("delete that file", fatal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal(["Regions", "__EFMigrationsHistory"], await TablesAsync(file));
    }

    [Fact]
    public async Task The_initializer_refuses_it_and_a_database_of_the_Initial_starts_again()
    {
        await using var old = new TestDatabase();
        await MakeOldDatabaseAsync(old.File);

        var refused = await Assert.ThrowsAsync<StartupConfigurationException>(() => old.InitializeAsync());
        Assert.Contains(old.File, refused.Message);
        Assert.Equal(["Regions", "__EFMigrationsHistory"], await TablesAsync(old.File));

        await using var current = await new TestDatabase().InitializeAsync();
        await current.InitializeAsync();
        await using var db = current.CreateDbContext();
        Assert.Empty(await MigrationHistory.UnknownAsync(db));
    }

    /// <summary>What the old migrations left, in short: their ids in the history and a table the Initial would create again.</summary>
    private static async Task MakeOldDatabaseAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
                "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('{OldIds[0]}', '10.0.0'), ('{OldIds[1]}', '10.0.15');
            CREATE TABLE "Regions" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY AUTOINCREMENT, "Code" TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Demo;

/// <summary>Test steps for demo data: a migrated SQLite file with the six regions and four roles, a generator, table dumps.</summary>
internal static class DemoDatabase
{
    /// <summary>Wednesday 2026-11-25, 14:30 in Japan: today has FAX and Web orders, and the furniture batch has closed.</summary>
    public static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 25, 14, 30);

    public const int Seed = 20261125;

    /// <summary>A fresh database as the app leaves it before demo data: migrated, regions and roles seeded.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(Now);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Regions.AddRange(
            Region("Honshu", "本州", 17, 0, 0, 1), Region("Hokkaido", "北海道", 16, 0, 1, 2), Region("Shikoku", "四国", 16, 30, 0, 3),
            Region("Kyushu", "九州", 16, 30, 1, 4), Region("Okinawa", "沖縄", 15, 0, 2, 5), Region("Islands", "離島", 14, 0, 3, 6));
        // Fixed role ids and stamps (Identity would draw random ones), so two databases can be compared row by row.
        db.Roles.AddRange(StaffRoles.All.Select(r =>
            new IdentityRole(r) { Id = "role-" + r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = "1" }));
        await db.SaveChangesAsync();
        return database;
    }

    private static Region Region(string code, string name, int faxHour, int faxMinute, int extraDays, int order) => new()
    {
        Code = code, Name = name, FaxCutoff = new(faxHour, faxMinute), WebCutoff = new TimeOnly(faxHour, faxMinute).AddMinutes(30),
        ExtraLeadDays = extraDays, SortOrder = order,
    };

    public static DemoDataGenerator Generator(TestDatabase database) =>
        new(database, database.Clock, database.Rules, NullLogger<DemoDataGenerator>.Instance);

    /// <summary>
    /// Every row of every application table as SQL literals (SQLite's quote(), so 1, '1' and 1.0 differ),
    /// in key order; password hashes are left out because their salt is random.
    /// </summary>
    public static async Task<string> DumpAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var dump = new StringBuilder();
        foreach (var table in await ListAsync(connection,
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> " +
                         "'__EFMigrationsHistory' ORDER BY name"))
        {
            var columns = (await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))
                .Where(c => c != "PasswordHash")
                .ToList();
            dump.Append("## ").AppendLine(table);
            foreach (var row in await ListAsync(connection,
                         $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\" ORDER BY 1"))
                dump.AppendLine(row);
        }
        return dump.ToString();
    }

    public static string Checksum(string dump) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dump)));

    public static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }
}

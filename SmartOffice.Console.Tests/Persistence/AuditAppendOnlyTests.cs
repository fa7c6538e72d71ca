using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Persistence;

/// <summary>ASVS 16.4.2: the audit trail only grows — refused by the context for tracked changes and by database
/// triggers for any SQL.</summary>
public sealed class AuditAppendOnlyTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private long _entryId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDbContext();
        var entry = AuditTrail.Entry(TestStaff.Supervisor, _database.Clock, "Calendar.ClosureAdded", "CalendarDay", 1, null,
            new { Name = "棚卸" });
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        _entryId = entry.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_context_refuses_to_change_or_remove_an_entry()
    {
        await using (var db = _database.CreateDbContext())
        {
            (await db.AuditEntries.SingleAsync(a => a.Id == _entryId)).Note = "書き換え";
            await Assert.ThrowsAsync<AuditTrailAppendOnlyException>(() => db.SaveChangesAsync());
        }
        await using (var db = _database.CreateDbContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == _entryId));
            Assert.Throws<AuditTrailAppendOnlyException>(() => db.SaveChanges());
        }
        await AssertUntouchedAsync();
    }

    [Theory]
    [InlineData("UPDATE AuditEntries SET Note = 'x'")]
    [InlineData("DELETE FROM AuditEntries")]
    public async Task The_database_refuses_any_update_or_delete(string sql)
    {
        await using var db = _database.CreateDbContext();
        var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Contains("append-only", refused.Message);
        await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.StaffName, "誰か")));
        await AssertUntouchedAsync();
    }

    [Fact]
    public void The_SQL_Server_migrations_create_the_same_triggers()
    {
        using var db = new SqlServerSmartOfficeDbContext(new DbContextOptionsBuilder<SqlServerSmartOfficeDbContext>()
            .UseSqlServer("Server=localhost;Database=SmartOffice;Trusted_Connection=True;TrustServerCertificate=True").Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TRIGGER [AuditEntries_NoUpdate] ON [AuditEntries] INSTEAD OF UPDATE", script);
        Assert.Contains("CREATE TRIGGER [AuditEntries_NoDelete] ON [AuditEntries] INSTEAD OF DELETE", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
    }

    private async Task AssertUntouchedAsync()
    {
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Id == _entryId);
        Assert.Equal((null, "伊藤 真理"), (entry.Note, entry.StaffName));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Persistence;

public sealed class MigrationsTests
{
    private static SqlServerSmartOfficeDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerSmartOfficeDbContext>()
        .UseSqlServer("Server=localhost;Database=SmartOffice;Trusted_Connection=True;TrustServerCertificate=True").Options);

    [Fact]
    public async Task Sqlite_migrations_create_the_whole_model_and_none_is_pending()
    {
        await using var database = await new TestDatabase().InitializeAsync();
        await using var db = database.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a SQLite migration");
        Assert.Equal(3, await db.Regions.CountAsync());
        Assert.Equal(4, await db.Roles.CountAsync());
    }

    [Fact]
    public void Sql_server_migrations_are_current()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a SQL Server migration");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Sql_server_idempotent_script_is_generated_offline()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Idempotent: every migration is guarded by a look-up in the history table.
        Assert.Contains("IF NOT EXISTS (", script);
        Assert.Contains("SELECT * FROM [__EFMigrationsHistory]", script);
        Assert.Contains("CREATE TABLE [Orders]", script);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        // Instants are stored as UTC datetime2 on both providers.
        Assert.Contains("[ReceivedAt] datetime2 NOT NULL", script);
    }

    [Fact]
    public async Task Two_staff_saving_the_same_record_the_second_is_refused()
    {
        await using var database = await new TestDatabase().InitializeAsync();
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var a = await first.Regions.SingleAsync(r => r.Code == "Honshu");
        var b = await second.Regions.SingleAsync(r => r.Code == "Honshu");

        a.ExtraLeadDays = 1;
        await first.SaveChangesAsync();
        b.ExtraLeadDays = 2;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateDbContext();
        Assert.Equal(1, (await check.Regions.SingleAsync(r => r.Code == "Honshu")).ExtraLeadDays);
    }
}

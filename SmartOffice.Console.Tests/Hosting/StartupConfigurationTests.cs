using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>The console started as an operator starts it: wrong settings stop it with one clear line; commands run instead of the server.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smartoffice-startup-").FullName;

    [Theory]
    [InlineData("Oracle", "Data Source=data/x.db", "Database:Provider 'Oracle' is unknown")]
    [InlineData("Sqlite", "Data Sauce=x.db", "Database:ConnectionString 'Data Sauce=x.db' is not valid")]
    [InlineData("SqlServer", "Server=;;Database", "Database:ConnectionString 'Server=;;Database' is not valid")]
    [InlineData("Sqlite", "Data Source=/proc/no-such-folder/x.db", "the database cannot be opened or migrated")]
    public async Task A_wrong_database_setting_stops_start_up_with_one_line(string provider, string connectionString, string expected)
    {
        var (exitCode, output) = await RunConsoleAsync(new()
        {
            ["Database__Provider"] = provider,
            ["Database__ConnectionString"] = connectionString,
        });

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fatal = Assert.Single(lines, l => l.Contains("FTL"));
        Assert.Contains("Start-up stopped", fatal);
        Assert.Contains(expected, fatal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_gets_its_first_administrator_from_the_command_line()
    {
        var database = Path.Combine(_folder, "prod.db");
        var (exitCode, output) = await RunConsoleAsync(new()
        {
            ["Database__ConnectionString"] = $"Data Source={database}",
            ["SMARTOFFICE_ADMIN_PASSWORD"] = "first-admin-1",
        }, "create-admin", "yamada", "山田 花子");

        Assert.True(exitCode == 0, output);
        await using var db = new SqliteSmartOfficeDbContext(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
            .UseSqlite($"Data Source={database};Pooling=False").Options);
        var admin = await db.Users.SingleAsync();
        Assert.Equal(("yamada", "山田 花子"), (admin.UserName, admin.DisplayName));
        var role = await db.UserRoles.Where(r => r.UserId == admin.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
        Assert.Equal(StaffRoles.Administrator, role);
        // Demo data is off: no demo accounts, no customers.
        Assert.False(await db.Customers.AnyAsync());
    }

    private async Task<(int ExitCode, string Output)> RunConsoleAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var process = ConsoleProcess.Start(_folder, Path.Combine(_folder, "console.db"), environment, arguments);
        return await process.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Hosting;

/// <summary>The console started as an operator starts it: wrong settings stop it with one clear line; commands run
/// instead of the server.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    /// <summary>A start on a loaded 2-core machine (several test runs at once) has taken more than three minutes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

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
        var role = await db.UserRoles.Where(r => r.UserId == admin.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .SingleAsync();
        Assert.Equal(StaffRoles.Administrator, role);
        // Demo data is off: no demo accounts, no customers.
        Assert.False(await db.Customers.AnyAsync());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_demo_outside_Development_stops_start_up_with_one_line_before_anything_is_written(string environment)
    {
        var database = Path.Combine(_folder, "console.db");
        var (exitCode, output) = await RunConsoleAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = environment, ["Demo__Enabled"] = "true" });

        Assert.Equal(1, exitCode);
        var fatal = Assert.Single(output.Split('\n'), l => l.Contains("FTL"));
        Assert.Contains($"Demo:Enabled 'true' in the {environment} environment", fatal);
        Assert.Contains("set Demo:Enabled to false", fatal);
        Assert.False(File.Exists(database), "no database is created");
    }

    [Fact]
    public async Task The_shipped_settings_run_no_demo_in_Production()
    {
        // The build output's appsettings.json as shipped (the Development file adds the demo on a developer's machine).
        var shipped = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppFolder, "appsettings.json")));
        Assert.False(shipped.RootElement.GetProperty("Demo").GetProperty("Enabled").GetBoolean());
        Assert.False(shipped.RootElement.TryGetProperty("DeskContact", out _));
        var development = System.Text.Json.JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(AppFolder, "appsettings.Development.json")));
        Assert.True(development.RootElement.GetProperty("Demo").GetProperty("Enabled").GetBoolean());
    }

    [Fact]
    public async Task Create_admin_never_seeds_demo_data_even_with_the_demo_on_in_Development()
    {
        var database = Path.Combine(_folder, "dev.db");
        var (exitCode, output) = await RunConsoleAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo__Enabled"] = "true",
            ["Database__ConnectionString"] = $"Data Source={database}",
            ["SMARTOFFICE_ADMIN_PASSWORD"] = "first-admin-1",
        }, "create-admin", "suzuki", "鈴木 一郎");

        Assert.True(exitCode == 0, output);
        await using var db = new SqliteSmartOfficeDbContext(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
            .UseSqlite($"Data Source={database};Pooling=False").Options);
        Assert.Equal("suzuki", (await db.Users.SingleAsync()).UserName);
        Assert.False(await db.Customers.AnyAsync());
    }

    [Fact]
    public async Task Create_admin_refuses_a_common_password()
    {
        var (exitCode, output) =
            await RunConsoleAsync(new() { ["SMARTOFFICE_ADMIN_PASSWORD"] = "password1" }, "create-admin", "yamada", "山田 花子");

        Assert.Equal(1, exitCode);
        Assert.Contains("Administrator not created", output);
        // The rule's own words, in the process's language.
        Assert.Matches("too easy to guess|推測されやすい", output);
    }

    private static string AppFolder =>
        AppContext.BaseDirectory.Replace("SmartOffice.Console.Tests", "SmartOffice.Console", StringComparison.Ordinal);

    private async Task<(int ExitCode, string Output)> RunConsoleAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var process = ConsoleProcess.Start(_folder, Path.Combine(_folder, "console.db"), environment, arguments);
        return await process.WaitAsync(Patience);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

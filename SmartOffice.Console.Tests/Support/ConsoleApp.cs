using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// The real console on Kestrel at 127.0.0.1 and a free port, with its own SQLite file (which holds its data-protection
/// keys too) and logs in a temp folder. Demo data is on (the browser tests sign in as demo staff). Its clock is the run's
/// <see cref="TestClock"/>: an ordinary Wednesday morning in Japan, whenever the tests run.
/// </summary>
public class ConsoleApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smartoffice-app-tests", Guid.NewGuid().ToString("N"));

    public ConsoleApp()
    {
        Directory.CreateDirectory(_folder);
        UseKestrel(0);
    }

    public string DataFolder => _folder;

    /// <summary>The folder the app watches for FAXes (a FAX server's drop folder).</summary>
    public string FaxDropFolder => Path.Combine(_folder, "fax", "inbox");

    /// <summary>The app's own business clock (Japan time on the <see cref="TestClock"/>): what "today" is for its pages and data.</summary>
    public BusinessClock BusinessClock => Services.GetRequiredService<BusinessClock>();

    /// <summary>Extra settings a test class needs (overrides the defaults below).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>A staff account made in the running app (for consoles without demo data); returns its user name.</summary>
    public async Task<string> CreateStaffAsync(string userName, string password, string role, string displayName)
    {
        _ = BaseAddress;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userName;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets of an unpublished app (docs/stack-pitfalls.md pitfall 7).
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "console.db")}",
                ["Demo:Enabled"] = "true",
                // Cutoffs must not close batches under a running test; the jobs tests switch the scheduler on.
                ["Jobs:SchedulerEnabled"] = "false",
                ["Jobs:SchedulerName"] = "Test-" + Path.GetFileName(_folder),
                ["Jobs:OutboxFolder"] = Path.Combine(_folder, "outbox"),
                ["FaxInbox:DropFolder"] = Path.Combine(_folder, "fax", "inbox"),
                ["FaxInbox:ArchiveFolder"] = Path.Combine(_folder, "fax", "archive"),
                ["FaxInbox:QuarantineFolder"] = Path.Combine(_folder, "fax", "quarantine"),
                ["FaxInbox:PollInterval"] = "00:00:00.500",
                // Reading the demo FAXes would load every test console's cores; the recognition tests switch it on.
                ["FaxRecognition:Enabled"] = "false",
                // The suite signs in from 127.0.0.1 all day, failures included: the per-address slow-down is for the tests that want it.
                ["Staff:AddressFailuresBeforeSlowdown"] = "100000",
                ["Warehouse:ResultsFolder"] = Path.Combine(_folder, "warehouse", "results"),
                ["Warehouse:ArchiveFolder"] = Path.Combine(_folder, "warehouse", "archive"),
                ["Warehouse:QuarantineFolder"] = Path.Combine(_folder, "warehouse", "quarantine"),
                ["Warehouse:ScanInterval"] = "00:00:00.500",
                // Each console its own stock folder: with the default, every test console would scan (and take) the others' stock files.
                ["Warehouse:StockFolder"] = Path.Combine(_folder, "warehouse", "stock"),
                // Tests drop the results files themselves; DemoWarehouseTests drive the simulated warehouse directly.
                ["Warehouse:DemoWarehouseEnabled"] = "false",
                // Serilog settings must go through configuration, not UseSetting (docs/stack-pitfalls.md pitfall 8).
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "console-.log"),
            };
            foreach (var (key, value) in Settings)
                settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(TestClock.Run));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// The console under load, in a process of its own (<c>SmartOffice.Bench circuits-server N</c>, started pinned to one core):
/// the real app (this Release build) on Kestrel at 127.0.0.1 with standard demo data in a temp folder, N desk-agent accounts
/// of their own, and a line protocol on stdin/stdout for the load client — <c>heap</c> (the live managed heap after forced
/// full collections), <c>cpu</c> (the process's CPU time so far), <c>jit</c> (methods compiled so far). Its answers are
/// the lines starting <c>@bench</c>; anything
/// else on stdout is the app's own console log.
/// </summary>
internal static class CircuitsServer
{
    public const string Command = "circuits-server";
    public const string AnswerPrefix = "@bench ";
    public const string AgentPassword = "bench-pass-1";
    private const int Lines = 20;

    /// <summary>What the load client needs to start: the address, each agent's user name and earlier order, the pasted block.</summary>
    public sealed record Setup(Uri BaseAddress, IReadOnlyList<string> UserNames, IReadOnlyList<int> SameAsOrders, string PastedBlock);

    public static string UserName(int agent) => $"bench-desk-{agent:000}";

    public static async Task<int> RunAsync(int agents)
    {
        await using var app = new ConsoleUnderLoad();
        var baseAddress = app.BaseAddress;
        var (orders, block) = await AgentsDataAsync(app, agents);
        var userNames = await CreateAgentsAsync(app, agents);
        Answer("ready " + JsonSerializer.Serialize(new Setup(baseAddress, userNames, orders, block)));
        while (global::System.Console.ReadLine() is { } command && command != "quit")
        {
            switch (command)
            {
                case "heap":
                    Answer(HeapBytes().ToString(CultureInfo.InvariantCulture));
                    break;
                case "jit":
                    Answer(System.Runtime.JitInfo.GetCompiledMethodCount().ToString(CultureInfo.InvariantCulture));
                    break;
                case "cpu":
                    using (var self = System.Diagnostics.Process.GetCurrentProcess())
                        Answer(self.TotalProcessorTime.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
                    break;
                default:
                    Answer("unknown " + command);
                    break;
            }
        }
        return 0;
    }

    private static void Answer(string line)
    {
        global::System.Console.Out.WriteLine(AnswerPrefix + line);
        global::System.Console.Out.Flush();
    }

    /// <summary>The live managed heap: full blocking compacting collections until finalizers are done.</summary>
    private static long HeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Desk agents of their own (one cookie, one account each, as at the desk), written with one password hash computed once
    /// (hashing is the sign-in's cost, not the setup's).
    /// </summary>
    private static async Task<List<string>> CreateAgentsAsync(ConsoleUnderLoad app, int agents)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        string? hash = null;
        var names = new List<string>();
        for (var i = 1; i <= agents; i++)
        {
            var user = new StaffUser { UserName = UserName(i), DisplayName = $"負荷 担当{i:000}" };
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, AgentPassword);
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, StaffRoles.DeskAgent));
            names.Add(user.UserName);
        }
        return names;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
                throw new InvalidOperationException("A bench agent account could not be made: "
                    + string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>
    /// One earlier order per agent, of customers with one active department, no budget and no order lock (so the page opens
    /// with customer and department chosen via "new order for the same customer"; agents share customers when the demo data
    /// has fewer), and 20 products in stock for the pasted block.
    /// </summary>
    private static async Task<(List<int> Orders, string Block)> AgentsDataAsync(ConsoleUnderLoad app, int agents)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContext();
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        var plain = db.Customers.Where(c => c.IsActive && !locked.Contains(c.Id) && c.Departments.Count(d => d.IsActive) == 1
                                            && c.Departments.All(d => d.MonthlyBudget == null)).Select(c => c.Id);
        var orders = await db.Orders.AsNoTracking().Where(o => plain.Contains(o.CustomerId))
            .GroupBy(o => o.CustomerId).Select(g => g.Min(o => o.Id)).OrderBy(id => id).Take(agents).ToListAsync();
        var codes = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 100)
            .OrderBy(p => p.Id).Select(p => p.Code).Take(Lines).ToListAsync();
        if (orders.Count == 0 || codes.Count < Lines)
            throw new InvalidOperationException(
                "The demo data has no plain customer or too few stocked products for the circuits benchmark.");
        var block = string.Join("\r\n", codes.Select((code, i) => $"{code}\t{i % 9 + 1}")) + "\r\n";
        return (Enumerable.Range(0, agents).Select(i => orders[i % orders.Count]).ToList(), block);
    }

    /// <summary>
    /// The console as it runs: its own SQLite file, keys and logs in a temp folder, the scheduler off (no cutoff job under the
    /// measurement), console log at warnings. Development, because an unpublished app serves its static web assets only there
    /// (docs/stack-pitfalls.md pitfall 7) and the Chromium check needs blazor.web.js.
    /// </summary>
    private sealed class ConsoleUnderLoad : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "smartoffice-bench-circuits-" + Guid.NewGuid().ToString("N"));

        public ConsoleUnderLoad()
        {
            Directory.CreateDirectory(_folder);
            UseKestrel(StartupBenchmark.FreePort());
        }

        public Uri BaseAddress
        {
            get
            {
                StartServer();
                return ClientOptions.BaseAddress;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "console.db")}",
                ["Demo:Enabled"] = "true",
                ["DataProtection:KeysFolder"] = Path.Combine(_folder, "keys"),
                ["Jobs:SchedulerEnabled"] = "false",
                ["Jobs:OutboxFolder"] = Path.Combine(_folder, "outbox"),
                ["FaxInbox:DropFolder"] = Path.Combine(_folder, "fax", "inbox"),
                ["FaxInbox:ArchiveFolder"] = Path.Combine(_folder, "fax", "archive"),
                ["FaxInbox:QuarantineFolder"] = Path.Combine(_folder, "fax", "quarantine"),
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "console-.log"),
            }));
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
        }
    }
}

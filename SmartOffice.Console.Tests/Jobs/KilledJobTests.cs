using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>
/// The built console running a job (<c>run-job</c>) is killed with SIGKILL in the middle of it — once the first batch is
/// committed, or inside the point expiry's one transaction (its entries inserted, the lots not yet zeroed, nothing
/// committed) — and run again: the database and the outbox end exactly as after one uninterrupted run on a copy of the same
/// data. Nothing lost, nothing twice; the killed expiry left nothing at all. Dates come from the real clock, as the process
/// has no other.
/// </summary>
public sealed class KilledJobTests : IAsyncLifetime
{
    private const string CutoffJob = "cutoff-fax-Honshu";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>The console logs each statement as it has executed it: the expiry is killed on a line of that log.</summary>
    private static readonly Dictionary<string, string> StatementLog = new()
    {
        ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };

    private TestDatabase _template = default!;

    public async Task InitializeAsync()
    {
        _template = await new TestDatabase(DateTimeOffset.UtcNow).InitializeAsync();
        var department = await _template.AddCustomerAsync("D1", "10000001");
        await AddOpenShipmentsAsync(department, perDay: 200);
        // Enough lots that zeroing them, after the expiry's INSERT and before its commit, outlasts a SIGKILL's way there.
        await AddExpiringLotsAsync(department, perMonth: 8000);
    }

    public async Task DisposeAsync() => await _template.DisposeAsync();

    [Fact]
    public async Task A_cutoff_run_killed_after_its_first_batch_ends_as_one_run_after_a_restart()
    {
        var expected = await RunAsync(CutoffJob, kill: null);
        var killed = await RunAsync(CutoffJob,
            (process, copy) => KillWhenAsync(process, copy.ConnectionString, "SELECT COUNT(*) FROM CutoffBatches"));

        Assert.Equal(expected, killed);
        Assert.Contains("batch", expected.Database);
    }

    [Fact]
    public async Task A_point_expiry_killed_inside_its_transaction_leaves_nothing_and_ends_as_one_run_after_a_restart()
    {
        var before = await ResultAsync(_template);
        var expected = await RunAsync("point-expiry", kill: null);
        var killed = await RunAsync("point-expiry", async (process, copy) =>
        {
            // Logged once the INSERT of every due lot's expiry has run; the UPDATE zeroing the lots and the commit follow.
            await process.KillOnLine(l => l.Contains("INSERT INTO \"PointLedger\"", StringComparison.Ordinal)).WaitAsync(Patience);
            await process.WaitAsync(Patience);
            SqliteConnection.ClearAllPools();
            // Killed inside the transaction: the file holds nothing of the run (else it was too late: the commit came first).
            return (await ResultAsync(copy)).Database == before.Database;
        }, StatementLog);

        Assert.Equal(expected, killed);
        Assert.Contains("Expire", expected.Database);
    }

    /// <summary>
    /// Runs the job on a fresh copy; with <paramref name="kill"/>, first a run that it SIGKILLs and that must have been killed
    /// in the moment the test wants (a few tries, in case a run gets past it before the signal lands), then a run to the end.
    /// </summary>
    private async Task<JobResult> RunAsync(string job, Func<ConsoleProcess, TestDatabase, Task<bool>>? kill,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var copy = _template.Copy();
            var folder = copy.Folder;
            if (kill is not null)
            {
                bool killedInRun;
                using (var process = ConsoleProcess.Start(folder, copy.File, environment, "run-job", job))
                    killedInRun = await kill(process, copy);
                if (!killedInRun && attempt < 3)
                    continue;
                Assert.True(killedInRun, "the run always got past the moment it was to be killed in");
            }
            using (var run = ConsoleProcess.Start(folder, copy.File, null, "run-job", job))
            {
                var (exitCode, output) = await run.WaitAsync(Patience);
                Assert.True(exitCode == 0, output);
            }
            return await ResultAsync(copy);
        }
    }

    private static async Task<bool> KillWhenAsync(ConsoleProcess process, string connectionString, string countSql)
    {
        await using var look = new SqliteConnection(connectionString);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                if (look.State != System.Data.ConnectionState.Open)
                    await look.OpenAsync();
                await using var command = look.CreateCommand();
                command.CommandText = countSql;
                if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0)
                {
                    process.Kill();
                    return true;
                }
            }
            catch (SqliteException)
            {
                // The schema is not there yet (the process is still migrating) or the file is busy: look again.
            }
            await Task.Delay(2);
        }
        return false;
    }

    /// <summary>What a run leaves: batches, shipments, ledger and lots (without times and ids of runs), and the outbox
    /// files with their lines.</summary>
    private static async Task<JobResult> ResultAsync(TestDatabase copy)
    {
        await using var db = copy.CreateDbContext();
        var batches = await db.CutoffBatches.OrderBy(b => b.BatchKey).ThenBy(b => b.AcceptanceDay)
            .Select(b => $"batch {b.BatchKey} {b.AcceptanceDay} {b.ShipmentCount} {b.InstructionFile}").ToListAsync();
        var shipments = await db.Shipments.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Status}:{s.CutoffBatchId != null}").ToListAsync();
        var ledger = await db.PointLedger.OrderBy(e => e.PointLotId).ThenBy(e => e.Kind).ThenBy(e => e.BusinessDate)
            .Select(e => $"{e.PointAccountId} {e.PointLotId} {e.Kind} {e.Points} {e.BusinessDate}").ToListAsync();
        var lots = await db.PointLots.OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.Remaining}").ToListAsync();
        var outbox = Path.Combine(copy.Folder, "outbox");
        var files = Directory.Exists(outbox)
            ? Directory.GetFiles(outbox).Order().Select(f => $"{Path.GetFileName(f)}\n{File.ReadAllText(f)}").ToList()
            : [];
        return new JobResult(string.Join("\n", batches.Concat(shipments).Concat(ledger).Concat(lots)), string.Join("\n---\n", files));
    }

    /// <summary>FAX orders of the last days (each acceptance day's batch is due: its cutoff has passed whatever the hour now).</summary>
    private async Task AddOpenShipmentsAsync(Department department, int perDay)
    {
        await using var db = _template.CreateDbContext();
        var product = new Product { Code = "A0000001", Name = "ボールペン", Maker = "テスト",
            Category = new ProductCategory { Code = "C1", Name = "文具" }, UnitPrice = 100, StockOnHand = 1_000_000 };
        var today = _template.BusinessClock.Today;
        for (var day = today.AddDays(-6); day < today; day = day.AddDays(1))
        {
            for (var i = 0; i < perDay; i++)
            {
                var shipment = Shipment.Open(DeliveryClass.Standard, day, day.AddDays(1));
                var line = new OrderLine
                {
                    LineNumber = 1, Shipment = shipment, Product = product, ProductCode = product.Code, ProductName = product.Name,
                        Quantity = 3,
                    Maker = product.Maker, CategoryId = product.CategoryId, Returnable = true,
                    ListUnitPrice = 100, UnitPrice = 100, Amount = 300, DeliveryClass = DeliveryClass.Standard, LineComment = $"行{i}",
                };
                var order = Order.Past($"F{day:yyMMdd}{i:D6}", department.CustomerId, department.Id, OrderChannel.Fax,
                    _template.BusinessClock.At(day, new TimeOnly(10, 0)), day, OrderTotals.GoodsOnly(300, total: 0),
                    shipments: [shipment], lines: [line]);
                db.Orders.Add(order);
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Lots earned 13, 14 and 15 months ago, each with its earn entry as the ledger writes it: three month-ends of expiry are
    /// due, none was run. Written in bulk (the ledger's own EarnAsync per lot would take minutes for this many).
    /// </summary>
    private async Task AddExpiringLotsAsync(Department department, int perMonth)
    {
        var account = await _template.AddAccountAsync(department);
        int orderId;
        await using (var db = _template.CreateDbContext())
            orderId = await db.Orders.Select(o => o.Id).FirstAsync();
        var today = _template.BusinessClock.Today;
        var rules = new PointRules(_template.Rules.Value);
        await using var write = _template.CreateDbContext();
        var lots = new[] { 13, 14, 15 }.Select(monthsAgo => new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo))
            .SelectMany(earned => Enumerable.Range(0, perMonth).Select(i => new PointLot
            {
                PointAccountId = account.Id, OrderId = orderId, Points = 10 + i % 7, Remaining = 10 + i % 7,
                    EarnedOn = earned.AddDays(i % 20),
                ValidThrough = rules.ValidThrough(earned.AddDays(i % 20)),
            })).ToList();
        write.PointLots.AddRange(lots);
        await write.SaveChangesAsync();
        write.PointLedger.AddRange(lots.Select(lot => new PointLedgerEntry
        {
            PointAccountId = account.Id, PointLotId = lot.Id, Kind = PointEntryKind.Earn, Points = lot.Points, BusinessDate = lot.EarnedOn,
            RecordedAt = _template.Clock.GetUtcNow(), OrderId = orderId,
        }));
        await write.SaveChangesAsync();
    }

    private sealed record JobResult(string Database, string Outbox);
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Warehouse;
using Xunit.Abstractions;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// The built console (a process of its own) imports a results file from its drop folder and is SIGKILLed while it does —
/// once it has inserted the file's record, once it has updated the first line's shipped quantity, and after the commit before the
/// file's move. Right after each kill the file is applied whole or not at all; after the restart on the same database it
/// is applied exactly once and leaves the folder.
/// </summary>
public sealed class KilledWarehouseImportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int LineCount = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Where each run's SIGKILL lands, in import order: statements of the import's transaction, then its log line after the commit.</summary>
    private static readonly (string Name, Func<string, Func<string, bool>> Line)[] Moments =
    [
        ("file record inserted", _ => Nth("INSERT INTO \"WarehouseResultsFiles\"", 1)),
        ("first line's shipped quantity updated", _ => Nth("UPDATE \"OrderLines\"", 1)),
        ("committed, not yet moved", file => line => line.Contains($"file {file} applied", StringComparison.Ordinal)),
    ];

    private readonly TestDatabase _database = new(DateTimeOffset.UtcNow);
    private readonly List<Order> _orders = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var db = _database.CreateDbContext())
        {
            var category = new ProductCategory { Code = "NOTES", Name = "ノート" };
            db.Products.AddRange(Enumerable.Range(1, LineCount).Select(i => new Product
            {
                Code = ProductCode(i), Name = $"キャンパスノート {i}冊", Maker = "テストメーカー", Category = category, UnitPrice = 100 + i, StockOnHand = 500,
            }));
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < Moments.Length; i++)
        {
            var department = await _database.AddCustomerAsync("D1", $"3100000{i}");
            _orders.Add(await _database.AddInstructedOrderAsync(department, _database.BusinessClock.Now,
                [.. Enumerable.Range(1, LineCount).Select(n => (ProductCode(n), n % 3 + 1))]));
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static string ProductCode(int i) => $"W{i:D7}";

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        ["Warehouse__ResultsFolder"] = _database.Options().ResultsFolder,
        ["Warehouse__ArchiveFolder"] = _database.Options().ArchiveFolder,
        ["Warehouse__QuarantineFolder"] = _database.Options().QuarantineFolder,
        ["Warehouse__ScanInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task An_import_killed_mid_flight_is_applied_whole_or_not_at_all_and_once_after_a_restart()
    {
        ConsoleProcess? app = ConsoleProcess.StartServer(_database.Folder, _database.File, environment: Environment);
        var appliedAtKill = new List<bool>();
        try
        {
            await app.ListeningAsync(Patience);
            for (var i = 0; i < Moments.Length; i++)
            {
                var (moment, line) = Moments[i];
                var order = _orders[i];
                var file = $"R{i}.csv";
                var before = await DatabaseSnapshot.TakeAsync(_database);
                var killed = app.KillOnLine(line(file));
                Drop(file, order);
                await killed.WaitAsync(Patience);
                await app.WaitAsync(Patience);
                app.Dispose();
                app = null;

                var applied = await AppliedWholeOrNotAtAllAsync(moment, file, order, before);
                appliedAtKill.Add(applied);
                output.WriteLine($"killed at '{moment}': {(applied ? "applied whole" : "nothing of it there")}");

                app = ConsoleProcess.StartServer(_database.Folder, _database.File, environment: Environment);
                await app.ListeningAsync(Patience);
                await LeftTheFolderAsync(file);
                Assert.True(await AppliedWholeOrNotAtAllAsync(moment, file, order, before), $"killed at '{moment}': not applied after the restart");
            }
            // A kill inside the transaction left nothing (the console had logged a statement of it; a kill reads that line
            // from its output, so on a busy machine it may land only after the commit: then whole); the one after the
            // commit left it applied.
            Assert.Contains(false, appliedAtKill.Take(2));
            Assert.True(appliedAtKill[2]);
        }
        finally
        {
            app?.Dispose();
        }
    }

    /// <summary>Every line of the order shipped in full, in one part each, under the file's name, written as the warehouse writes: a temporary name, then renamed.</summary>
    private void Drop(string file, Order order)
    {
        var shipment = order.Shipments.Single().Id;
        var today = _database.BusinessClock.Today.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);
        var folder = _database.Options().ResultsFolder;
        Directory.CreateDirectory(folder);
        var text = string.Concat(new[] { Header }.Concat(order.Lines.OrderBy(l => l.LineNumber)
            .Select(l => Row(shipment, l.LineNumber, l.Quantity, today, $"K{l.LineNumber:D4}", tracking: $"9999-{l.LineNumber:D4}"))).Select(r => r + "\r\n"));
        File.WriteAllBytes(Path.Combine(folder, file + ".tmp"), Bytes(text, new UTF8Encoding(true)));
        File.Move(Path.Combine(folder, file + ".tmp"), Path.Combine(folder, file));
    }

    /// <summary>True when the file is applied whole and once; false when nothing of it is in the database (every table as before).</summary>
    private async Task<bool> AppliedWholeOrNotAtAllAsync(string moment, string file, Order order, DatabaseSnapshot before)
    {
        await using var db = _database.CreateDbContext();
        var records = await db.WarehouseResultsFiles.AsNoTracking().Where(f => f.FileName == file).ToListAsync();
        if (records.Count == 0)
        {
            // The scheduler's own tables (QRTZ_*) are the console's start-up, not the import.
            var changed = (await DatabaseSnapshot.TakeAsync(_database)).ChangedSince(before).Where(t => !t.StartsWith("QRTZ_", StringComparison.Ordinal)).ToList();
            Assert.True(changed.Count == 0, $"killed at '{moment}': no file record, yet {string.Join(", ", changed)} changed");
            return false;
        }
        var record = Assert.Single(records);
        Assert.Equal(WarehouseFileOutcome.Applied, record.Outcome);
        var parts = await db.ShipmentResults.AsNoTracking().Where(r => r.WarehouseResultsFileId == record.Id).ToListAsync();
        Assert.Equal(LineCount, parts.Count);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == order.Id).ToListAsync();
        Assert.All(lines, l => Assert.Equal(l.Quantity, l.ShippedQuantity));
        Assert.Equal(ShipmentStatus.Shipped, await db.Shipments.Where(s => s.OrderId == order.Id).Select(s => s.Status).SingleAsync());
        return true;
    }

    /// <summary>Polls the drop folder until the restarted console has moved the file (applied now, or only its move left).</summary>
    private async Task LeftTheFolderAsync(string file)
    {
        var path = Path.Combine(_database.Options().ResultsFolder, file);
        var until = DateTime.UtcNow + Patience;
        while (File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < until, $"{file} is still in the drop folder after the restart");
            await Task.Delay(200);
        }
    }

    private static Func<string, bool> Nth(string sql, int nth)
    {
        var seen = 0;
        return line => line.Contains(sql, StringComparison.Ordinal) && ++seen == nth;
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// The simulated warehouse of demo mode: it answers each instruction file <c>Warehouse:DemoAnswerDelay</c> after it was
/// written, once, with a file the real import applies; the demo's instructed shipments no file instructed are answered at once.
/// </summary>
public sealed class DemoWarehouseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = TestDatabase.JapanTime(2026, 11, 26, 9, 0);
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 26, 18, 0));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DemoWarehouse Warehouse =>
        new(_database, Microsoft.Extensions.Options.Options.Create(_database.Options()), _database.BusinessClock);

    private async Task<ShipmentStatus> StatusAsync(Order order)
    {
        await using var db = _database.CreateDbContext();
        return await db.Shipments.Where(s => s.OrderId == order.Id).Select(s => s.Status).SingleAsync();
    }

    [Fact]
    public async Task Each_instruction_is_answered_once_after_the_delay_and_the_import_ships_it()
    {
        await _database.SeedCatalogAsync();
        var department = await _database.AddCustomerAsync("D1", "10000013");
        var history = await _database.AddInstructedOrderAsync(department, Received, (Pen, 3));
        var keyed = await _database.AddInstructedOrderAsync(department, Received, (Pen, 5));
        await using (var db = _database.CreateDbContext())
        {
            var batch = db.CutoffBatches.Add(new CutoffBatch
            {
                BatchKey = "fax-test", Kind = CutoffKind.Fax, AcceptanceDay = new DateOnly(2026, 11, 26),
                    ClosedAt = _database.BusinessClock.Now,
                InstructionFile = "20261126_fax-test.csv", InstructionWrittenAt = _database.BusinessClock.Now,
            }).Entity;
            await db.SaveChangesAsync();
            await db.Shipments.Where(s => s.OrderId == keyed.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CutoffBatchId, batch.Id));
        }

        // The instruction was just written: only the shipment no file instructed is answered.
        Assert.Equal(1, await Warehouse.AnswerDueAsync());
        Assert.Equal(0, await Warehouse.AnswerDueAsync());
        Assert.Equal(1, await _database.Import().ScanAsync(waitForStableFiles: false));
        Assert.Equal((ShipmentStatus.Shipped, ShipmentStatus.Instructed), (await StatusAsync(history), await StatusAsync(keyed)));

        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Warehouse.AnswerDueAsync());
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Warehouse.AnswerDueAsync());
        Assert.True(File.Exists(Path.Combine(_database.Options().ResultsFolder, "demo-warehouse_20261126_fax-test.csv")));
        Assert.Equal(0, await Warehouse.AnswerDueAsync());
        Assert.Equal(1, await _database.Import().ScanAsync(waitForStableFiles: false));
        Assert.Equal(ShipmentStatus.Shipped, await StatusAsync(keyed));
        Assert.Equal(0, await Warehouse.AnswerDueAsync());

        await using var after = _database.CreateDbContext();
        var parts = await after.ShipmentResults.AsNoTracking().Where(r => r.OrderLine!.OrderId == keyed.Id).OrderBy(r => r.RowNumber)
            .ToListAsync();
        Assert.Equal([5], parts.Select(p => p.Quantity));
        Assert.All(parts, p => Assert.Equal(new DateOnly(2026, 11, 26), p.ShippedOn));
        Assert.All(parts, p => Assert.NotNull(p.DeliveryDate));
        Assert.Equal(0, await after.WarehouseResultsFiles.CountAsync(f => f.Outcome != Domain.Warehouse.WarehouseFileOutcome.Applied));
    }
}

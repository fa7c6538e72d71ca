using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;
using Xunit.Abstractions;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// A results file (出荷実績) killed mid-import (<see cref="KilledWarehouseFileImport"/>): once the file record is inserted,
/// once the first line's shipped quantity is updated, and after the commit before the file's move.
/// </summary>
public sealed class KilledWarehouseImportTests(ITestOutputHelper output) : KilledWarehouseFileImport(output)
{
    private readonly List<Order> _orders = [];

    protected override (string Name, Func<string, Func<string, bool>> Line)[] Moments =>
    [
        ("file record inserted", _ => Nth("INSERT INTO \"WarehouseResultsFiles\"", 1)),
        ("first line's shipped quantity updated", _ => Nth("UPDATE \"OrderLines\"", 1)),
        ("committed, not yet moved", file => line => line.Contains($"file {file} applied", StringComparison.Ordinal)),
    ];

    protected override string Folder => Database.Options().ResultsFolder;

    protected override async Task ArrangeAsync()
    {
        for (var i = 0; i < Moments.Length; i++)
        {
            var department = await Database.AddCustomerAsync("D1", $"3100000{i}");
            _orders.Add(await Database.AddInstructedOrderAsync(department, Database.BusinessClock.Now,
                [.. Enumerable.Range(1, LineCount).Select(n => (ProductCode(n), n % 3 + 1))]));
        }
    }

    /// <summary>Every line of the moment's order shipped in full, in one part each.</summary>
    protected override string FileText(int moment)
    {
        var order = _orders[moment];
        var shipment = order.Shipments.Single().Id;
        var today = Database.BusinessClock.Today.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(new[] { Header }.Concat(order.Lines.OrderBy(l => l.LineNumber)
            .Select(l => Row(shipment, l.LineNumber, l.Quantity, today, $"K{l.LineNumber:D4}", tracking: $"9999-{l.LineNumber:D4}")))
                .Select(r => r + "\r\n"));
    }

    protected override async Task AssertAppliedWholeAsync(SmartOfficeDbContext db, WarehouseResultsFile record, int moment)
    {
        var order = _orders[moment];
        var parts = await db.ShipmentResults.AsNoTracking().Where(r => r.WarehouseResultsFileId == record.Id).ToListAsync();
        Assert.Equal(LineCount, parts.Count);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == order.Id).ToListAsync();
        Assert.All(lines, l => Assert.Equal(l.Quantity, l.ShippedQuantity));
        Assert.Equal(ShipmentStatus.Shipped, await db.Shipments.Where(s => s.OrderId == order.Id).Select(s => s.Status).SingleAsync());
    }
}

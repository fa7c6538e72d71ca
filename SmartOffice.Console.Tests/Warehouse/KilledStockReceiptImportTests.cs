using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;
using Xunit.Abstractions;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// A stock-receipt file (入荷実績) killed mid-import (<see cref="KilledWarehouseFileImport"/>): once the file record is
/// inserted, once the first product's stock is raised, and after the commit before the file's move. Each file serves a
/// back-ordered order of its own: applied whole means every receipt recorded and every line of that order served.
/// </summary>
public sealed class KilledStockReceiptImportTests(ITestOutputHelper output) : KilledWarehouseFileImport(output)
{
    private readonly List<int> _orders = [];

    protected override (string Name, Func<string, Func<string, bool>> Line)[] Moments =>
    [
        ("file record inserted", _ => Nth("INSERT INTO \"WarehouseResultsFiles\"", 1)),
        ("first product's stock raised", _ => Nth("UPDATE \"Products\"", 1)),
        ("committed, not yet moved", file => line => line.Contains($"file {file} applied", StringComparison.Ordinal)),
    ];

    protected override string Folder => Database.Options().StockFolder;

    /// <summary>One order per moment of 600 of every product, more than the 500 in stock: every line waits.</summary>
    protected override async Task ArrangeAsync()
    {
        for (var i = 0; i < Moments.Length; i++)
        {
            var department = await Database.AddCustomerAsync("D1", $"3200000{i}");
            var draft = new FaxOrderDraft(department.CustomerId, department.Id, null, Database.Clock.GetUtcNow().AddMinutes(i - 10), null,
                [.. Enumerable.Range(1, LineCount).Select(n => new FaxOrderDraftLine(ProductCode(n), "600", null))]);
            _orders.Add((await Database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()))).OrderId!.Value);
        }
    }

    /// <summary>Every product received: the 500 in stock and the first file's 100 serve the first order in full; each
    /// later file the next.</summary>
    protected override string FileText(int moment)
    {
        var today = Database.BusinessClock.Today.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);
        var quantity = moment == 0 ? 100 : 600;
        return string.Concat(
            new[] { StockHeader }.Concat(Enumerable.Range(1, LineCount).Select(n => $"{ProductCode(n)},{quantity},{today}"))
            .Select(r => r + "\r\n"));
    }

    protected override async Task AssertAppliedWholeAsync(SmartOfficeDbContext db, WarehouseResultsFile record, int moment)
    {
        Assert.Equal(LineCount, await db.StockReceipts.CountAsync(r => r.WarehouseResultsFileId == record.Id));
        var order = _orders[moment];
        Assert.True(await db.OrderLines.Where(l => l.OrderId == order)
            .AllAsync(l => l.BackOrder == BackOrderState.None && l.BackOrderServedOn != null),
            $"the back orders of file {record.FileName} are not all served");
        Assert.Equal(0, await db.OrderLines.CountAsync(l => l.OrderId > order && l.BackOrder != BackOrderState.Waiting));
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Reporting;
using SmartOffice.Console.Tests.Returns;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// Order lines keep the product facts they were sold with (maker, eco flag, category, returnable): a later catalogue change
/// rewrites no past order in the purchase export, the eco report, the returns report or a return's check.
/// </summary>
public sealed class LineFactsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_saved_line_keeps_its_facts_when_the_catalogue_changes_afterwards()
    {
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, Morning, null,
            [new FaxOrderDraftLine(Pen, "2", null), new FaxOrderDraftLine(Tea, "1", null)]);
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()));

        await using (var db = _database.CreateDbContext())
        {
            var pen = await db.Products.Include(p => p.Category).SingleAsync(p => p.Code == Pen);
            var drinks = await db.ProductCategories.SingleAsync(c => c.Code == "DRINKS");
            var lines = await db.OrderLines.Where(l => l.OrderId == saved.OrderId).OrderBy(l => l.LineNumber).ToListAsync();
            Assert.Equal([("テストメーカー", false, pen.CategoryId, true), ("テストメーカー", false, drinks.Id, false)],
                lines.Select(l => (l.Maker, l.IsEco, l.CategoryId, l.Returnable)));

            // The catalogue changes: another maker, eco now, moved to drinks, stationery becomes non-returnable.
            pen.Maker = "新メーカー";
            pen.IsEco = true;
            pen.Category!.NonReturnable = true;
            pen.CategoryId = drinks.Id;
            await db.SaveChangesAsync();
        }

        var purchases = new PurchaseDataService(_database, TestStaff.DeskAgent, _database.BusinessClock);
        await using (var db = _database.CreateDbContext())
        {
            var exported = await purchases.Lines(db,
                new PurchaseDataQuery(_department.CustomerId, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 25)))
                .ToListAsync();
            Assert.Equal([("テストメーカー", false), ("テストメーカー", false)], exported.Select(l => (l.Maker, l.IsEco)));
        }
        var eco = await new EcoReportService(_database, TestStaff.DeskAgent, _database.BusinessClock)
            .GetAsync(new EcoReportQuery(_department.CustomerId, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)));
        Assert.Equal(0, eco.EcoSpend);

        var order = await _database.Returns(TestStaff.DeskAgent).GetOrderAsync(saved.OrderId!.Value);
        Assert.Equal([("文具", false), ("飲料", true)], order.Lines.Select(l => (l.CategoryName, l.NonReturnable)));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
/// rewrites no past order in the purchase export, the eco report, the returns report or a return's check; the migration
/// fills lines saved before.
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

    [Fact]
    public async Task The_migration_copies_the_facts_onto_lines_saved_before_it_and_gives_delivered_lines_their_result()
    {
        await using var old = new TestDatabase();
        await using (var db = old.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261203095405_Issue17TextAndOrderRules");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Dealers (Id, Code, Name, Phone, Version) VALUES (1, 'D1', '販売店', '03-0000-0000', 0);
                INSERT INTO Regions (Id, Code, Name, FaxCutoff, WebCutoff, ExtraLeadDays, SortOrder, Version) VALUES
                  (1, 'Honshu', '本州', '17:00:00', '17:30:00', 0, 1, 0);
                INSERT INTO Customers (Id, Code, Name, NameKana, SearchKey, PostalCode, Address, Phone, PhoneDigits, RegionId,
                  DealerId, PointsOptedOut, VolumeDiscountRate, IsActive, OrdersVersion, Version) VALUES
                  (1, '10000013', '株式会社テスト', 'テスト', 'テスト', '100-0001', '東京都港区1-1', '03-1111-2222', '0311112222', 1, 1, 0, '0', 1, 0, 0);
                INSERT INTO Departments (Id, CustomerId, Code, Name, PostalCode, Address, BudgetKind, IsActive, Version) VALUES
                  (1, 1, '01', '総務部', '100-0001', '港区', 'Hard', 1, 0);
                INSERT INTO ProductCategories (Id, Code, Name, NonReturnable, Version) VALUES (1, 'ST', '文具', 0, 0), (2, 'FD', '食品', 1, 0);
                INSERT INTO Products (Id, CategoryId, Code, DeliveryClass, IsActive, IsEco, Maker, Name, NoSaturdayDelivery,
                  NonReturnable, StockOnHand, TaxClass, UnitPrice, Version) VALUES
                  (1, 1, 'A1', 'Standard', 1, 1, 'エコ社', '再生紙', 0, 0, 10, 'Standard10', 100, 0),
                  (2, 2, 'F1', 'Standard', 1, 0, '食品社', '緑茶', 0, 0, 10, 'Reduced8', 100, 0),
                  (3, 1, 'A2', 'Standard', 1, 0, '特注社', '名入れペン', 0, 1, 10, 'Standard10', 100, 0);
                INSERT INTO Orders (Id, AcceptanceDay, Channel, CustomerId, DepartmentId, GoodsSubtotal, OrderNumber,
                  PointsEarned, PointsShortfall, ReceivedAt, SaturdayRequested, ShippingFee, ShippingFeeReason, Status,
                  TaxReduced, TaxStandard, Total, Version) VALUES
                  (1, '2026-11-02', 'Fax', 1, 1, 600, 'F26110200001', 6, 0, '2026-11-02 01:00:00', 0, 0, 'Charged', 'Accepted', 0, 0,
                    600, 0),
                  (2, '2026-11-24', 'Fax', 1, 1, 100, 'F26112400001', 1, 0, '2026-11-24 01:00:00', 0, 0, 'Charged', 'Accepted', 0, 0,
                    100, 0);
                INSERT INTO Shipments (Id, AcceptanceDay, DeliveryClass, OrderId, Status, DeliveryDate, DeliverySlipNumber, Version) VALUES
                  (1, '2026-11-02', 'Standard', 1, 'Delivered', '2026-11-03', 'D000000001', 0),
                  (2, '2026-11-24', 'Standard', 2, 'Instructed', '2026-11-25', NULL, 0);
                INSERT INTO OrderLines (Id, Amount, DeliveredQuantity, DeliveryClass, LineNumber, ListUnitPrice, OrderId,
                  ProductCode, ProductId, ProductName, Quantity, ShipmentId, ShortOfStock, TaxClass, UnitPrice) VALUES
                  (1, 200, 2, 'Standard', 1, 100, 1, 'A1', 1, '再生紙', 2, 1, 0, 'Standard10', 100),
                  (2, 300, 3, 'Standard', 2, 100, 1, 'F1', 2, '緑茶', 3, 1, 0, 'Reduced8', 100),
                  (3, 100, 1, 'Standard', 3, 100, 1, 'A2', 3, '名入れペン', 1, 1, 0, 'Standard10', 100),
                  (4, 100, 0, 'Standard', 1, 100, 2, 'A1', 1, '再生紙', 1, 2, 0, 'Standard10', 100);
                """);
        }

        await old.InitializeAsync();

        await using var check = old.CreateDbContext();
        var lines = await check.OrderLines.OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([("エコ社", true, 1, true, 2), ("食品社", false, 2, false, 3), ("特注社", false, 1, false, 1), ("エコ社", true, 1, true, 0)],
            lines.Select(l => (l.Maker, l.IsEco, l.CategoryId, l.Returnable, l.ShippedQuantity)));
        // Delivered lines get one result each, delivered on the shipment's date; the instructed one waits for the warehouse.
        var results = await check.ShipmentResults.OrderBy(r => r.OrderLineId).ToListAsync();
        Assert.Equal([(1, 2), (2, 3), (3, 1)], results.Select(r => (r.OrderLineId, r.Quantity)));
        Assert.All(results, r => Assert.Equal((new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 3), "D000000001"),
            (r.DeliveryDate!.Value, r.DeliveredOn!.Value, r.DeliverySlipNumber)));
        Assert.Equal(3, (await check.WarehouseResultsFiles.SingleAsync()).RowCount);
    }
}

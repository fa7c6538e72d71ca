using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>Orders with open shipments on chosen acceptance days, and the job services wired to a test database.</summary>
internal static class JobsTestData
{
    public static JobsOptions Options(string outbox) => new() { OutboxFolder = outbox, FaxKeyingGraceMinutes = 30, CatchUpDays = 7 };

    public static CutoffBatchService CutoffService(this TestDatabase database, JobsOptions jobs)
    {
        var options = Microsoft.Extensions.Options.Options.Create(jobs);
        return new CutoffBatchService(database, new CutoffSchedule(database, database.Rules, options),
            new ShippingInstructionWriter(options),
            database.Calendar, database.BusinessClock, database.Rules, options);
    }

    private static int _products;

    /// <summary>A one-line order whose single shipment of <paramref name="deliveryClass"/> is still open on <paramref
    /// name="acceptanceDay"/>.</summary>
    public static async Task<Shipment> AddOpenShipmentAsync(this TestDatabase database, Department department, OrderChannel channel,
        DateOnly acceptanceDay, DeliveryClass deliveryClass = DeliveryClass.Standard)
    {
        await using var db = database.CreateDbContext();
        var category = await db.ProductCategories.FirstOrDefaultAsync()
            ?? db.ProductCategories.Add(new ProductCategory { Code = "C1", Name = "文具" }).Entity;
        var code = $"P{Interlocked.Increment(ref _products):D5}";
        var product = new Product { Code = code, Name = "ボールペン", Maker = "テスト", Category = category, UnitPrice = 100,
            DeliveryClass = deliveryClass, StockOnHand = 100 };
        var shipment = Shipment.Open(deliveryClass, acceptanceDay, acceptanceDay.AddDays(1));
        var line = new OrderLine
        {
            LineNumber = 1, Shipment = shipment, Product = product, ProductCode = code, ProductName = product.Name, Quantity = 3,
            Maker = product.Maker, CategoryId = product.CategoryId, Returnable = true,
            ListUnitPrice = 100, UnitPrice = 100, Amount = 300, DeliveryClass = deliveryClass, LineComment = "総務 山田",
        };
        var order = Order.Past($"F{acceptanceDay:yyMMdd}{code}", department.CustomerId, department.Id, channel,
            database.BusinessClock.At(acceptanceDay, new TimeOnly(10, 0)), totals: OrderTotals.GoodsOnly(300, total: 0),
            shipments: [shipment], lines: [line]);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return shipment;
    }

    public static async Task<List<CutoffBatch>> BatchesAsync(this TestDatabase database, string jobName)
    {
        await using var db = database.CreateDbContext();
        return await db.CutoffBatches.Where(b => b.BatchKey == jobName).OrderBy(b => b.AcceptanceDay).ToListAsync();
    }

    public static async Task<Shipment> ShipmentAsync(this TestDatabase database, int id)
    {
        await using var db = database.CreateDbContext();
        return await db.Shipments.SingleAsync(s => s.Id == id);
    }
}

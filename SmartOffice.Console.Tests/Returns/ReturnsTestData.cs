using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>An order line to deliver: product code, category (food is non-returnable), unit price ex-tax, quantity, tax class.</summary>
public sealed record DeliveredLine(string Code, int UnitPrice, int Quantity, bool Food = false);

/// <summary>Delivered orders for the return tests: one shipment delivered on a chosen day, every line delivered in full.</summary>
public static class ReturnsTestData
{
    private static int _orders;

    public static ReturnSlipService Returns(this TestDatabase database, ICurrentStaff staff) =>
        new(database, staff, database.Clock, database.BusinessClock, database.Rules,
            Options.Create(new SmartOffice.Domain.DeskContactOptions()),
            database.FaxInboxLink(staff));

    public static async Task<Order> AddDeliveredOrderAsync(this TestDatabase database, Department department, DateOnly deliveredOn,
        params DeliveredLine[] lines)
    {
        await using var db = database.CreateDbContext();
        var stationery = await db.ProductCategories.FirstOrDefaultAsync(c => c.Code == "ST")
                         ?? db.ProductCategories.Add(new ProductCategory { Code = "ST", Name = "文具" }).Entity;
        var food = await db.ProductCategories.FirstOrDefaultAsync(c => c.Code == "FD")
                   ?? db.ProductCategories.Add(new ProductCategory { Code = "FD", Name = "飲料・食品", NonReturnable = true }).Entity;
        await db.SaveChangesAsync(); // the lines copy the categories' ids
        var number = Interlocked.Increment(ref _orders);
        var acceptanceDay = deliveredOn.AddDays(-1);
        var shipment = Shipment.Past(DeliveryClass.Standard, acceptanceDay, deliveredOn, ShipmentStatus.Delivered, $"D{number:D9}");
        var saved = new List<OrderLine>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            var product = await db.Products.FirstOrDefaultAsync(p => p.Code == line.Code)
                          ?? new Product
                          {
                              Code = line.Code, Name = line.Food ? $"コーヒー{line.Code}" : $"文具{line.Code}", Maker = "テスト",
                              Category = line.Food ? food : stationery, UnitPrice = line.UnitPrice,
                              TaxClass = line.Food ? TaxClass.Reduced8 : TaxClass.Standard10, StockOnHand = 100,
                          };
            saved.Add(new OrderLine
            {
                LineNumber = ++lineNumber, Shipment = shipment, Product = product, ProductCode = line.Code, ProductName = product.Name,
                Maker = product.Maker, CategoryId = (line.Food ? food : stationery).Id,
                Returnable = !line.Food, Quantity = line.Quantity, ListUnitPrice = line.UnitPrice, UnitPrice = line.UnitPrice,
                    Amount = line.UnitPrice * line.Quantity,
                TaxClass = product.TaxClass, DeliveryClass = DeliveryClass.Standard, DeliveredQuantity = line.Quantity,
                    ShippedQuantity = line.Quantity,
            });
        }
        var rules = database.Rules.Value;
        var goods = saved.Sum(l => l.Amount);
        var fee = new ShippingRules(rules).BasicFee(goods);
        var tax = new TaxRules(rules).ForSlip(saved.Select(l => new TaxableAmount(l.TaxClass, l.Amount)), fee);
        var totals = new OrderTotals(goods, fee, fee == 0 ? ShippingFeeReason.FreeOverThreshold : ShippingFeeReason.Charged,
            tax.TaxAt(rules.StandardTaxRatePercent), tax.TaxAt(rules.ReducedTaxRatePercent), goods + fee + tax.TotalTax,
            new PointRules(rules).PointsEarned(goods));
        var order = Order.Past($"F{acceptanceDay:yyMMdd}{number:D5}", department.CustomerId, department.Id, OrderChannel.Fax,
            database.BusinessClock.At(acceptanceDay, new TimeOnly(10, 0)), totals: totals, shipments: [shipment], lines: saved);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        // The warehouse's result for each line, delivered in full on the day.
        var file = new WarehouseResultsFile { FileName = $"R{number}.csv", ContentHash = $"{number:D64}",
            ImportedAt = database.Clock.GetUtcNow() };
        db.WarehouseResultsFiles.Add(file);
        await db.SaveChangesAsync();
        db.ShipmentResults.AddRange(order.Lines.Select(l => new ShipmentResult
        {
            ShipmentId = shipment.Id, OrderLineId = l.Id, WarehouseResultsFileId = file.Id, RowNumber = l.LineNumber, Quantity = l.Quantity,
            ShippedOn = acceptanceDay, DeliverySlipNumber = shipment.DeliverySlipNumber!, Carrier = "ヤマト運輸", TrackingNumber = $"T{number}",
            DeliveryDate = deliveredOn, DeliveredOn = deliveredOn,
        }));
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task<int> OrderLineIdAsync(this TestDatabase database, Order order, string code)
    {
        await using var db = database.CreateDbContext();
        return await db.OrderLines.Where(l => l.OrderId == order.Id && l.ProductCode == code).Select(l => l.Id).SingleAsync();
    }

    public static async Task<ReturnSlip> SlipAsync(this TestDatabase database, int slipId)
    {
        await using var db = database.CreateDbContext();
        return await db.ReturnSlips.Include(s => s.Lines).AsNoTracking().SingleAsync(s => s.Id == slipId);
    }
}

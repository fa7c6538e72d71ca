using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>Products and orders with lines for the report tests.</summary>
internal static class ReportingTestData
{
    public static async Task<Product> AddProductAsync(this TestDatabase database, string code, string name, string maker, bool eco,
        int price = 100, TaxClass taxClass = TaxClass.Standard10, string category = "文具")
    {
        await using var db = database.CreateDbContext();
        var existing = await db.ProductCategories.FirstOrDefaultAsync(c => c.Name == category);
        var product = new Product
        {
            Code = code, Name = name, Maker = maker, IsEco = eco, UnitPrice = price, TaxClass = taxClass,
            Category = existing ?? new ProductCategory { Code = "C" + category.GetHashCode().ToString("X8"), Name = category },
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    /// <summary>An order with one line per (product, quantity, comment); amounts are price × quantity.</summary>
    public static async Task<Order> AddOrderWithLinesAsync(this TestDatabase database, Department department, DateTimeOffset receivedAt,
        string number, IEnumerable<(Product Product, int Quantity, string? Comment)> lines, OrderStatus status = OrderStatus.Accepted,
        OrderChannel channel = OrderChannel.Fax, DateTimeOffset? keyedAt = null, string? keyedBy = null)
    {
        await using var db = database.CreateDbContext();
        var shipment = Shipment.Past(default, DateOnly.FromDateTime(receivedAt.ToOffset(TimeSpan.FromHours(9)).DateTime), null);
        var saved = new List<OrderLine>();
        var number2 = 0;
        foreach (var (product, quantity, comment) in lines)
            saved.Add(new OrderLine
            {
                LineNumber = ++number2, Shipment = shipment, ProductId = product.Id, ProductCode = product.Code, ProductName = product.Name,
                Maker = product.Maker, IsEco = product.IsEco, CategoryId = product.CategoryId, Returnable = !product.NonReturnable,
                Quantity = quantity, ListUnitPrice = product.UnitPrice, UnitPrice = product.UnitPrice,
                    Amount = product.UnitPrice * quantity,
                TaxClass = product.TaxClass, LineComment = comment, DeliveredQuantity = quantity,
            });
        var order = Order.Past(number, department.CustomerId, department.Id, channel, receivedAt,
            totals: OrderTotals.GoodsOnly(saved.Sum(l => l.Amount)), status: status, keyedAt: keyedAt, keyedBy: keyedBy,
            shipments: [shipment], lines: saved);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }
}

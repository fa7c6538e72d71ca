using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>A small catalogue covering every delivery and tax class, and the services over a test database.</summary>
public static class OrderingTestData
{
    /// <summary>Standard item, 1,000 yen, 100 in stock.</summary>
    public const string Pen = "A0000001";
    /// <summary>Standard item, 200 yen, only 5 in stock.</summary>
    public const string Scarce = "A0000002";
    /// <summary>Beverage at the reduced 8 % rate, 333 yen.</summary>
    public const string Tea = "B0000001";
    /// <summary>Furniture (truck mark), 30,000 yen.</summary>
    public const string Desk = "T0000001";
    /// <summary>Special order (phone mark), 5,000 yen.</summary>
    public const string Special = "P0000001";
    /// <summary>Standard item that is never delivered on a Saturday, 800 yen.</summary>
    public const string NoSaturday = "N0000001";
    /// <summary>No longer sold.</summary>
    public const string Discontinued = "X0000001";
    /// <summary>In the category a customer can lock.</summary>
    public const string Toner = "L0000001";
    public const string LockableCategory = "TONER";

    public static async Task SeedCatalogAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var stationery = new ProductCategory { Code = "STATIONERY", Name = "文具" };
        var drinks = new ProductCategory { Code = "DRINKS", Name = "飲料", NonReturnable = true };
        var furniture = new ProductCategory { Code = "FURNITURE", Name = "オフィス家具" };
        var toner = new ProductCategory { Code = LockableCategory, Name = "トナー" };
        db.Products.AddRange(
            Product(Pen, "ボールペン 10本", stationery, 1000, 100),
            Product(Scarce, "付箋", stationery, 200, 5),
            Product(Tea, "緑茶 500ml", drinks, 333, 100, TaxClass.Reduced8),
            Product(Desk, "事務机", furniture, 30000, 10, deliveryClass: DeliveryClass.Furniture),
            Product(Special, "特注キャビネット", furniture, 5000, 100, deliveryClass: DeliveryClass.SpecialOrder),
            Product(NoSaturday, "コピー用紙 A4 5000枚", stationery, 800, 100, noSaturday: true),
            Product(Discontinued, "旧型ホチキス", stationery, 500, 100, active: false),
            Product(Toner, "トナーカートリッジ", toner, 9000, 100));
        await db.SaveChangesAsync();
    }

    private static Product Product(string code, string name, ProductCategory category, int price, int stock,
        TaxClass tax = TaxClass.Standard10,
        DeliveryClass deliveryClass = DeliveryClass.Standard, bool noSaturday = false, bool active = true) => new()
    {
        Code = code, Name = name, Maker = "テストメーカー", Category = category, UnitPrice = price, StockOnHand = stock,
            TaxClass = tax,
        DeliveryClass = deliveryClass, NoSaturdayDelivery = noSaturday, IsActive = active,
    };

    public static FaxOrderService FaxOrders(this TestDatabase database, ICurrentStaff? staff = null, RulesOptions? rules = null) =>
        new(database, staff ?? TestStaff.DeskAgent, database.Clock, rules is null ? database.Rules : Options.Create(rules),
            Options.Create(new DeskContactOptions()), database.Calendar, database.BusinessClock,
            database.FaxInboxLink(staff ?? TestStaff.DeskAgent));

    public static OrderSearchService OrderSearch(this TestDatabase database, ICurrentStaff staff) => new(database, staff,
        database.BusinessClock);

    public static async Task<ShipTo> AddShipToAsync(this TestDatabase database, int customerId, string name, bool active = true)
    {
        await using var db = database.CreateDbContext();
        var shipTo = new ShipTo { CustomerId = customerId, Name = name, PostalCode = "530-0001", Address = "大阪府大阪市北区1-1",
            IsActive = active };
        db.ShipTos.Add(shipTo);
        await db.SaveChangesAsync();
        return shipTo;
    }

    public static async Task UpdateAsync<T>(this TestDatabase database, int id, Action<T> change) where T : class
    {
        await using var db = database.CreateDbContext();
        var entity = await db.Set<T>().FindAsync(id) ?? throw new InvalidOperationException($"{typeof(T).Name} {id} not found");
        change(entity);
        await db.SaveChangesAsync();
    }

    public static async Task<int> StockOfAsync(this TestDatabase database, string code)
    {
        await using var db = database.CreateDbContext();
        return await db.Products.Where(p => p.Code == code).Select(p => p.StockOnHand).SingleAsync();
    }

    public static FaxOrderDraftLine Line(string? code, string? quantity, string? comment = null) => new(code, quantity, comment);
}

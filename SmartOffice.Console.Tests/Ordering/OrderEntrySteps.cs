using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>A FAX customer of the demo data as the desk finds one.</summary>
public sealed record DemoCustomer(int Id, string Code, string Fax, string Name);

/// <summary>Keying a FAX order on the entry page as a desk agent does, for every browser test that keys one.</summary>
public static class OrderEntrySteps
{
    /// <summary>The app's own database (the app starts first: it creates the file and its demo data).</summary>
    public static SqliteSmartOfficeDbContext Database(ConsoleApp app) =>
        app.BaseAddress is null ? throw new InvalidOperationException()
            : new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
                .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    /// <summary>
    /// A FAX customer as the desk meets one: one department without a budget, no order locks — so the test keys lines, not
    /// confirmations. <paramref name="skip"/> gives each test its own customer (the tests share one app); <paramref name="region"/>
    /// (a region's code) picks one whose cutoff the test runs.
    /// </summary>
    public static async Task<DemoCustomer> CustomerAsync(ConsoleApp app, int skip, string? region = null)
    {
        await using var db = Database(app);
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        return await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && c.Fax != null && !locked.Contains(c.Id) && (region == null || c.Region!.Code == region)
                        && c.Departments.Count(d => d.IsActive) == 1 && c.Departments.All(d => d.MonthlyBudget == null))
            .OrderBy(c => c.Id).Skip(skip)
            .Select(c => new DemoCustomer(c.Id, c.Code, c.Fax!, c.Name)).FirstAsync();
    }

    /// <summary>Active standard products in stock, and one truck-mark (furniture) item for the badge.</summary>
    public static async Task<List<string>> ProductCodesAsync(ConsoleApp app, int count)
    {
        await using var db = Database(app);
        var standard = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 50 && p.UnitPrice < 3000)
            .OrderBy(p => p.Id).Select(p => p.Code).Take(count - 1).ToListAsync();
        var furniture = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Furniture && p.StockOnHand > 5)
            .OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
        return [.. standard, furniture];
    }

    /// <summary>Finds the customer by the number the FAX came from and picks it with Enter.</summary>
    public static async Task PickCustomerAsync(IPage page, DemoCustomer customer)
    {
        await Assertions.Expect(page.Locator("[data-testid=customer-search]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(customer.Fax);
        var options = page.Locator("[data-testid=customer-option]");
        await Assertions.Expect(options.Filter(new() { HasTextString = customer.Code })).ToHaveCountAsync(1);
        // Demo FAX numbers are not unique: ↓ to the right company, as the agent would.
        var codes = await options.Locator(".code").AllInnerTextsAsync();
        for (var i = 0; i < codes.ToList().IndexOf(customer.Code); i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("[data-testid=customer-option][aria-selected=true]")).ToContainTextAsync(customer.Code);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=customer-card]")).ToContainTextAsync(customer.Code);
        await Assertions.Expect(page.Locator("[data-testid=department]")).ToBeFocusedAsync();
    }

    public static ILocator Line(IPage page, int index, string field) => page.Locator($"[data-line=\"{index}\"] [data-field={field}]");

    public static async Task KeyLineAsync(IPage page, string code, string quantity, string comment = "")
    {
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(quantity);
        await page.Keyboard.PressAsync("Enter");
        if (comment.Length > 0)
            await page.Keyboard.TypeAsync(comment);
        await page.Keyboard.PressAsync("Enter");
    }
}

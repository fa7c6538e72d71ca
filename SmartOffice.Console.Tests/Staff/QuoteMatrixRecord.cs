using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>The demo data issues no quotes: the page matrix issues one for an order's customer, as the desk would, once per app.</summary>
internal static class QuoteMatrixRecord
{
    public static async Task<(int Id, string QuoteNumber)> OfAsync(ConsoleApp app, int orderId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var order = await db.Orders.Where(o => o.Id == orderId).Select(o => new { o.CustomerId, o.DepartmentId }).SingleAsync();
        if (await db.Quotes.Where(q => q.CustomerId == order.CustomerId).OrderBy(q => q.Id).Select(q => new { q.Id, q.QuoteNumber })
            .FirstOrDefaultAsync()
            is { } existing)
            return (existing.Id, existing.QuoteNumber);
        var locked = db.OrderLocks.Where(l => l.CustomerId == order.CustomerId);
        var product = await db.Products.Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard
                && !locked.Any(l => l.ProductId == p.Id || l.CategoryId == p.CategoryId))
            .OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
        var department = await db.Departments.Where(d => d.Id == order.DepartmentId && d.IsActive).Select(d => (int?)d.Id)
            .SingleOrDefaultAsync()
                         ?? await db.Departments.Where(d => d.CustomerId == order.CustomerId && d.IsActive).Select(d => d.Id).FirstAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var quotes = ActivatorUtilities.CreateInstance<QuoteService>(scope.ServiceProvider, (ICurrentStaff)TestStaff.DeskAgent);
        var issued = await quotes.IssueAsync(new FaxOrderDraft(order.CustomerId, department, null, app.BusinessClock.Now, null,
            [new FaxOrderDraftLine(product, "1", null)]));
        return (issued.Id, issued.QuoteNumber);
    }
}

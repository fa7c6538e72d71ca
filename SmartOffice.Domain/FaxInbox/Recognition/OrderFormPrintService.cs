using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// FAX注文書の印刷: the order form the desk FAXes to customers — blank, or pre-filled for one customer and department with
/// their code, name, department, FAX number and usual products (what that department ordered most in the past year,
/// still sold and not locked for them). A clean, pre-filled form is what the accuracy page suggests for customers whose
/// FAXes are often misread: printed codes read surely, and only quantities are written by hand.
/// </summary>
public sealed class OrderFormPrintService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    IOptions<DeskContactOptions> desk,
    IOptions<FaxRecognitionOptions> options,
    BusinessClock clock)
{
    /// <summary>What a pre-filled form for this department prints.</summary>
    /// <exception cref="BusinessRuleException">No such active customer, or the department is not one of its active ones.</exception>
    public async Task<OrderFormPreprint> PreprintAsync(int customerId, int departmentId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.IsActive)
            .Select(c => new { c.Code, c.Name, c.Fax })
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? throw new BusinessRuleException("FaxRecognition.FormCustomerUnknown");
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId && d.CustomerId == customerId && d.IsActive)
                             .Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
                         ?? throw new BusinessRuleException("FaxRecognition.FormDepartmentUnknown");
        var since = clock.DayBounds(clock.Today.AddYears(-1)).Start;
        var lockedProducts = db.OrderLocks.Where(l => l.CustomerId == customerId && l.ProductId != null).Select(l => l.ProductId);
        var lockedCategories = db.OrderLocks.Where(l => l.CustomerId == customerId && l.CategoryId != null).Select(l => l.CategoryId);
        var usual = await (from line in db.OrderLines.AsNoTracking()
                           join order in db.Orders on line.OrderId equals order.Id
                           join product in db.Products on line.ProductId equals product.Id
                           where order.DepartmentId == departmentId && order.ReceivedAt >= since && order.Status != OrderStatus.Voided
                               && product.IsActive
                                 && !lockedProducts.Contains(product.Id) && !lockedCategories.Contains(product.CategoryId)
                           group line by new { product.Code, product.Name } into g
                           orderby g.Count() descending, g.Key.Code
                           select new OrderFormProduct(g.Key.Code, g.Key.Name)).Take(options.Value.PrefilledProducts)
                               .ToListAsync(cancellationToken);
        return new OrderFormPreprint(customer.Code, customer.Name, department, customer.Fax, usual);
    }

    /// <summary>The form as a 300 dpi PNG: blank when no customer is given, else pre-filled for the department.</summary>
    public async Task<byte[]> RenderAsync(int? customerId, int? departmentId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var preprint = customerId is { } c ? await PreprintAsync(c, departmentId ?? 0, cancellationToken) : null;
        return OrderFormSheet.RenderPng(desk.Value, preprint, FormTypeface.ForPrinting);
    }
}

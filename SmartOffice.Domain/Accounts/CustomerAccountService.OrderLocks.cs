using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Accounts;

/// <summary>The account page's order-lock tab (注文ロック): locks on a product or a category.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>注文ロック on a product code or a category code; FAX order entry refuses such lines from the next quote on.</summary>
    public async Task AddOrderLockAsync(OrderLockAdd add, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = add.RequestedBy.Describe();
        var code = JapaneseInput.NormalizeCode(add.Code).ToUpperInvariant();
        if (code.Length == 0)
            throw new BusinessRuleException("Accounts.LockCodeRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerForEditAsync(db, add.CustomerId, add.Version, cancellationToken);
        var target = add.Kind == OrderLockKind.Product
            ? await db.Products.Where(p => p.Code == code).Select(p => new { p.Id, p.Code, p.Name }).FirstOrDefaultAsync(cancellationToken)
            : await db.ProductCategories.Where(k => k.Code.ToUpper() == code).Select(k => new { k.Id, k.Code, k.Name })
                .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
            throw new BusinessRuleException(
                add.Kind == OrderLockKind.Product ? "Accounts.LockProductUnknown" : "Accounts.LockCategoryUnknown", code);
        var productId = add.Kind == OrderLockKind.Product ? target.Id : (int?)null;
        var categoryId = add.Kind == OrderLockKind.Category ? target.Id : (int?)null;
        if (await db.OrderLocks.AnyAsync(l => l.CustomerId == customer.Id && l.ProductId == productId && l.CategoryId == categoryId,
            cancellationToken))
            throw new BusinessRuleException("Accounts.LockExists", target.Code);
        db.OrderLocks.Add(new OrderLock
        {
            CustomerId = customer.Id, ProductId = productId, CategoryId = categoryId, RequestedBy = requestedBy,
                CreatedAt = time.GetUtcNow(),
        });
        // The lock list belongs to the customer: its version guards two staff editing the list at once.
        db.Entry(customer).Property(c => c.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.OrderLockAdded", nameof(Customer), customer.Code, null,
            new { Kind = add.Kind, target.Code, target.Name }, requestedBy));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
    }

    public async Task RemoveOrderLockAsync(int customerId, int version, int orderLockId, ChangeRequester requester,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = requester.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerForEditAsync(db, customerId, version, cancellationToken);
        var orderLock = await db.OrderLocks.FirstOrDefaultAsync(l => l.Id == orderLockId && l.CustomerId == customer.Id, cancellationToken)
                        ?? throw new BusinessRuleException(CustomerChanged);
        var target = orderLock.ProductId is { } productId
            ? await db.Products.Where(p => p.Id == productId).Select(p => new { p.Code, p.Name }).FirstAsync(cancellationToken)
            : await db.ProductCategories.Where(k => k.Id == orderLock.CategoryId).Select(k => new { k.Code, k.Name })
                .FirstAsync(cancellationToken);
        db.OrderLocks.Remove(orderLock);
        db.Entry(customer).Property(c => c.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.OrderLockRemoved", nameof(Customer), customer.Code,
            new { Kind = orderLock.ProductId is null ? OrderLockKind.Category : OrderLockKind.Product, target.Code, target.Name }, null,
                requestedBy));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
    }
}

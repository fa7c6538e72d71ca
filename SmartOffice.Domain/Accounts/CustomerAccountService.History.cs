using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>The customer page's history tab (履歴), a use case of its own beside the account's changes.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>The history tab: every audited change of the customer, its departments and its web users, newest first.</summary>
    public async Task<CustomerHistory> HistoryAsync(int customerId, int skip = 0, int take = HistoryPage,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var c = await db.Customers.AsNoTracking().Where(x => x.Id == customerId).Select(x => new { x.Code, x.DealerId })
                    .FirstOrDefaultAsync(cancellationToken)
                ?? throw new BusinessRuleException("Accounts.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountView, c.DealerId);
        var userIds = db.WebUsers.Where(u => u.Department!.CustomerId == customerId).Select(u => u.UserId);
        var departmentIds = db.Departments.Where(d => d.CustomerId == customerId).Select(d => d.Id.ToString());
        var entries = db.AuditEntries.AsNoTracking().Where(a =>
            (a.EntityType == nameof(Customer) && a.EntityId == c.Code)
            || (a.EntityType == nameof(WebUser) && userIds.Contains(a.EntityId))
            || (a.EntityType == nameof(Department) && departmentIds.Contains(a.EntityId)));
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return new CustomerHistory(await OtherDealersCodes.HideAsync(db, staff, page, cancellationToken), total);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// Dealer account customisation (docs/business-rules.md §2, §3, §5, §6): the dealer rep's own customers, their settings (point opt-out,
/// volume discount, notes), departments and budgets, ship-tos, web users, order locks and approval rules. Reps see and
/// change only their dealer's customers (scoped in every query); desk agents read; supervisors and administrators change all.
/// Every change names who at the customer asked for it, is audited with before/after, and refuses a stale screen.
/// </summary>
public sealed partial class CustomerAccountService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock)
{
    public const decimal MaxDiscountPercent = 50m;
    private const int HistoryPage = 50;
    private const string CustomerChanged = "Accounts.CustomerChanged";
    private const string DepartmentChanged = "Accounts.DepartmentChanged";
    private const string ShipToChanged = "Accounts.ShipToChanged";
    private const string WebUserChanged = "Accounts.WebUserChanged";

    /// <summary>The whole account; a rep of another dealer is refused even with the right id.</summary>
    public async Task<CustomerAccount> GetAsync(int customerId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var c = await db.Customers.AsNoTracking().Include(x => x.Region).Include(x => x.Dealer)
                    .FirstOrDefaultAsync(x => x.Id == customerId, cancellationToken)
                ?? throw new BusinessRuleException("Accounts.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountView, c.DealerId);

        var rules = await db.ApprovalRules.AsNoTracking()
            .Where(r => db.Departments.Any(d => d.Id == r.DepartmentId && d.CustomerId == customerId))
            .ToDictionaryAsync(r => r.DepartmentId, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().Where(d => d.CustomerId == customerId).OrderBy(d => d.Code)
            .ToListAsync(cancellationToken))
            .Select(d => new DepartmentView(d.Id, d.Code, d.Name, d.PostalCode, d.Address, d.Phone, d.MonthlyBudget, d.BudgetKind,
                d.IsActive, d.Version,
                rules.TryGetValue(d.Id, out var r)
                    ? new ApprovalView(r.Condition, r.Threshold, r.Approver1WebUserId, r.Approver2WebUserId)
                    : new ApprovalView(ApprovalCondition.None, null, null, null)))
            .ToList();
        var shipTos = await db.ShipTos.AsNoTracking().Where(s => s.CustomerId == customerId).OrderBy(s => s.Id)
            .Select(s => new ShipToView(s.Id, s.Name, s.PostalCode, s.Address, s.Phone, s.IsActive, s.Version))
                .ToListAsync(cancellationToken);
        var webUsers = await db.WebUsers.AsNoTracking().Where(u => u.Department!.CustomerId == customerId)
            .OrderBy(u => u.Department!.Code).ThenBy(u => u.UserId)
            .Select(u => new AccountWebUser(u.Id, u.DepartmentId, u.Department!.Name, u.UserId, u.Name, u.Email, u.IsAdministrator,
                u.IsActive,
                u.LockedAt != null, u.Version))
            .ToListAsync(cancellationToken);
        var locks = await (from l in db.OrderLocks.AsNoTracking().Where(l => l.CustomerId == customerId)
                           join p in db.Products on l.ProductId equals p.Id into ps
                           from p in ps.DefaultIfEmpty()
                           join k in db.ProductCategories on l.CategoryId equals k.Id into ks
                           from k in ks.DefaultIfEmpty()
                           orderby l.Id
                           select new OrderLockView(l.Id, l.ProductId != null ? OrderLockKind.Product : OrderLockKind.Category,
                               p != null ? p.Code : k!.Code, p != null ? p.Name : k!.Name, l.RequestedBy, l.CreatedAt))
            .ToListAsync(cancellationToken);
        var settings = SettingsOf(c);
        return new CustomerAccount(c.Id, c.Code, c.Name, c.NameKana, c.PostalCode, c.Address, c.Phone, c.Fax, c.Region!.Name,
            c.Dealer!.Name,
            c.IsActive, c.CatalogShippedOn, c.Version, settings, departments, shipTos, webUsers, locks,
            AccessPolicy.Allows(staff, Capability.AccountEdit) && AccessPolicy.MaySeeCustomerOf(staff, c.DealerId));
    }

    private IQueryable<Customer> Visible(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var customers = db.Customers.AsNoTracking();
        return dealer is null ? customers : customers.Where(c => c.DealerId == dealer);
    }

    /// <summary>The customer, when the caller may change its account (reps: their dealer's only).</summary>
    private async Task<Customer> LoadCustomerAsync(SmartOfficeDbContext db, int customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
                       ?? throw new BusinessRuleException("Accounts.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountEdit, customer.DealerId);
        return customer;
    }

    private async Task<Customer> LoadCustomerForEditAsync(SmartOfficeDbContext db, int customerId, int version,
        CancellationToken cancellationToken) =>
        (await LoadCustomerAsync(db, customerId, cancellationToken)).AsSeen(version, CustomerChanged);
}

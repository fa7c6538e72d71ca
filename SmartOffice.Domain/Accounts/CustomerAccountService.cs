using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

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

        var rules = await db.ApprovalRules.AsNoTracking().Where(r => db.Departments.Any(d => d.Id == r.DepartmentId && d.CustomerId == customerId))
            .ToDictionaryAsync(r => r.DepartmentId, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().Where(d => d.CustomerId == customerId).OrderBy(d => d.Code).ToListAsync(cancellationToken))
            .Select(d => new DepartmentView(d.Id, d.Code, d.Name, d.PostalCode, d.Address, d.Phone, d.MonthlyBudget, d.BudgetKind, d.IsActive, d.Version,
                rules.TryGetValue(d.Id, out var r)
                    ? new ApprovalView(r.Condition, r.Threshold, r.Approver1WebUserId, r.Approver2WebUserId)
                    : new ApprovalView(ApprovalCondition.None, null, null, null)))
            .ToList();
        var shipTos = await db.ShipTos.AsNoTracking().Where(s => s.CustomerId == customerId).OrderBy(s => s.Id)
            .Select(s => new ShipToView(s.Id, s.Name, s.PostalCode, s.Address, s.Phone, s.IsActive, s.Version)).ToListAsync(cancellationToken);
        var webUsers = await db.WebUsers.AsNoTracking().Where(u => u.Department!.CustomerId == customerId)
            .OrderBy(u => u.Department!.Code).ThenBy(u => u.UserId)
            .Select(u => new AccountWebUser(u.Id, u.DepartmentId, u.Department!.Name, u.UserId, u.Name, u.Email, u.IsAdministrator, u.IsActive,
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
        var settings = new CustomerSettings(c.PointsOptedOut, c.PointsOptOutFrom, c.VolumeDiscountRate * 100m, c.DeliverySlipNote, c.BillingNote);
        return new CustomerAccount(c.Id, c.Code, c.Name, c.NameKana, c.PostalCode, c.Address, c.Phone, c.Fax, c.Region!.Name, c.Dealer!.Name,
            c.IsActive, c.CatalogShippedOn, c.Version, settings, departments, shipTos, webUsers, locks,
            AccessPolicy.Allows(staff, Capability.AccountEdit) && AccessPolicy.MaySeeCustomerOf(staff, c.DealerId));
    }

    /// <summary>Point opt-out (from a date, today or later), volume discount 0–50 %, delivery-slip and billing notes.</summary>
    public async Task UpdateSettingsAsync(SettingsChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = change.RequestedBy.Describe();
        var s = change.Settings;
        if (s.VolumeDiscountPercent is < 0 or > MaxDiscountPercent)
            throw new BusinessRuleException("Accounts.DiscountRange", MaxDiscountPercent);
        if (decimal.Round(s.VolumeDiscountPercent, 1) != s.VolumeDiscountPercent)
            throw new BusinessRuleException("Accounts.DiscountPrecision");
        DateOnly? optOutFrom = null;
        if (s.PointsOptedOut)
        {
            optOutFrom = s.PointsOptOutFrom ?? throw new BusinessRuleException("Accounts.OptOutDateRequired");
        }
        var slipNote = AccountInput.Optional(s.DeliverySlipNote, "DeliverySlipNote", 200);
        var billingNote = AccountInput.Optional(s.BillingNote, "BillingNote", 200);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerForEditAsync(db, change.CustomerId, change.Version, cancellationToken);
        // An opt-out already in force keeps its date; a new one cannot start in the past (points already earned stay earned).
        if (optOutFrom is { } from && from != customer.PointsOptOutFrom && from < clock.Today)
            throw new BusinessRuleException("Accounts.OptOutDatePast");
        var before = SettingsOf(customer);
        customer.PointsOptedOut = s.PointsOptedOut;
        customer.PointsOptOutFrom = optOutFrom;
        customer.VolumeDiscountRate = s.VolumeDiscountPercent / 100m;
        customer.DeliverySlipNote = slipNote;
        customer.BillingNote = billingNote;
        var after = SettingsOf(customer);
        if (before == after)
            return;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.SettingsChanged", nameof(Customer), customer.Code, before, after, requestedBy));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
    }

    /// <summary>Adds or edits a department; its monthly budget (yen ex-tax, none when empty) is hard (refused) or soft (warned).</summary>
    public async Task<int> SaveDepartmentAsync(DepartmentEdit edit, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = edit.RequestedBy.Describe();
        var (name, postalCode, address, phone) = AccountInput.Place(edit.Name, "DepartmentName", edit.PostalCode, edit.Address, edit.Phone);
        if (edit.MonthlyBudget is <= 0)
            throw new BusinessRuleException("Accounts.BudgetPositive");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, edit.CustomerId, cancellationToken);
        Department department;
        object? before = null;
        if (edit.DepartmentId is { } id)
        {
            department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id && d.CustomerId == customer.Id, cancellationToken)
                         ?? throw new BusinessRuleException("Accounts.DepartmentNotFound");
            department.AsSeen(edit.Version, DepartmentChanged);
            before = DepartmentOf(department);
        }
        else
        {
            var codes = await db.Departments.Where(d => d.CustomerId == customer.Id).Select(d => d.Code).ToListAsync(cancellationToken);
            var next = codes.Select(c => int.TryParse(c, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
            department = new Department { CustomerId = customer.Id, Code = next.ToString("D3"), Name = name, PostalCode = postalCode, Address = address };
            db.Departments.Add(department);
        }
        department.Name = name;
        department.PostalCode = postalCode;
        department.Address = address;
        department.Phone = phone;
        department.MonthlyBudget = edit.MonthlyBudget;
        department.BudgetKind = edit.BudgetKind;
        var after = DepartmentOf(department);
        if (before is not null && before.Equals(after))
            return department.Id;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, before is null ? "Accounts.DepartmentAdded" : "Accounts.DepartmentEdited",
            nameof(Customer), customer.Code, before, after, requestedBy));
        await db.SaveOrRefuseAsync(DepartmentChanged, cancellationToken);
        return department.Id;
    }

    /// <summary>Adds or edits a registered ship-to (登録届け先).</summary>
    public async Task<int> SaveShipToAsync(ShipToEdit edit, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = edit.RequestedBy.Describe();
        var (name, postalCode, address, phone) = AccountInput.Place(edit.Name, "ShipToName", edit.PostalCode, edit.Address, edit.Phone);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, edit.CustomerId, cancellationToken);
        ShipTo shipTo;
        object? before = null;
        if (edit.ShipToId is { } id)
        {
            shipTo = await LoadShipToAsync(db, customer, id, edit.Version, cancellationToken);
            before = ShipToOf(shipTo);
        }
        else
        {
            shipTo = new ShipTo { CustomerId = customer.Id, Name = name, PostalCode = postalCode, Address = address };
            db.ShipTos.Add(shipTo);
        }
        shipTo.Name = name;
        shipTo.PostalCode = postalCode;
        shipTo.Address = address;
        shipTo.Phone = phone;
        var after = ShipToOf(shipTo);
        if (before is not null && before.Equals(after))
            return shipTo.Id;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, before is null ? "Accounts.ShipToAdded" : "Accounts.ShipToEdited",
            nameof(Customer), customer.Code, before, after, requestedBy));
        await db.SaveOrRefuseAsync(ShipToChanged, cancellationToken);
        return shipTo.Id;
    }

    /// <summary>Takes a ship-to out of use (kept for the orders that went there).</summary>
    public async Task DeactivateShipToAsync(int customerId, int shipToId, int version, ChangeRequester requester, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = requester.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, customerId, cancellationToken);
        var shipTo = await LoadShipToAsync(db, customer, shipToId, version, cancellationToken);
        if (!shipTo.IsActive)
            return;
        shipTo.IsActive = false;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.ShipToDeactivated", nameof(Customer), customer.Code,
            new { shipTo.Name, IsActive = true }, new { shipTo.Name, IsActive = false }, requestedBy));
        await db.SaveOrRefuseAsync(ShipToChanged, cancellationToken);
    }

    /// <summary>
    /// Adds a web user (next free ID, a temporary password read out once; the first user of a department becomes its 管理者)
    /// or edits name, e-mail and the 管理者 flag (the department's last administrator keeps it).
    /// </summary>
    public async Task<WebUserSaved> SaveWebUserAsync(WebUserEdit edit, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = edit.RequestedBy.Describe();
        var name = AccountInput.Required(edit.Name, "WebUserName", 60);
        var email = AccountInput.Email(edit.Email);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, edit.CustomerId, cancellationToken);
        if (edit.WebUserId is { } id)
        {
            var user = await db.WebUsers.Include(u => u.Department).FirstOrDefaultAsync(u => u.Id == id && u.Department!.CustomerId == customer.Id, cancellationToken)
                       ?? throw new BusinessRuleException("Accounts.WebUserNotFound");
            user.AsSeen(edit.Version, WebUserChanged);
            var before = new { user.Name, user.Email, user.IsAdministrator };
            if (user.IsAdministrator && !edit.IsAdministrator && user.IsActive)
                await AdministratorRule.KeepOneAsync(db, user, cancellationToken);
            user.Name = name;
            user.Email = email;
            user.IsAdministrator = edit.IsAdministrator;
            var after = new { user.Name, user.Email, user.IsAdministrator };
            if (before.Equals(after))
                return new WebUserSaved(user.Id, user.UserId, null);
            db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.WebUserEdited", nameof(WebUser), user.UserId, before, after, requestedBy));
            await db.SaveOrRefuseAsync(WebUserChanged, cancellationToken);
            return new WebUserSaved(user.Id, user.UserId, null);
        }

        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == edit.DepartmentId && d.CustomerId == customer.Id && d.IsActive, cancellationToken)
                         ?? throw new BusinessRuleException("Accounts.DepartmentNotFound");
        var hasAdministrator = await db.WebUsers.AnyAsync(u => u.DepartmentId == department.Id && u.IsActive && u.IsAdministrator, cancellationToken);
        var added = new WebUser
        {
            DepartmentId = department.Id, UserId = await WebUserIds.NextAsync(db, cancellationToken), Name = name, Email = email,
            IsAdministrator = edit.IsAdministrator || !hasAdministrator, PasswordHash = "",
        };
        var password = TemporaryPassword.Issue(added);
        db.WebUsers.Add(added);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.WebUserAdded", nameof(WebUser), added.UserId, null,
            new { added.Name, added.Email, added.IsAdministrator, Department = department.Name }, requestedBy));
        await db.SaveOrRefuseAsync(WebUserChanged, cancellationToken);
        return new WebUserSaved(added.Id, added.UserId, password);
    }

    /// <summary>Removes a web user from the web (kept for its orders and points); never the department's last 管理者 or an approver.</summary>
    public async Task DeactivateWebUserAsync(int customerId, int webUserId, int version, ChangeRequester requester, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = requester.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, customerId, cancellationToken);
        var user = await db.WebUsers.Include(u => u.Department).FirstOrDefaultAsync(u => u.Id == webUserId && u.Department!.CustomerId == customer.Id, cancellationToken)
                   ?? throw new BusinessRuleException("Accounts.WebUserNotFound");
        user.AsSeen(version, WebUserChanged);
        if (!user.IsActive)
            return;
        if (await db.ApprovalRules.AnyAsync(r => r.Condition != ApprovalCondition.None && (r.Approver1WebUserId == user.Id || r.Approver2WebUserId == user.Id), cancellationToken))
            throw new BusinessRuleException("Accounts.ApproverInUse", user.Name);
        if (user.IsAdministrator)
            await AdministratorRule.KeepOneAsync(db, user, cancellationToken);
        user.IsActive = false;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.WebUserRemoved", nameof(WebUser), user.UserId,
            new { IsActive = true }, new { IsActive = false }, requestedBy));
        await db.SaveOrRefuseAsync(WebUserChanged, cancellationToken);
    }

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
            : await db.ProductCategories.Where(k => k.Code.ToUpper() == code).Select(k => new { k.Id, k.Code, k.Name }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
            throw new BusinessRuleException(add.Kind == OrderLockKind.Product ? "Accounts.LockProductUnknown" : "Accounts.LockCategoryUnknown", code);
        var productId = add.Kind == OrderLockKind.Product ? target.Id : (int?)null;
        var categoryId = add.Kind == OrderLockKind.Category ? target.Id : (int?)null;
        if (await db.OrderLocks.AnyAsync(l => l.CustomerId == customer.Id && l.ProductId == productId && l.CategoryId == categoryId, cancellationToken))
            throw new BusinessRuleException("Accounts.LockExists", target.Code);
        db.OrderLocks.Add(new OrderLock
        {
            CustomerId = customer.Id, ProductId = productId, CategoryId = categoryId, RequestedBy = requestedBy, CreatedAt = time.GetUtcNow(),
        });
        // The lock list belongs to the customer: its version guards two staff editing the list at once.
        db.Entry(customer).Property(c => c.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.OrderLockAdded", nameof(Customer), customer.Code, null,
            new { Kind = add.Kind, target.Code, target.Name }, requestedBy));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
    }

    public async Task RemoveOrderLockAsync(int customerId, int version, int orderLockId, ChangeRequester requester, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = requester.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerForEditAsync(db, customerId, version, cancellationToken);
        var orderLock = await db.OrderLocks.FirstOrDefaultAsync(l => l.Id == orderLockId && l.CustomerId == customer.Id, cancellationToken)
                        ?? throw new BusinessRuleException(CustomerChanged);
        var target = orderLock.ProductId is { } productId
            ? await db.Products.Where(p => p.Id == productId).Select(p => new { p.Code, p.Name }).FirstAsync(cancellationToken)
            : await db.ProductCategories.Where(k => k.Id == orderLock.CategoryId).Select(k => new { k.Code, k.Name }).FirstAsync(cancellationToken);
        db.OrderLocks.Remove(orderLock);
        db.Entry(customer).Property(c => c.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.OrderLockRemoved", nameof(Customer), customer.Code,
            new { Kind = orderLock.ProductId is null ? OrderLockKind.Category : OrderLockKind.Product, target.Code, target.Name }, null, requestedBy));
        await db.SaveOrRefuseAsync(CustomerChanged, cancellationToken);
    }

    /// <summary>
    /// 承認発注: none, all orders, slip total ≥ X, any unit price ≥ X or over budget; approver 1 and an optional approver 2, both
    /// active web users of the department.
    /// </summary>
    public async Task SetApprovalAsync(ApprovalChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = change.RequestedBy.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.Include(d => d.Customer).FirstOrDefaultAsync(d => d.Id == change.DepartmentId, cancellationToken)
                         ?? throw new BusinessRuleException("Accounts.DepartmentNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountEdit, department.Customer!.DealerId);
        department.AsSeen(change.DepartmentVersion, DepartmentChanged);

        var none = change.Condition == ApprovalCondition.None;
        var threshold = change.Condition is ApprovalCondition.SlipTotalAtLeast or ApprovalCondition.AnyUnitPriceAtLeast ? change.Threshold : null;
        if (threshold is null && change.Condition is ApprovalCondition.SlipTotalAtLeast or ApprovalCondition.AnyUnitPriceAtLeast
            || threshold is <= 0)
            throw new BusinessRuleException("Accounts.ThresholdRequired");
        if (change.Condition == ApprovalCondition.OverBudget && department.MonthlyBudget is null)
            throw new BusinessRuleException("Accounts.OverBudgetNeedsBudget", department.Name);
        int? approver1 = none ? null : change.Approver1WebUserId ?? throw new BusinessRuleException("Accounts.Approver1Required");
        int? approver2 = none ? null : change.Approver2WebUserId;
        if (approver2 is not null && approver2 == approver1)
            throw new BusinessRuleException("Accounts.ApproversSame");
        var approvers = new[] { approver1, approver2 }.OfType<int>().ToList();
        var valid = await db.WebUsers.CountAsync(u => approvers.Contains(u.Id) && u.DepartmentId == department.Id && u.IsActive, cancellationToken);
        if (valid != approvers.Count)
            throw new BusinessRuleException("Accounts.ApproverNotInDepartment", department.Name);

        var rule = await db.ApprovalRules.FirstOrDefaultAsync(r => r.DepartmentId == department.Id, cancellationToken);
        var before = rule is null ? new ApprovalView(ApprovalCondition.None, null, null, null)
            : new ApprovalView(rule.Condition, rule.Threshold, rule.Approver1WebUserId, rule.Approver2WebUserId);
        var after = new ApprovalView(change.Condition, threshold, approver1, approver2);
        if (before == after)
            return;
        if (rule is null)
            db.ApprovalRules.Add(rule = new ApprovalRule { DepartmentId = department.Id });
        rule.Condition = change.Condition;
        rule.Threshold = threshold;
        rule.Approver1WebUserId = approver1;
        rule.Approver2WebUserId = approver2;
        db.Entry(department).Property(d => d.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.ApprovalChanged", nameof(Customer), department.Customer.Code,
            new { Department = department.Name, before.Condition, before.Threshold, before.Approver1WebUserId, before.Approver2WebUserId },
            new { Department = department.Name, after.Condition, after.Threshold, after.Approver1WebUserId, after.Approver2WebUserId }, requestedBy));
        await db.SaveOrRefuseAsync(DepartmentChanged, cancellationToken);
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

    private async Task<Customer> LoadCustomerForEditAsync(SmartOfficeDbContext db, int customerId, int version, CancellationToken cancellationToken) =>
        (await LoadCustomerAsync(db, customerId, cancellationToken)).AsSeen(version, CustomerChanged);

    private static async Task<ShipTo> LoadShipToAsync(SmartOfficeDbContext db, Customer customer, int shipToId, int version, CancellationToken cancellationToken) =>
        (await db.ShipTos.FirstOrDefaultAsync(s => s.Id == shipToId && s.CustomerId == customer.Id, cancellationToken)
         ?? throw new BusinessRuleException("Accounts.ShipToNotFound")).AsSeen(version, ShipToChanged);

    private static CustomerSettings SettingsOf(Customer c) =>
        new(c.PointsOptedOut, c.PointsOptOutFrom, c.VolumeDiscountRate * 100m, c.DeliverySlipNote, c.BillingNote);

    private static object DepartmentOf(Department d) => new { d.Code, d.Name, d.PostalCode, d.Address, d.Phone, d.MonthlyBudget, d.BudgetKind };

    private static object ShipToOf(ShipTo s) => new { s.Name, s.PostalCode, s.Address, s.Phone };
}

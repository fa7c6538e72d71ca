using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// The customer desk's side of ID失効 (docs/business-rules.md §5): the locked queue and web-user search, unlock and temporary
/// passwords after verifying the caller, forgotten IDs, and each department's 管理者 (at least one is kept).
/// Dealer reps see their own customers' lock status only; every change is audited with how the caller was verified.
/// </summary>
public sealed class WebUserLockoutService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    ILogger<WebUserLockoutService> logger)
{
    private const int HistoryShown = 20;
    private const int CallerNameKept = 40;
    private const string ChangedKey = "Accounts.WebUserChanged";

    public async Task<WebUserPage> FindAsync(WebUserQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WebUserLockView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = Found(db, query);
        var total = await users.CountAsync(cancellationToken);
        var rows = await Rows(Ordered(users).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new WebUserPage(rows, total);
    }

    /// <summary>Every web user the queue or search finds, in its order (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<WebUserRow>> ExportAsync(WebUserQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WebUserLockView);
        return await ListRows.OpenAsync(contexts, db => Rows(Ordered(Found(db, query))), cancellationToken);
    }

    private IQueryable<WebUser> Found(SmartOfficeDbContext db, WebUserQuery query)
    {
        var users = Visible(db);
        if (query.LockedOnly)
            users = users.Where(u => u.LockedAt != null);
        var text = JapaneseInput.Normalize(query.Text);
        if (text.Length == 0)
            return users;
        // A person's name as stored (NFKC, ー kept), spaces and ・ left out on both sides.
        var name = new string(text.Where(c => c is not (' ' or '・')).ToArray());
        var lower = text.ToLowerInvariant();
        var code = JapaneseInput.NormalizeCode(text);
        var company = JapaneseInput.FoldForSearch(text);
        return users.Where(u => u.UserId.Contains(lower)
                                || u.Name.Replace(" ", "").Replace("・", "").Contains(name)
                                || (u.Email != null && u.Email.ToLower().Contains(lower))
                                || u.Department!.Customer!.Code == code
                                || u.Department!.Customer!.SearchKey.Contains(company));
    }

    /// <summary>Newest lock first; the never-locked follow in ID order.</summary>
    private static IQueryable<WebUser> Ordered(IQueryable<WebUser> users) => users.OrderByDescending(u => u.LockedAt).ThenBy(u => u.UserId);

    public async Task<WebUserDetail> GetAsync(int webUserId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WebUserLockView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await Rows(Visible(db).Where(u => u.Id == webUserId)).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new BusinessRuleException("Accounts.WebUserNotFound");
        var owner = await db.WebUsers.AsNoTracking().Where(u => u.Id == webUserId)
            .Select(u => new { u.Version, u.Department!.CustomerId }).FirstAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.CustomerId == owner.CustomerId && d.IsActive)
            .OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Id, d.Code, d.Name)).ToListAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(WebUser) && a.EntityId == user.UserId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(HistoryShown).ToListAsync(cancellationToken);
        return new WebUserDetail(user, owner.Version, departments, history, owner.CustomerId);
    }

    /// <summary>The departments of a customer, for the agent to pick the one the caller names; none for an unknown code.</summary>
    public async Task<IReadOnlyList<DepartmentChoice>> DepartmentsOfCustomerAsync(string? customerCode,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WebUserUnlock);
        var code = JapaneseInput.NormalizeCode(customerCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().Where(d => d.Customer!.Code == code && d.IsActive)
            .OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Id, d.Code, d.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Unlocks the ID (count back to 0) after the caller was verified; optionally issues a temporary password that
    /// must be changed at the next sign-in. An unlocked user may only be given a temporary password.
    /// </summary>
    public async Task<UnlockResult> UnlockAsync(UnlockRequest request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WebUserUnlock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.WebUsers.Include(u => u.Department!.Customer)
            .FirstOrDefaultAsync(u => u.Id == request.WebUserId, cancellationToken)
                   ?? throw new BusinessRuleException("Accounts.WebUserNotFound");
        var department = await VerifiedAsync(db, request.Verification, user.Department!.Customer!, user.Department, nameof(WebUser),
            user.UserId, cancellationToken);
        user.AsSeen(request.Version, ChangedKey);
        if (user.LockedAt is null && !request.IssueTemporaryPassword)
            throw new BusinessRuleException("Accounts.NotLocked", user.UserId);

        var before = new { user.LockedAt, user.FailedPasswordCount };
        user.LockedAt = null;
        user.FailedPasswordCount = 0;
        string? temporary = null;
        if (request.IssueTemporaryPassword)
        {
            temporary = TemporaryPassword.Issue(user);
        }
        // The audit says a temporary password was issued, never which.
        var after = new { user.LockedAt, user.FailedPasswordCount, TemporaryPassword = request.IssueTemporaryPassword };
        var action = (before.LockedAt is null, request.IssueTemporaryPassword) switch
        {
            (true, _) => "Accounts.TemporaryPasswordIssued",
            (false, true) => "Accounts.WebUserUnlockedWithTemporaryPassword",
            (false, false) => "Accounts.WebUserUnlocked",
        };
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, action, nameof(WebUser), user.UserId, before, after,
            VerifiedBy(request.Verification, department)));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        return new UnlockResult(temporary);
    }

    /// <summary>Forgotten ID: the user IDs of the verified caller's department (the disclosure is audited).</summary>
    public async Task<IReadOnlyList<DepartmentUserId>> ForgottenUserIdsAsync(CallerVerification verification,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WebUserUnlock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = JapaneseInput.NormalizeCode(verification.CustomerCode);
        var customer = await db.Customers.Include(c => c.Departments).FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        var department = customer is null
            ? throw new BusinessRuleException(
                MissingVerification(verification) ? "Accounts.VerificationRequired" : "Accounts.CustomerCodeMismatch")
            : await VerifiedAsync(db, verification, customer, customer.Departments.FirstOrDefault(d => d.Id == verification.DepartmentId),
                nameof(Customer), customer.Code, cancellationToken);
        var ids = await db.WebUsers.AsNoTracking().Where(u => u.DepartmentId == department.Id && u.IsActive).OrderBy(u => u.UserId)
            .Select(u => new DepartmentUserId(u.UserId, u.Name, u.IsAdministrator, u.LockedAt != null)).ToListAsync(cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.UserIdsDisclosed", nameof(Department), department.Id,
            null, new { Count = ids.Count }, VerifiedBy(verification, department)));
        await db.SaveChangesAsync(cancellationToken);
        return ids;
    }

    /// <summary>Sets or clears a web user's 管理者 flag; the department's last administrator keeps it.</summary>
    public async Task SetAdministratorAsync(AdministratorChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        if (string.IsNullOrWhiteSpace(change.RequestedBy))
            throw new BusinessRuleException("Accounts.RequestedByRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadForEditAsync(db, change.WebUserId, change.Version, cancellationToken);
        if (user.IsAdministrator == change.IsAdministrator)
            return;
        if (!change.IsAdministrator)
            await AdministratorRule.KeepOneAsync(db, user, cancellationToken);
        user.IsAdministrator = change.IsAdministrator;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.AdministratorChanged", nameof(WebUser), user.UserId,
            new { IsAdministrator = !change.IsAdministrator }, new { change.IsAdministrator }, change.RequestedBy.Trim()));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    /// <summary>Removes a web user from the web (deactivated, kept for its orders and points); never the department's last 管理者.</summary>
    public async Task RemoveAsync(int webUserId, int version, string requestedBy, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        if (string.IsNullOrWhiteSpace(requestedBy))
            throw new BusinessRuleException("Accounts.RequestedByRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await LoadForEditAsync(db, webUserId, version, cancellationToken);
        if (user.IsAdministrator)
            await AdministratorRule.KeepOneAsync(db, user, cancellationToken);
        user.IsActive = false;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.WebUserRemoved", nameof(WebUser), user.UserId,
            new { IsActive = true }, new { IsActive = false }, requestedBy.Trim()));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    /// <summary>Dealer reps see their own dealer's customers only.</summary>
    private IQueryable<WebUser> Visible(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var users = db.WebUsers.AsNoTracking();
        return dealer is null ? users : users.Where(u => u.Department!.Customer!.DealerId == dealer);
    }

    private static IQueryable<WebUserRow> Rows(IQueryable<WebUser> users) => users.Select(u => new WebUserRow(
        u.Id, u.UserId, u.Name, u.Email, u.Department!.Customer!.Code, u.Department.Customer.Name, u.Department.Name,
        u.IsAdministrator, u.IsActive, u.MustChangePassword, u.FailedPasswordCount, u.LockedAt, u.LastFailedAt, u.LastSignInAt));

    private async Task<WebUser> LoadForEditAsync(SmartOfficeDbContext db, int webUserId, int version, CancellationToken cancellationToken)
    {
        var user = await db.WebUsers.Include(u => u.Department!.Customer).FirstOrDefaultAsync(u => u.Id == webUserId, cancellationToken)
                   ?? throw new BusinessRuleException("Accounts.WebUserNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountEdit, user.Department!.Customer!.DealerId);
        return user.AsSeen(version, ChangedKey);
    }

    private static bool MissingVerification(CallerVerification v) =>
        string.IsNullOrWhiteSpace(v.CustomerCode) || JapaneseInput.Digits(v.PhoneOrFax).Length == 0 || v.DepartmentId is null;

    /// <summary>
    /// 本人確認 that failed on the records (not merely incomplete) leaves a history entry and a log line with what the caller
    /// gave, so repeated guesses at a customer's ID are seen; then the refusal goes to the agent as before.
    /// </summary>
    private async Task<Department> VerifiedAsync(SmartOfficeDbContext db, CallerVerification v, Customer customer, Department? department,
        string entityType, object entityId, CancellationToken cancellationToken)
    {
        try
        {
            return Verify(v, customer, department);
        }
        catch (BusinessRuleException e) when (e.Key != "Accounts.VerificationRequired")
        {
            var given = new { CustomerCode = JapaneseInput.NormalizeCode(v.CustomerCode), PhoneOrFax = JapaneseInput.Digits(v.PhoneOrFax),
                v.DepartmentId, Failed = e.Key };
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.VerificationFailed", entityType, entityId, null, given,
                (v.CallerName ?? "").Trim() is { Length: > 0 } caller ? caller[..Math.Min(caller.Length, CallerNameKept)] : null));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Caller verification failed for {EntityType} {EntityId} by staff {StaffId}: {Failed}",
                entityType, entityId, staff.Id, e.Key);
            throw;
        }
    }

    /// <summary>本人確認: every item must be given and match the records, else nothing happens.</summary>
    private static Department Verify(CallerVerification v, Customer customer, Department? department)
    {
        if (MissingVerification(v))
            throw new BusinessRuleException("Accounts.VerificationRequired");
        if (JapaneseInput.NormalizeCode(v.CustomerCode) != customer.Code)
            throw new BusinessRuleException("Accounts.CustomerCodeMismatch");
        var digits = JapaneseInput.Digits(v.PhoneOrFax);
        if (department is null || department.Id != v.DepartmentId)
            throw new BusinessRuleException("Accounts.DepartmentMismatch");
        if (digits != customer.PhoneDigits && digits != customer.FaxDigits && digits != JapaneseInput.Digits(department.Phone))
            throw new BusinessRuleException("Accounts.PhoneMismatch");
        return department;
    }

    private static string VerifiedBy(CallerVerification v, Department department)
    {
        var caller = (v.CallerName ?? "").Trim();
        return string.Format(DomainText.DataCulture, DomainText.ForData("Accounts.VerifiedBy"),
            JapaneseInput.NormalizeCode(v.CustomerCode), JapaneseInput.Digits(v.PhoneOrFax), department.Name,
            caller.Length > CallerNameKept ? caller[..CallerNameKept] : caller).TrimEnd();
    }
}

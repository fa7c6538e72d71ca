using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>The account page's web-user tab (Web利用者): add, edit and remove web users.</summary>
public sealed partial class CustomerAccountService
{
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
            var user = await db.WebUsers.Include(u => u.Department)
                .FirstOrDefaultAsync(u => u.Id == id && u.Department!.CustomerId == customer.Id, cancellationToken)
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
            db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.WebUserEdited", nameof(WebUser), user.UserId, before, after,
                requestedBy));
            await db.SaveOrRefuseAsync(WebUserChanged, cancellationToken);
            return new WebUserSaved(user.Id, user.UserId, null);
        }

        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == edit.DepartmentId && d.CustomerId == customer.Id
            && d.IsActive, cancellationToken)
                         ?? throw new BusinessRuleException("Accounts.DepartmentNotFound");
        var hasAdministrator = await db.WebUsers.AnyAsync(u => u.DepartmentId == department.Id && u.IsActive && u.IsAdministrator,
            cancellationToken);
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
    public async Task DeactivateWebUserAsync(int customerId, int webUserId, int version, ChangeRequester requester,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = requester.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await LoadCustomerAsync(db, customerId, cancellationToken);
        var user = await db.WebUsers.Include(u => u.Department)
            .FirstOrDefaultAsync(u => u.Id == webUserId && u.Department!.CustomerId == customer.Id, cancellationToken)
                   ?? throw new BusinessRuleException("Accounts.WebUserNotFound");
        user.AsSeen(version, WebUserChanged);
        if (!user.IsActive)
            return;
        if (await db.ApprovalRules.AnyAsync(r => r.Condition != ApprovalCondition.None
            && (r.Approver1WebUserId == user.Id || r.Approver2WebUserId == user.Id), cancellationToken))
            throw new BusinessRuleException("Accounts.ApproverInUse", user.Name);
        if (user.IsAdministrator)
            await AdministratorRule.KeepOneAsync(db, user, cancellationToken);
        user.IsActive = false;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Accounts.WebUserRemoved", nameof(WebUser), user.UserId,
            new { IsActive = true }, new { IsActive = false }, requestedBy));
        await db.SaveOrRefuseAsync(WebUserChanged, cancellationToken);
    }
}

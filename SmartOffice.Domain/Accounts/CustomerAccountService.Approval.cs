using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Accounts;

/// <summary>The account page's approval tab (承認発注): the department's approval rule.</summary>
public sealed partial class CustomerAccountService
{
    /// <summary>
    /// 承認発注: none, all orders, slip total ≥ X, any unit price ≥ X or over budget; approver 1 and an optional approver 2, both
    /// active web users of the department.
    /// </summary>
    public async Task SetApprovalAsync(ApprovalChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.AccountEdit);
        var requestedBy = change.RequestedBy.Describe();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.Include(d => d.Customer)
            .FirstOrDefaultAsync(d => d.Id == change.DepartmentId, cancellationToken)
                         ?? throw new BusinessRuleException("Accounts.DepartmentNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.AccountEdit, department.Customer!.DealerId);
        department.AsSeen(change.DepartmentVersion, DepartmentChanged);

        var none = change.Condition == ApprovalCondition.None;
        var threshold = change.Condition is ApprovalCondition.SlipTotalAtLeast or ApprovalCondition.AnyUnitPriceAtLeast
            ? change.Threshold
            : null;
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
        var valid = await db.WebUsers.CountAsync(u => approvers.Contains(u.Id) && u.DepartmentId == department.Id && u.IsActive,
            cancellationToken);
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
            new { Department = department.Name, after.Condition, after.Threshold, after.Approver1WebUserId, after.Approver2WebUserId },
                requestedBy));
        await db.SaveOrRefuseAsync(DepartmentChanged, cancellationToken);
    }
}

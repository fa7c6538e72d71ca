using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// 承認発注 for the web storefront: orderer → approver 1 → approver 2 at most, under the department's rule. The storefront
/// has no staff caller, so there is no access check (like <see cref="WebUserSignInService"/>).
/// </summary>
public sealed class ApprovalEvaluator(IDbContextFactory<SmartOfficeDbContext> contexts)
{
    /// <summary>The rule alone: "≥ X" includes X.</summary>
    public static bool Needs(ApprovalCondition condition, int? threshold, ApprovalOrder order) => condition switch
    {
        ApprovalCondition.None => false,
        ApprovalCondition.AllOrders => true,
        ApprovalCondition.SlipTotalAtLeast => order.SlipTotal >= threshold,
        ApprovalCondition.AnyUnitPriceAtLeast => order.MaxUnitPrice >= threshold,
        ApprovalCondition.OverBudget => order.OverBudget,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    public async Task<ApprovalDecision> EvaluateAsync(ApprovalOrder order, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rule = await db.ApprovalRules.AsNoTracking().FirstOrDefaultAsync(r => r.DepartmentId == order.DepartmentId, cancellationToken);
        if (rule is null || !Needs(rule.Condition, rule.Threshold, order))
            return new ApprovalDecision(false, rule?.Condition ?? ApprovalCondition.None, []);
        var ids = new[] { rule.Approver1WebUserId, rule.Approver2WebUserId }.OfType<int>().ToList();
        var users = await db.WebUsers.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new Approver(u.Id, u.UserId, u.Name)).ToListAsync(cancellationToken);
        var approvers = ids.Select(id => users.FirstOrDefault(u => u.WebUserId == id)).OfType<Approver>().ToList();
        // A rule whose approvers have all left cannot route the order: the department's 管理者 must name a new one.
        if (approvers.Count == 0)
            throw new BusinessRuleException("Accounts.NoActiveApprover");
        return new ApprovalDecision(true, rule.Condition, approvers);
    }
}

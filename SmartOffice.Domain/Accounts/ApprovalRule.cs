using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

public enum ApprovalCondition
{
    None,
    AllOrders,
    SlipTotalAtLeast,
    AnyUnitPriceAtLeast,
    OverBudget,
}

/// <summary>承認発注 — when a department's web orders need approval, and by whom (two levels at most).</summary>
public class ApprovalRule : IVersioned
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public ApprovalCondition Condition { get; set; }
    /// <summary>Yen ex-tax for the threshold conditions.</summary>
    public int? Threshold { get; set; }
    public int? Approver1WebUserId { get; set; }
    public int? Approver2WebUserId { get; set; }
    public int Version { get; set; }
}

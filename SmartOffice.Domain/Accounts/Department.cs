using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Accounts;

public enum BudgetKind
{
    /// <summary>Orders over budget are refused.</summary>
    Hard,
    /// <summary>The agent is warned and must confirm.</summary>
    Soft,
}

/// <summary>部署 — an ordering unit of a customer; ships to its own address by default.</summary>
public class Department : IVersioned
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string PostalCode { get; set; }
    public required string Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>予算管理: monthly budget in yen ex-tax; null = no budget.</summary>
    public int? MonthlyBudget { get; set; }
    public BudgetKind BudgetKind { get; set; } = BudgetKind.Hard;
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    public List<WebUser> WebUsers { get; set; } = [];
}

using SmartOffice.Domain.Auditing;

namespace SmartOffice.Domain.Accounts;

/// <summary>How the customer asked for a change.</summary>
public enum RequestChannel { Phone, Fax, Visit }

/// <summary>
/// 依頼者: who at the customer asked for an account change (their administrator) and how. Required on every change the
/// console keys for a customer (docs/business-rules.md §3: "every change records who asked").
/// </summary>
public sealed record ChangeRequester(string? Name, RequestChannel? Channel)
{
    private const int NameKept = 60;

    /// <summary>The requester as the audit stores it, e.g. 「山田 花子 様(電話)」, in the business's language.</summary>
    internal string Describe()
    {
        var name = (Name ?? "").Trim();
        if (name.Length == 0 || Channel is null)
            throw new BusinessRuleException("Accounts.RequesterRequired");
        if (name.Length > NameKept)
            name = name[..NameKept];
        return string.Format(DomainText.DataCulture, DomainText.ForData("Accounts.RequestedByFormat"), name,
            DomainText.ForData("Accounts.Channel." + Channel));
    }
}

public sealed record CustomerQuery(string? Text, int Skip, int Take);

public sealed record CustomerRow(int Id, string Code, string Name, string NameKana, string Phone, string? Fax, string RegionName,
    string DealerName, bool IsActive);

public sealed record CustomerPage(IReadOnlyList<CustomerRow> Rows, int Total);

/// <summary>The dealer-kept settings of a customer. <see cref="VolumeDiscountPercent"/> is 0–50 (%).</summary>
public sealed record CustomerSettings(bool PointsOptedOut, DateOnly? PointsOptOutFrom, decimal VolumeDiscountPercent,
    string? DeliverySlipNote, string? BillingNote);

public sealed record ApprovalView(ApprovalCondition Condition, int? Threshold, int? Approver1WebUserId, int? Approver2WebUserId);

public sealed record DepartmentView(int Id, string Code, string Name, string PostalCode, string Address, string? Phone,
    int? MonthlyBudget, BudgetKind BudgetKind, bool IsActive, int Version, ApprovalView Approval);

public sealed record ShipToView(int Id, string Name, string PostalCode, string Address, string? Phone, bool IsActive, int Version);

public sealed record AccountWebUser(int Id, int DepartmentId, string DepartmentName, string UserId, string Name, string? Email,
    bool IsAdministrator, bool IsActive, bool IsLocked, int Version);

public enum OrderLockKind { Product, Category }

public sealed record OrderLockView(int Id, OrderLockKind Kind, string Code, string Name, string? RequestedBy, DateTimeOffset CreatedAt);

/// <summary>
/// One customer account as the detail page shows it. <see cref="Version"/> is the customer's, checked by settings, lock
/// and registration changes; <see cref="MayEdit"/> says whether the caller may change it (desk agents read only).
/// </summary>
public sealed record CustomerAccount(int Id, string Code, string Name, string NameKana, string PostalCode, string Address,
    string Phone, string? Fax, string RegionName, string DealerName, bool IsActive, DateOnly? CatalogShippedOn, int Version,
    CustomerSettings Settings, IReadOnlyList<DepartmentView> Departments, IReadOnlyList<ShipToView> ShipTos,
    IReadOnlyList<AccountWebUser> WebUsers, IReadOnlyList<OrderLockView> OrderLocks, bool MayEdit);

public sealed record SettingsChange(int CustomerId, int Version, CustomerSettings Settings, ChangeRequester RequestedBy);

/// <summary>Adds (<see cref="DepartmentId"/> null; the code is the next free one) or edits a department and its monthly budget.</summary>
public sealed record DepartmentEdit(int CustomerId, int? DepartmentId, int Version, string? Name, string? PostalCode,
    string? Address, string? Phone, int? MonthlyBudget, BudgetKind BudgetKind, ChangeRequester RequestedBy);

/// <summary>Adds (<see cref="ShipToId"/> null) or edits a registered ship-to.</summary>
public sealed record ShipToEdit(int CustomerId, int? ShipToId, int Version, string? Name, string? PostalCode, string? Address,
    string? Phone, ChangeRequester RequestedBy);

/// <summary>Adds (<see cref="WebUserId"/> null, in <see cref="DepartmentId"/>) or edits a web user.</summary>
public sealed record WebUserEdit(int CustomerId, int? WebUserId, int Version, int DepartmentId, string? Name, string? Email,
    bool IsAdministrator, ChangeRequester RequestedBy);

/// <summary>A new web user's ID and the temporary password to read out once (null after an edit).</summary>
public sealed record WebUserSaved(int WebUserId, string UserId, string? TemporaryPassword);

/// <summary>A lock on a product code or a category code; the customer's <see cref="Version"/> guards the list.</summary>
public sealed record OrderLockAdd(int CustomerId, int Version, OrderLockKind Kind, string? Code, ChangeRequester RequestedBy);

/// <summary>承認発注 for a department; the department's <see cref="DepartmentVersion"/> guards it.</summary>
public sealed record ApprovalChange(int DepartmentId, int DepartmentVersion, ApprovalCondition Condition, int? Threshold,
    int? Approver1WebUserId, int? Approver2WebUserId, ChangeRequester RequestedBy);

public sealed record CustomerHistory(IReadOnlyList<AuditEntry> Entries, int Total);

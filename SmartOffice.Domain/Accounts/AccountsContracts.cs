using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Domain.Accounts;

// What the Accounts services take and return, in one place (docs/architecture.md, "Issue 27").

// The customer account (CustomerAccountService)

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

// The customer panel (CustomerPanelService)

/// <summary>The customer's 担当販売店 and its contact person, with how to reach them.</summary>
public sealed record PanelDealer(string Name, string? ContactPerson, string Phone, string? Fax, string? Email);

/// <summary>
/// An active department: its monthly budget (none: null) and what orders with a 受付日 this month (Japan) used of it, as order
/// entry's budget check counts; its points as the points page counts them, with the department account to open.
/// </summary>
public sealed record PanelDepartment(int Id, string Code, string Name, int? MonthlyBudget, BudgetKind BudgetKind, long SpentThisMonth,
    int? PointAccountId, int PointBalance, int PointsExpiringThisMonth);

/// <summary>An order not yet delivered in full: its least advanced shipment's status and that shipment's delivery date
/// (null: advised later).</summary>
public sealed record PanelOrder(int Id, string OrderNumber, DateTimeOffset ReceivedAt, ShipmentStatus Status, DateOnly? DeliveryDate,
    int Total);

/// <summary>A return slip still in progress.</summary>
public sealed record PanelReturn(int Id, string SlipNumber, DateOnly FormReceivedOn, ReturnSlipStatus Status);

/// <summary>A line waiting for stock (入荷待ち).</summary>
public sealed record PanelBackOrder(int OrderId, string OrderNumber, int LineNumber, string ProductCode, string ProductName, int Quantity);

/// <summary>A web user whose ID is locked.</summary>
public sealed record PanelLockedUser(int Id, string UserId, string Name, string DepartmentName, DateTimeOffset LockedAt);

/// <summary>A FAX received from the customer.</summary>
public sealed record PanelFax(int Id, DateTimeOffset ReceivedAt, FaxKind Kind, FaxStatus Status);

/// <summary>
/// The customer at a glance (docs/product-enquiry-and-quotes.md): dealer, departments with budget and points, open orders, open
/// returns, back orders, locked web users and the last FAXes. Each list holds at most <see cref="CustomerPanelService.MaxRows"/>
/// rows, newest first, with its full count. <see cref="Faxes"/> is null for callers without the FAX inbox (dealer reps).
/// </summary>
public sealed record CustomerPanelView(int CustomerId, string Code, string Name, string Phone, string? Fax, PanelDealer Dealer,
    IReadOnlyList<PanelDepartment> Departments, IReadOnlyList<PanelOrder> OpenOrders, int OpenOrderCount,
    IReadOnlyList<PanelReturn> OpenReturns, int OpenReturnCount, IReadOnlyList<PanelBackOrder> BackOrders, int BackOrderCount,
    IReadOnlyList<PanelLockedUser> LockedUsers, IReadOnlyList<PanelFax>? Faxes)
{
    public int PointBalance => Departments.Sum(d => d.PointBalance);
    public int PointsExpiringThisMonth => Departments.Sum(d => d.PointsExpiringThisMonth);
}

// Web users' lockouts (WebUserLockoutService)

/// <summary>A page of web users: the locked queue, or a search over all of them.</summary>
public sealed record WebUserQuery(string? Text, bool LockedOnly, int Skip, int Take);

/// <summary>A web user as the desk's lists show one.</summary>
public sealed record WebUserRow(int Id, string UserId, string Name, string? Email, string CustomerCode, string CustomerName,
    string DepartmentName, bool IsAdministrator, bool IsActive, bool MustChangePassword, int FailedPasswordCount,
    DateTimeOffset? LockedAt, DateTimeOffset? LastFailedAt, DateTimeOffset? LastSignInAt)
{
    public bool IsLocked => LockedAt is not null;
}

public sealed record WebUserPage(IReadOnlyList<WebUserRow> Rows, int Total);

public sealed record DepartmentChoice(int Id, string Code, string Name);

/// <summary>One web user with what the unlock desk needs: the <see cref="Version"/> the agent saw, the customer's
/// departments to verify against, and the history.</summary>
public sealed record WebUserDetail(WebUserRow User, int Version, IReadOnlyList<DepartmentChoice> Departments,
    IReadOnlyList<AuditEntry> History,
    int CustomerId);

/// <summary>
/// 本人確認: what the caller told the agent — the customer code, a registered phone or FAX number and their department.
/// The domain checks each against the records; <see cref="CallerName"/> is only recorded.
/// </summary>
public sealed record CallerVerification(string? CustomerCode, string? PhoneOrFax, int? DepartmentId, string? CallerName = null);

public sealed record UnlockRequest(int WebUserId, int Version, CallerVerification Verification, bool IssueTemporaryPassword);

/// <summary>The temporary password, shown once to the agent to read to the caller; it is stored only hashed.</summary>
public sealed record UnlockResult(string? TemporaryPassword);

public sealed record DepartmentUserId(string UserId, string Name, bool IsAdministrator, bool IsLocked);

public sealed record AdministratorChange(int WebUserId, int Version, bool IsAdministrator, string RequestedBy);

// Registration (CustomerRegistrationService)

public sealed record RegistrationChoice(int Id, string Name);

/// <summary>The regions and the dealers a registration may name (a rep: their own dealer only).</summary>
public sealed record RegistrationChoices(IReadOnlyList<RegistrationChoice> Regions, IReadOnlyList<RegistrationChoice> Dealers);

/// <summary>
/// お客様登録: the company, its reading and address, region and dealer, the first department and its 管理者 web user, and
/// whether the catalogue was sent. <see cref="DuplicateConfirmed"/>: the staff member saw the customers with the same phone number.
/// </summary>
public sealed record CustomerRegistration(string? Name, string? NameKana, string? PostalCode, string? Address, string? Phone,
    string? Fax, int RegionId, int DealerId, string? DepartmentName, string? AdministratorName, string? AdministratorEmail,
    bool CatalogShipped, ChangeRequester RequestedBy, bool DuplicateConfirmed = false);

/// <summary>お客様登録内容変更用紙: company name (and reading), address and phone/FAX changes.</summary>
public sealed record RegistrationChange(int CustomerId, int Version, string? Name, string? NameKana, string? PostalCode, string? Address,
    string? Phone, string? Fax, ChangeRequester RequestedBy, bool DuplicateConfirmed = false);

/// <summary>Another customer already registered with the same phone or FAX number.</summary>
public sealed record PhoneDuplicate(int Id, string Code, string Name, string Phone);

/// <summary>
/// Either saved (<see cref="CustomerId"/> set) or held back because <see cref="Duplicates"/> share the phone number and
/// the staff member has not confirmed yet. A new registration returns the administrator's web ID and temporary password once.
/// </summary>
public sealed record RegistrationResult(int? CustomerId, string? CustomerCode, IReadOnlyList<PhoneDuplicate> Duplicates,
    string? AdministratorUserId = null, string? TemporaryPassword = null);

// Approval for the web storefront (ApprovalEvaluator)

/// <summary>
/// A web order as approval sees it (docs/business-rules.md §2): the slip total is the discounted goods subtotal ex-tax without shipping,
/// <see cref="MaxUnitPrice"/> the highest discounted unit price ex-tax, <see cref="OverBudget"/> whether it takes the
/// department past its monthly budget.
/// </summary>
public sealed record ApprovalOrder(int DepartmentId, int SlipTotal, int MaxUnitPrice, bool OverBudget);

public sealed record Approver(int WebUserId, string UserId, string Name);

/// <summary>Whether the order waits for approval, under which condition, and who approves: approver 1, then approver 2.</summary>
public sealed record ApprovalDecision(bool NeedsApproval, ApprovalCondition Condition, IReadOnlyList<Approver> Approvers);

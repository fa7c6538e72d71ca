using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Domain.Accounts;

/// <summary>The customer's 担当販売店 and its contact person, with how to reach them.</summary>
public sealed record PanelDealer(string Name, string? ContactPerson, string Phone, string? Fax, string? Email);

/// <summary>
/// An active department: its monthly budget (none: null) and what orders with a 受付日 this month (Japan) used of it, as order
/// entry's budget check counts; its points as the points page counts them, with the department account to open.
/// </summary>
public sealed record PanelDepartment(int Id, string Code, string Name, int? MonthlyBudget, BudgetKind BudgetKind, long SpentThisMonth,
    int? PointAccountId, int PointBalance, int PointsExpiringThisMonth);

/// <summary>An order not yet delivered in full: its least advanced shipment's status and that shipment's delivery date (null: advised later).</summary>
public sealed record PanelOrder(int Id, string OrderNumber, DateTimeOffset ReceivedAt, ShipmentStatus Status, DateOnly? DeliveryDate, int Total);

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

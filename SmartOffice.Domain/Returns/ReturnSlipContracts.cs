using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Points;

namespace SmartOffice.Domain.Returns;

/// <summary>
/// How the desk finds the original order: its number, a delivery-slip number, or the customer code and a date (ordered
/// or delivered that day).
/// </summary>
public sealed record ReturnOrderLookup(string? OrderNumber, string? DeliverySlipNumber, string? CustomerCode, DateOnly? Date);

public sealed record ReturnOrderHit(int OrderId, string OrderNumber, string CustomerCode, string CustomerName, string DepartmentName,
    DateTimeOffset ReceivedAt, int GoodsSubtotal);

/// <summary>
/// One order line as the return desk sees it: what was delivered, what earlier slips already take back (open slips
/// count too, rejected lines do not), and the 90-day window of its shipment's delivery date.
/// </summary>
public sealed record ReturnOrderLine(int OrderLineId, int LineNumber, string ProductCode, string ProductName, string CategoryName,
    bool NonReturnable, int UnitPrice, int Ordered, int Delivered, int AlreadyReturned, DateOnly? DeliveryDate, DateOnly? LastFormDay,
    int? DaysLeft)
{
    public int Returnable => Math.Max(0, Delivered - AlreadyReturned);
}

public sealed record ReturnOrder(int OrderId, string OrderNumber, string CustomerCode, string CustomerName, string DepartmentName,
    DateTimeOffset ReceivedAt, int GoodsSubtotal, int ShippingFee, int PointsEarned, IReadOnlyList<ReturnOrderLine> Lines,
    IReadOnlyList<ReturnSlipRow> Slips, int CustomerId);

/// <summary>One line of the 返品依頼書: quantity 0 leaves the order line out.</summary>
public sealed record ReturnLineInput(int OrderLineId, int Quantity, ReturnReason Reason, bool Unopened, string? Note = null);

/// <summary>
/// A return slip keyed from the faxed form: <see cref="CustomerCode"/> is the code written on the form (it must be the
/// order's customer); <see cref="FaxReceivedAt"/> when the form came in (now when null) — the 90 days count to its day.
/// <see cref="FaxInboxItemId"/>: the inbox FAX it is keyed from, which the save closes.
/// </summary>
public sealed record ReturnSlipInput(int OrderId, string? CustomerCode, DateTimeOffset? FaxReceivedAt, IReadOnlyList<ReturnLineInput> Lines,
    int? FaxInboxItemId = null);

public sealed record ReturnSlipQuery(ReturnSlipStatus? Status, bool OpenOnly, string? Text, int Skip, int Take);

public sealed record ReturnSlipRow(int Id, string SlipNumber, ReturnSlipStatus Status, DateOnly FormReceivedOn, DateTimeOffset CreatedAt,
    string OrderNumber, string CustomerCode, string CustomerName, int LineCount, int Quantity, int CreditAmount, int Version);

public sealed record ReturnSlipListPage(IReadOnlyList<ReturnSlipRow> Rows, int Total);

public sealed record ReturnSlipLineView(int Id, int OrderLineId, int LineNumber, string ProductCode, string ProductName, int UnitPrice,
    int Quantity, ReturnReason Reason, string? Note, bool Unopened, InspectionResult Inspection, bool OurFault);

public sealed record ReturnSlipDetail(ReturnSlipRow Slip, int OrderId, string DepartmentName, string? CustomerFax, string? RejectReason,
    int CreditTaxStandard, int CreditTaxReduced, int ShippingRefund, int PointsReversed, int PointsShortfall,
    IReadOnlyList<ReturnSlipLineView> Lines, IReadOnlyList<AuditEntry> History, int CustomerId)
{
    public int CreditTotal => Slip.CreditAmount + CreditTaxStandard + CreditTaxReduced + ShippingRefund;
}

/// <summary>What the acceptance / rejection notice faxed back prints: the slip and the desk's contact block.</summary>
public sealed record ReturnNotice(ReturnSlipDetail Detail, DateOnly IssuedOn, DeskContactOptions Contact);

/// <summary>検品: the desk's verdict on one line of the slip.</summary>
public sealed record LineInspection(int ReturnSlipLineId, bool Accepted);

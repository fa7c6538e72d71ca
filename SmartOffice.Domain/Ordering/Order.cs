using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

public enum OrderStatus
{
    /// <summary>受付済.</summary>
    Accepted,
    /// <summary>Web order awaiting 承認.</summary>
    AwaitingApproval,
    /// <summary>Voided by the desk before its batch closed (FAX) or self-cancelled within 10 minutes (Web).</summary>
    Voided,
}

/// <summary>注文 — one FAX or web order; split into one shipment per delivery class.</summary>
public class Order : IVersioned
{
    public int Id { get; set; }
    /// <summary>注文番号.</summary>
    public required string OrderNumber { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>A registered extra ship-to (登録届け先); null ships to a department.</summary>
    public int? ShipToId { get; set; }
    public ShipTo? ShipTo { get; set; }
    /// <summary>
    /// Another department of the same customer the order ships to (発注は本社、届け先は支店); null = the ordering department.
    /// No foreign key: SQLite would rebuild the whole Orders table for one, and departments are never deleted (only made inactive).
    /// </summary>
    public int? ShipToDepartmentId { get; set; }
    public OrderChannel Channel { get; set; }
    /// <summary>When the order counts from: the FAX's receipt time, or the web order's submit time.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>
    /// The order's 受付日: that of its first shipment (standard before furniture before special order). The budget month,
    /// the point validity, duplicate FAX detection and the additional-order shipping rule all count from it.
    /// </summary>
    public DateOnly AcceptanceDay { get; set; }
    /// <summary>
    /// The idempotency key of the entry form that saved it (FAX orders); UNIQUE, so saving the same form twice — double
    /// click, retry, reconnect, even concurrently — can never make a second order.
    /// </summary>
    public Guid? EntryKey { get; set; }
    /// <summary>FAX orders: when the desk saved it (FAX received → keyed is the keying lead time).</summary>
    public DateTimeOffset? KeyedAt { get; set; }
    public string? KeyedByStaffId { get; set; }
    public int? WebUserId { get; set; }
    /// <summary>お届け日指定.</summary>
    public DateOnly? RequestedDeliveryDate { get; set; }
    public bool SaturdayRequested { get; set; }
    /// <summary>Discounted goods subtotal, yen ex-tax, without shipping.</summary>
    public int GoodsSubtotal { get; set; }
    public int ShippingFee { get; set; }
    public ShippingFeeReason ShippingFeeReason { get; set; }
    /// <summary>Consumption tax at 10 % (shipping included), once per slip.</summary>
    public int TaxStandard { get; set; }
    /// <summary>Consumption tax at the reduced 8 %, once per slip.</summary>
    public int TaxReduced { get; set; }
    public int Total { get; set; }
    public int PointsEarned { get; set; }
    /// <summary>
    /// Points a void or correction could not take back because the account had spent them (never below zero, as return slips
    /// record it): what is still owed after the last one — each correction tries the earlier shortfall again.
    /// </summary>
    public int PointsShortfall { get; set; }
    public OrderStatus Status { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; set; }
    /// <summary>When the desk marked the stock-out notice (品切れのお知らせ) sent; null while an order with short lines still owes it.</summary>
    public DateTimeOffset? StockOutNoticeSentAt { get; private set; }
    /// <summary>Who marked it sent (staff name as the audit keeps it); null for notices the migration counted as sent (docs/stock-out-and-special-orders.md).</summary>
    public string? StockOutNoticeSentBy { get; private set; }
    public int Version { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
    public List<Shipment> Shipments { get; set; } = [];

    /// <summary>
    /// Back orders served from a stock receipt are billed on the day served, as a slip of their own without shipping
    /// (docs/back-orders.md): their goods, tax and points add to the order's.
    /// </summary>
    internal void BillServedBackOrders(int goods, int taxStandard, int taxReduced, int points)
    {
        GoodsSubtotal += goods;
        TaxStandard += taxStandard;
        TaxReduced += taxReduced;
        Total += goods + taxStandard + taxReduced;
        PointsEarned += points;
    }

    /// <summary>
    /// The stock-out notice went out by FAX (docs/stock-out-and-special-orders.md): only an order with a line short of stock
    /// owes one, and it is sent once. <see cref="Lines"/> must be loaded.
    /// </summary>
    internal void MarkStockOutNoticeSent(string staffName, DateTimeOffset at)
    {
        if (!Lines.Any(l => l.ShortOfStock))
            throw new BusinessRuleException("Ordering.StockOutNotice.NoShortLines");
        if (StockOutNoticeSentAt is not null)
            throw new BusinessRuleException("Ordering.StockOutNotice.AlreadySent");
        StockOutNoticeSentAt = at;
        StockOutNoticeSentBy = staffName;
    }

    /// <summary>
    /// The maker advised when the special order (電話マーク) arrives: it becomes the shipment's planned delivery date
    /// (docs/stock-out-and-special-orders.md). Not on a voided order, only on a special-order shipment still on its way,
    /// never before its 受付日. <see cref="Shipments"/> must be loaded.
    /// </summary>
    internal Shipment AdviseSpecialOrderDate(int shipmentId, DateOnly date)
    {
        if (Status == OrderStatus.Voided)
            throw new BusinessRuleException("Ordering.SpecialOrder.OrderVoided");
        var shipment = Shipments.SingleOrDefault(s => s.Id == shipmentId && s.DeliveryClass == DeliveryClass.SpecialOrder)
                       ?? throw new BusinessRuleException("Ordering.SpecialOrder.NotSpecialOrder");
        shipment.AdviseDeliveryDate(date);
        return shipment;
    }
}

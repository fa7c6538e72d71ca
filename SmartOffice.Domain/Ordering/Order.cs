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

/// <summary>
/// 注文 — one FAX or web order; split into one shipment per delivery class. Its state changes only through its methods
/// (docs/architecture.md, "Ordering: entities guard their state"); past states for demo data and tests through
/// <see cref="Past"/>.
/// </summary>
public partial class Order : IVersioned
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<Shipment> _shipments = [];

    private Order()
    {
    }

    public int Id { get; private set; }
    /// <summary>注文番号.</summary>
    public string OrderNumber { get; private set; } = "";
    public int CustomerId { get; private set; }
    public Customer? Customer { get; private set; }
    public int DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    /// <summary>A registered extra ship-to (登録届け先); null ships to a department.</summary>
    public int? ShipToId { get; private set; }
    public ShipTo? ShipTo { get; private set; }
    /// <summary>
    /// Another department of the same customer the order ships to (発注は本社、届け先は支店); null = the ordering
    /// department. No foreign key: SQLite would rebuild the whole Orders table for one, and departments are never
    /// deleted (only made inactive).
    /// </summary>
    public int? ShipToDepartmentId { get; private set; }
    public OrderChannel Channel { get; private set; }
    /// <summary>When the order counts from: the FAX's receipt time, or the web order's submit time.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>
    /// The order's 受付日: that of its first shipment (standard before furniture before special order). The budget
    /// month, the point validity, duplicate FAX detection and the additional-order shipping rule all count from it.
    /// </summary>
    public DateOnly AcceptanceDay { get; private set; }
    /// <summary>
    /// The idempotency key of the entry form that saved it (FAX orders); UNIQUE, so saving the same form twice — double
    /// click, retry, reconnect, even concurrently — can never make a second order.
    /// </summary>
    public Guid? EntryKey { get; private set; }
    /// <summary>FAX orders: when the desk saved it (FAX received → keyed is the keying lead time).</summary>
    public DateTimeOffset? KeyedAt { get; private set; }
    public string? KeyedByStaffId { get; private set; }
    public int? WebUserId { get; private set; }
    /// <summary>お届け日指定.</summary>
    public DateOnly? RequestedDeliveryDate { get; private set; }
    public bool SaturdayRequested { get; private set; }
    /// <summary>Discounted goods subtotal, yen ex-tax, without shipping.</summary>
    public int GoodsSubtotal { get; private set; }
    public int ShippingFee { get; private set; }
    public ShippingFeeReason ShippingFeeReason { get; private set; }
    /// <summary>Consumption tax at 10 % (shipping included), once per slip.</summary>
    public int TaxStandard { get; private set; }
    /// <summary>Consumption tax at the reduced 8 %, once per slip.</summary>
    public int TaxReduced { get; private set; }
    public int Total { get; private set; }
    public int PointsEarned { get; private set; }
    /// <summary>
    /// Points a void or correction could not take back because the account had spent them (never below zero, as return
    /// slips record it): what is still owed after the last one — each correction tries the earlier shortfall again.
    /// </summary>
    public int PointsShortfall { get; private set; }
    public OrderStatus Status { get; private set; }
    public string? VoidReason { get; private set; }
    /// <summary>The inbox FAX it was keyed from (受信FAX), when keyed beside one.</summary>
    public int? FaxInboxItemId { get; private set; }
    /// <summary>
    /// When the desk marked the stock-out notice (品切れのお知らせ) sent; null while an order with short lines still
    /// owes it.
    /// </summary>
    public DateTimeOffset? StockOutNoticeSentAt { get; private set; }
    /// <summary>
    /// Who marked it sent (staff name as the audit keeps it); null for notices the migration counted as sent
    /// (docs/stock-out-and-special-orders.md).
    /// </summary>
    public string? StockOutNoticeSentBy { get; private set; }
    public int Version { get; set; }

    public IReadOnlyCollection<OrderLine> Lines => _lines;
    public IReadOnlyCollection<Shipment> Shipments => _shipments;

    /// <summary>
    /// 確定 of a FAX order: its content as priced, under a unique placeholder number until the database has issued the id
    /// the real number is made of (<see cref="Number"/>).
    /// </summary>
    internal static Order KeyFromFax(Guid entryKey, int customerId, DateTimeOffset keyedAt, string? staffId, int? faxInboxItemId,
        OrderContent content)
    {
        var order = new Order
        {
            OrderNumber = PlaceholderPrefix + entryKey.ToString("N")[..19],
            CustomerId = customerId,
            Channel = OrderChannel.Fax,
            EntryKey = entryKey,
            Status = OrderStatus.Accepted,
            // FAX received → keyed is the keying lead time; a later correction keeps the first keying.
            KeyedAt = keyedAt,
            KeyedByStaffId = staffId,
            FaxInboxItemId = faxInboxItemId,
        };
        order.TakeHeader(content);
        order.AddContent(content);
        return order;
    }

    private const string PlaceholderPrefix = "~";

    /// <summary>The order's real number, once: only the placeholder of a newly keyed order is replaced.</summary>
    internal void Number(string orderNumber)
    {
        if (!OrderNumber.StartsWith(PlaceholderPrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"Order {OrderNumber} is numbered already.");
        OrderNumber = orderNumber;
    }

    /// <summary>
    /// 取消 and 訂正 are for a FAX order, not voided, every shipment still in its open cutoff batch (or waiting for
    /// stock); the message of a closed batch says to key a return.
    /// </summary>
    internal void DemandEditable()
    {
        if (Channel != OrderChannel.Fax)
            throw new BusinessRuleException("Ordering.NotFaxOrder");
        if (Status == OrderStatus.Voided)
            throw new BusinessRuleException("Ordering.AlreadyVoided");
        if (_shipments.Any(s => s.Status is not (ShipmentStatus.Open or ShipmentStatus.BackOrdered)))
            throw new BusinessRuleException("Ordering.BatchClosed");
    }

    /// <summary>取消: the whole order with its shipments; waiting back orders are cancelled, the points earned go.</summary>
    internal void Void(string reason)
    {
        DemandEditable();
        Status = OrderStatus.Voided;
        VoidReason = reason;
        PointsEarned = 0;
        foreach (var shipment in _shipments)
            shipment.Void();
        foreach (var line in _lines.Where(l => l.BackOrder == BackOrderState.Waiting))
            line.CancelBackOrder(reason);
    }

    /// <summary>
    /// 訂正, first step: the corrected header replaces the old, and the old lines and shipments are taken off and
    /// returned, so the caller deletes their rows before <see cref="AddContent"/> adds the new ones under the same line
    /// numbers.
    /// </summary>
    internal (IReadOnlyList<OrderLine> Lines, IReadOnlyList<Shipment> Shipments) Correct(OrderContent content)
    {
        DemandEditable();
        var removed = (_lines.ToList(), _shipments.ToList());
        _lines.Clear();
        _shipments.Clear();
        TakeHeader(content);
        return removed;
    }

    /// <summary>The priced lines and shipments of a new or corrected order; only onto an order without any.</summary>
    internal void AddContent(OrderContent content)
    {
        if (_lines.Count > 0 || _shipments.Count > 0)
            throw new InvalidOperationException($"Order {OrderNumber} has its content already.");
        _shipments.AddRange(content.Shipments);
        _lines.AddRange(content.Lines);
    }

    private void TakeHeader(OrderContent content)
    {
        DepartmentId = content.DepartmentId;
        ShipToId = content.ShipToId;
        ShipToDepartmentId = content.ShipToDepartmentId;
        ReceivedAt = content.ReceivedAt;
        AcceptanceDay = content.AcceptanceDay;
        RequestedDeliveryDate = content.RequestedDeliveryDate;
        SaturdayRequested = content.RequestedDeliveryDate?.DayOfWeek == DayOfWeek.Saturday;
        TakeTotals(content.Totals);
    }

    private void TakeTotals(OrderTotals totals)
    {
        GoodsSubtotal = totals.GoodsSubtotal;
        ShippingFee = totals.ShippingFee;
        ShippingFeeReason = totals.ShippingFeeReason;
        TaxStandard = totals.TaxStandard;
        TaxReduced = totals.TaxReduced;
        Total = totals.Total;
        PointsEarned = totals.PointsEarned;
    }

    /// <summary>What a void or correction could not take back (it replaces the earlier shortfall, never adds).</summary>
    internal void RecordPointsShortfall(int shortfall)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shortfall);
        PointsShortfall = shortfall;
    }

    /// <summary>追加注文: an open order takes the fee the rule now gives, with its tax and total.</summary>
    internal void RepriceShipping(ShippingDecision decision, SlipTax tax, RulesOptions options)
    {
        if (_shipments.Any(s => s.Status != ShipmentStatus.Open))
            throw new InvalidOperationException($"Order {OrderNumber} has left its open batch: its fee is kept.");
        ShippingFee = decision.Fee;
        ShippingFeeReason = decision.Reason;
        TaxStandard = tax.TaxAt(options.StandardTaxRatePercent);
        TaxReduced = tax.TaxAt(options.ReducedTaxRatePercent);
        Total = GoodsSubtotal + decision.Fee + tax.TotalTax;
    }

    /// <summary>
    /// 追加注文 once the cutoff batch has closed: the fee stays, only the reason says why (or goes back to what it was).
    /// </summary>
    internal void ExplainKeptShippingFee(ShippingFeeReason reason)
    {
        if (_shipments.All(s => s.Status == ShipmentStatus.Open))
            throw new InvalidOperationException($"Order {OrderNumber} is still open: it takes the new fee.");
        ShippingFeeReason = reason;
    }

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
    /// The stock-out notice went out by FAX (docs/stock-out-and-special-orders.md): only an order with a line short of
    /// stock owes one, and it is sent once. <see cref="Lines"/> must be loaded.
    /// </summary>
    internal void MarkStockOutNoticeSent(string staffName, DateTimeOffset at)
    {
        if (!_lines.Any(l => l.ShortOfStock))
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
        var shipment = _shipments.SingleOrDefault(s => s.Id == shipmentId && s.DeliveryClass == DeliveryClass.SpecialOrder)
                       ?? throw new BusinessRuleException("Ordering.SpecialOrder.NotSpecialOrder");
        shipment.AdviseDeliveryDate(date);
        return shipment;
    }
}

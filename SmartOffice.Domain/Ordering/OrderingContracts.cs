using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

// The capability's contracts in one file (docs/architecture.md, "Ordering: entities guard their state").

// ---- FAX order entry ----

/// <summary>A customer as FAX order entry finds one (by code, FAX, phone or name).</summary>
public sealed record OrderingCustomerMatch(int Id, string Code, string Name, string NameKana, string? Fax, string Phone,
    string RegionName, string DealerName);

public sealed record OrderingDepartment(int Id, string Code, string Name, string Address, int? MonthlyBudget, BudgetKind BudgetKind);

/// <summary>A registered ship-to (届け先) of the customer; the department's own address is <c>ShipToId = null</c>.</summary>
public sealed record OrderingShipTo(int Id, string Name, string Address);

/// <summary>What the entry form needs of a chosen customer; read fresh per order so dealer settings apply at once.</summary>
public sealed record OrderingCustomer(OrderingCustomerMatch Customer, decimal VolumeDiscountRate, bool PointsOptedOut,
    TimeOnly FaxCutoff, IReadOnlyList<OrderingDepartment> Departments, IReadOnlyList<OrderingShipTo> ShipTos,
    string? DeliverySlipNote);

/// <summary>One keyed line, as typed (全角 digits and letters allowed; the service normalises).</summary>
public sealed record FaxOrderDraftLine(string? ProductCode, string? Quantity, string? LineComment);

/// <summary>
/// The entry form's state. Blank lines (no code and no quantity) are ignored. Where it ships (docs/business-rules.md §3): a registered
/// ship-to (<see cref="ShipToId"/>), another active department of the customer (<see cref="ShipToDepartmentId"/>), or —
/// both null — the ordering department's own address. <see cref="FaxReceivedAt"/> decides the cutoff, not the keying time.
/// <see cref="QuoteId"/>: the FAXed-back quote (簡易見積書) the order is keyed from; saving the order closes it.
/// </summary>
public sealed record FaxOrderDraft(int CustomerId, int DepartmentId, int? ShipToId, DateTimeOffset FaxReceivedAt,
    DateOnly? RequestedDeliveryDate, IReadOnlyList<FaxOrderDraftLine> Lines, int? FaxInboxItemId = null, int? ShipToDepartmentId = null,
    int? QuoteId = null)
{
    /// <summary>The other department it ships to; null when it ships to the ordering department (chosen as itself too).</summary>
    public int? OtherShipToDepartmentId => ShipToDepartmentId == DepartmentId ? null : ShipToDepartmentId;
}

/// <summary>
/// One priced line. <see cref="Problem"/> is a message in the UI language naming the line and the fix; null when the
/// line is fine.
/// </summary>
public sealed record QuotedLine(int LineNumber, string ProductCode, int? ProductId, string? Name, string? Maker,
    int? Quantity, int? ListUnitPrice, int? UnitPrice, int Amount, int? Stock, bool ShortOfStock,
    DeliveryClass? DeliveryClass, TaxClass? TaxClass, string? LineComment, string? Problem);

/// <summary>One shipment the order splits into (docs/business-rules.md §3): its 受付日 and dates.</summary>
public sealed record QuotedShipment(DeliveryClass DeliveryClass, DateOnly AcceptanceDay, DateOnly? EarliestDelivery,
    DateOnly? DeliveryDate);

public enum BudgetStatus { NoBudget, Within, OverSoft, OverHard }

/// <summary>予算: the acceptance month's spend before and after this order (discounted goods ex-tax).</summary>
public sealed record BudgetCheck(BudgetStatus Status, int? MonthlyBudget, int SpentThisMonth, int AfterThisOrder);

/// <summary>An earlier order of the same customer, same acceptance day and the same lines: probably the same FAX keyed twice.</summary>
public sealed record PossibleDuplicate(int OrderId, string OrderNumber, DateTimeOffset ReceivedAt, string? KeyedBy);

/// <summary>
/// The live summary. <see cref="Problems"/> lists everything that would refuse a save (lines, ship-to, date, hard
/// budget).
/// </summary>
public sealed record FaxOrderQuote(IReadOnlyList<QuotedLine> Lines, int GoodsSubtotal, int ShippingFee, ShippingFeeReason ShippingFeeReason,
    SlipTax Tax, int Total, int PointsToEarn, bool PointsOptedOut, IReadOnlyList<QuotedShipment> Shipments,
    string? RequestedDateProblem, BudgetCheck Budget, IReadOnlyList<PossibleDuplicate> PossibleDuplicates,
    IReadOnlyList<string> Problems)
{
    public bool CanSave => Problems.Count == 0 && Lines.Count > 0;
}

/// <summary>
/// 確定. <see cref="EntryKey"/> is issued once per entry form: saving the same key again returns the first order (never a
/// second one). A soft-budget overrun and a possible duplicate FAX need the agent's confirmation. <see cref="Recognised"/>:
/// keyed beside a recognised FAX, what the agent did with each field read (and each field keyed that was not read) —
/// recorded in the save's transaction for the accuracy figures (docs/fax-recognition.md).
/// </summary>
public sealed record FaxOrderSaveRequest(FaxOrderDraft Draft, Guid EntryKey, bool SoftBudgetConfirmed = false,
    bool DuplicateConfirmed = false, IReadOnlyList<KeyedField>? Recognised = null);

public enum SaveConfirmation { SoftBudgetOverrun, PossibleDuplicate }

/// <summary>
/// Either saved (<see cref="OrderId"/> set; <see cref="Replayed"/> when the key had already saved it) or waiting for the
/// confirmations listed. Refusals are <see cref="BusinessRuleException"/>s and save nothing. <see cref="RepricedOrderNumbers"/>:
/// the other open orders of the additional-order group whose shipping the save changed. <see cref="PointsShortfall"/>: after a
/// correction, the points of the order still not taken back because the account had spent them (recorded on the order).
/// </summary>
public sealed record FaxOrderSaveResult(int? OrderId, string? OrderNumber, bool Replayed,
    IReadOnlyList<SaveConfirmation> ConfirmationsNeeded, IReadOnlyList<int> ShortLineNumbers, FaxOrderQuote Quote,
    IReadOnlyList<string> RepricedOrderNumbers, int PointsShortfall = 0);

/// <summary>Void (取消) a FAX order keyed wrongly, while none of its shipments' cutoff batches has closed.</summary>
public sealed record FaxOrderVoid(int OrderId, int Version, string Reason);

/// <summary>
/// A voided order: the points it could not take back (the account had spent them; recorded on the order) and the other
/// open orders of its additional-order group whose shipping changed.
/// </summary>
public sealed record FaxOrderVoidResult(string OrderNumber, int PointsShortfall, IReadOnlyList<string> RepricedOrderNumbers);

/// <summary>Correct (訂正) a FAX order: the draft replaces its content; same number, stock and points follow.</summary>
public sealed record FaxOrderCorrection(int OrderId, int Version, FaxOrderDraft Draft, string Reason, bool SoftBudgetConfirmed = false);

public sealed record OrderSearchQuery(string? OrderNumber, string? CustomerText, DateOnly? From, DateOnly? To,
    OrderChannel? Channel, OrderStatus? Status, int Skip, int Take, string? SortBy = null, bool Descending = true);

public sealed record OrderSearchRow(int Id, string OrderNumber, DateTimeOffset ReceivedAt, OrderChannel Channel, OrderStatus Status,
    string CustomerCode, string CustomerName, string DepartmentName, int LineCount, int Total);

public sealed record OrderSearchPage(IReadOnlyList<OrderSearchRow> Rows, int Total);

public sealed record OrderDetailLine(int LineNumber, string ProductCode, string ProductName, string Maker, int Quantity, int UnitPrice,
    int Amount, TaxClass TaxClass, DeliveryClass DeliveryClass, string? LineComment, bool ShortOfStock, int DeliveredQuantity,
    BackOrderState BackOrder = BackOrderState.None, DateOnly? BackOrderServedOn = null, string? BackOrderCancelReason = null);

public sealed record OrderDetailShipment(int Id, DeliveryClass DeliveryClass, DateOnly AcceptanceDay, DateOnly? DeliveryDate,
    ShipmentStatus Status, string? DeliverySlipNumber);

/// <summary>An order as confirmation view, detail page and printed sheets show it.</summary>
public sealed record OrderDetail(int Id, string OrderNumber, int Version, OrderChannel Channel, OrderStatus Status,
    OrderingCustomerMatch Customer, string DepartmentName, string ShipToName, string ShipToAddress,
    DateTimeOffset ReceivedAt, DateTimeOffset? KeyedAt, string? KeyedBy, DateOnly? RequestedDeliveryDate,
    IReadOnlyList<OrderDetailLine> Lines, IReadOnlyList<OrderDetailShipment> Shipments,
    int GoodsSubtotal, int ShippingFee, ShippingFeeReason ShippingFeeReason, int TaxStandard, int TaxReduced, int Total,
    int PointsEarned, string? VoidReason, bool MayCorrect, int DepartmentId, int? ShipToId, int? ShipToDepartmentId, int PointsShortfall);

/// <summary>The customer desk's contact details as printed sheets show them (settings section <c>Desk</c>).</summary>
public sealed record DeskContact(string Name, string Phone, string Fax, string Email, string Hours);

public sealed record StockOutLine(int LineNumber, string ProductCode, string ProductName, string Maker, int Quantity, string? LineComment);

/// <summary>
/// 品切れのお知らせ: what the printable stock-out notice faxed to the customer shows — the customer's name and FAX at the
/// top, the order and its short lines, the desk's contact at the bottom. <see cref="Lines"/> is empty when nothing is short.
/// </summary>
public sealed record StockOutNotice(int OrderId, string OrderNumber, string CustomerCode, string CustomerName, string? CustomerFax,
    string DepartmentName, DateTimeOffset ReceivedAt, DateTimeOffset? KeyedAt, IReadOnlyList<StockOutLine> Lines, DeskContact Desk)
{
    /// <summary>The order's version, for marking the notice sent.</summary>
    public int Version { get; init; }
    /// <summary>When and by whom the notice was marked sent; null while it is owed.</summary>
    public StockOutNoticeSent? Sent { get; init; }
}

// ---- Quotes (簡易見積書) ----

/// <summary>A quote just issued: its id for the sheet and its number.</summary>
public sealed record QuoteIssued(int Id, string QuoteNumber);

public sealed record QuoteSheetLine(int LineNumber, string ProductCode, string ProductName, string Maker, int Quantity, int UnitPrice,
    int Amount, TaxClass TaxClass, DeliveryClass DeliveryClass, string? LineComment);

/// <summary>Tax at one rate on the sheet: what it is charged on (goods and shipping ex-tax) and the tax, once per slip.</summary>
public sealed record QuoteTax(int RatePercent, int Taxable, int Tax);

/// <summary>
/// 簡易見積書 as printed: number, dates, the customer and where it would ship, lines, shipping with its rule, tax per rate, the
/// total, the desk's contact; <see cref="OrderNumber"/> once it was turned into an order, <see cref="Expired"/> after its valid-until.
/// </summary>
public sealed record QuoteSheet(int Id, string QuoteNumber, DateTimeOffset IssuedAt, DateOnly ValidUntil, bool Expired, string? IssuedBy,
    OrderingCustomerMatch Customer, string DepartmentName, string ShipToName, DateOnly? RequestedDeliveryDate,
    IReadOnlyList<QuoteSheetLine> Lines, int GoodsSubtotal, int ShippingFee, ShippingFeeReason ShippingFeeReason, int FreeShippingThreshold,
    IReadOnlyList<QuoteTax> Taxes, int Total, int? OrderId, string? OrderNumber, DeskContact Desk);

/// <summary>One quote of a customer's list.</summary>
public sealed record QuoteListRow(int Id, string QuoteNumber, DateTimeOffset IssuedAt, DateOnly ValidUntil, bool Expired,
    string CustomerCode, string CustomerName, string DepartmentName, int LineCount, int Total, int? OrderId, string? OrderNumber);

/// <summary>A quoted line whose unit price is higher now than on the quote: the agent tells the customer before saving.</summary>
public sealed record QuotePriceRise(int LineNumber, string ProductCode, string ProductName, int QuotedUnitPrice, int UnitPriceNow);

/// <summary>
/// A FAXed-back quote ready for order entry: its draft (received now; the agent sets the FAX's time) priced again, the lines
/// whose price rose since the quote, and whether its valid-until has passed.
/// </summary>
public sealed record QuoteReview(QuoteSheet Quote, FaxOrderDraft Draft, IReadOnlyList<QuotePriceRise> PriceRises);

// ---- Repeat orders (リピートオーダー) ----

/// <summary>Why a line of the earlier order is not copied into the repeat order.</summary>
public enum RepeatLeftOutReason
{
    /// <summary>取扱終了: the product is inactive, or no longer in the catalogue at all.</summary>
    NoLongerSold,
    /// <summary>発注制限 of the customer on the product.</summary>
    ProductLocked,
    /// <summary>発注制限 of the customer on the product's category.</summary>
    CategoryLocked,
}

/// <summary>A line left out of the repeat order: the earlier order's line number, code and name (as ordered then), and why.</summary>
public sealed record RepeatLeftOut(int LineNumber, string ProductCode, string ProductName, RepeatLeftOutReason Reason,
    string? CategoryName);

/// <summary>
/// リピートオーダー (docs/product-enquiry-and-quotes.md): the earlier order's customer, department, ship-to and lines as a new
/// draft received now — priced again by the entry form like any draft — and the lines that could not be copied.
/// </summary>
public sealed record RepeatOrder(int OrderId, string OrderNumber, FaxOrderDraft Draft, IReadOnlyList<RepeatLeftOut> LeftOut);

// ---- Product enquiry (在庫納期照会) ----

/// <summary>在庫納期照会: what the caller names (code, name, maker or category) and, optionally, who is calling.</summary>
public sealed record ProductEnquiryQuery(string? Text, int? CustomerId);

/// <summary>The customer the delivery dates are computed for: their region's cutoffs and their discount.</summary>
public sealed record EnquiryCustomer(int Id, string Code, string Name, string RegionName, TimeOnly FaxCutoff, decimal VolumeDiscountRate);

/// <summary>
/// When an order received now would arrive: its cutoff (the region's FAX cutoff, furniture's own), the 受付日 it gets, and
/// the earliest delivery date (null for a special order, advised later). <see cref="BeforeCutoff"/>: a FAX now is accepted today.
/// <see cref="BackOrdered"/>: none in stock, so the line would wait for stock (入荷待ち) and the date does not hold.
/// </summary>
public sealed record EnquiryDelivery(TimeOnly Cutoff, DateOnly AcceptanceDay, bool BeforeCutoff, DateOnly? DeliveryDate, bool BackOrdered);

/// <summary>
/// One product found. <see cref="CustomerUnitPrice"/>, <see cref="Delivery"/> and <see cref="Locked"/> are the chosen
/// customer's (null / false without one): their discounted price, their date, an order lock (発注制限) on it or its category.
/// </summary>
public sealed record ProductEnquiryRow(int Id, string Code, string Name, string Maker, string CategoryName, int Stock,
    DeliveryClass DeliveryClass, TaxClass TaxClass, int ListPrice, int? CustomerUnitPrice, EnquiryDelivery? Delivery, bool Locked);

/// <summary>
/// The answer: at most <see cref="ProductEnquiryService.MaxRows"/> rows (<see cref="More"/> when there were more), as
/// of <see cref="At"/>.
/// </summary>
public sealed record ProductEnquiry(IReadOnlyList<ProductEnquiryRow> Rows, bool More, EnquiryCustomer? Customer, DateTimeOffset At);

// ---- Follow-up (品切れ・入荷待ち・電話マーク) ----

/// <summary>An order whose stock-out notice has not been marked sent; <see cref="AgeDays"/> counts from its 受付日.</summary>
public sealed record FollowUpNotice(int OrderId, string OrderNumber, string CustomerCode, string CustomerName, DateOnly AcceptanceDay,
    DateTimeOffset ReceivedAt, int ShortLines, int AgeDays);

/// <summary>
/// A line waiting for stock (入荷待ち), <see cref="AgeDays"/> since its order's 受付日, in age band <see cref="Band"/>.
/// </summary>
public sealed record FollowUpBackOrder(int OrderId, string OrderNumber, string CustomerName, DateOnly AcceptanceDay, int LineNumber,
    string ProductCode, string ProductName, int Quantity, int AgeDays, int Band);

/// <summary>
/// A special-order shipment (電話マーク) still without the maker's date: お届け日未定 for <see cref="AgeDays"/> days.
/// </summary>
public sealed record FollowUpSpecialOrder(int OrderId, string OrderNumber, int ShipmentId, string CustomerName, DateOnly AcceptanceDay,
    int Lines, ShipmentStatus Status, int AgeDays);

/// <summary>
/// Back orders that have waited from <see cref="FromDays"/> days up to (not including) <see cref="ToDays"/>; null = no
/// end.
/// </summary>
public sealed record FollowUpBand(int FromDays, int? ToDays, int Count);

/// <summary>The desk's follow-up figures (dashboard and tabs).</summary>
public sealed record FollowUpCounts(int NoticesNotSent, IReadOnlyList<FollowUpBand> BackOrdersByAge, int SpecialOrdersWithoutDate)
{
    public int BackOrders => BackOrdersByAge.Sum(b => b.Count);
}

/// <summary>The three follow-up lists, oldest first, each cut at <see cref="RowLimit"/> rows (the counts are whole).</summary>
public sealed record FollowUpView(FollowUpCounts Counts, IReadOnlyList<FollowUpNotice> Notices, IReadOnlyList<FollowUpBackOrder> BackOrders,
    IReadOnlyList<FollowUpSpecialOrder> SpecialOrders, int RowLimit);

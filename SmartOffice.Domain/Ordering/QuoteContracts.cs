using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

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

using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// 簡易見積書 — a priced entry draft printed for a customer; no order, no stock reserved. Turned into an order (once) when the
/// customer FAXes it back, priced again then (docs/product-enquiry-and-quotes.md).
/// </summary>
public class Quote : IVersioned
{
    public int Id { get; set; }
    /// <summary>見積番号: Q + the issue date (Japan) + the id.</summary>
    public required string QuoteNumber { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? ShipToId { get; set; }
    /// <summary>Another department it would ship to; no foreign key, as on <see cref="Order.ShipToDepartmentId"/>.</summary>
    public int? ShipToDepartmentId { get; set; }
    public DateOnly? RequestedDeliveryDate { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedByStaffId { get; set; }
    /// <summary>有効期限: the last day the quoted prices are offered (issue day + <see cref="RulesOptions.QuoteValidDays"/>).</summary>
    public DateOnly ValidUntil { get; set; }
    /// <summary>Discounted goods ex-tax, without shipping.</summary>
    public int GoodsSubtotal { get; set; }
    public int ShippingFee { get; set; }
    public ShippingFeeReason ShippingFeeReason { get; set; }
    public int StandardRatePercent { get; set; }
    /// <summary>Goods and shipping ex-tax at the standard rate, and its tax (once per slip).</summary>
    public int TaxableStandard { get; set; }
    public int TaxStandard { get; set; }
    public int ReducedRatePercent { get; set; }
    public int TaxableReduced { get; set; }
    public int TaxReduced { get; set; }
    public int Total { get; set; }
    /// <summary>The order it was turned into; null while open.</summary>
    public int? OrderId { get; set; }
    public Order? Order { get; set; }
    public int Version { get; set; }
    public List<QuoteLine> Lines { get; set; } = [];

    /// <summary>受注: the quote's order, once; a second order from the same quote is refused.</summary>
    /// <exception cref="BusinessRuleException">Ordering.QuoteAlreadyOrdered, or a customer other than the quote's.</exception>
    public void TurnedInto(Order order)
    {
        DemandOpenFor(order.CustomerId);
        Order = order;
    }

    /// <exception cref="BusinessRuleException">Ordering.QuoteAlreadyOrdered, or Ordering.QuoteOtherCustomer.</exception>
    public void DemandOpenFor(int customerId)
    {
        if (OrderId is not null || Order is not null)
            throw new BusinessRuleException("Ordering.QuoteAlreadyOrdered", QuoteNumber);
        if (customerId != CustomerId)
            throw new BusinessRuleException("Ordering.QuoteOtherCustomer", QuoteNumber);
    }
}

/// <summary>見積明細: the product's facts and price as quoted.</summary>
public class QuoteLine
{
    public int Id { get; set; }
    public int QuoteId { get; set; }
    public int LineNumber { get; set; }
    public int ProductId { get; set; }
    public required string ProductCode { get; set; }
    public required string ProductName { get; set; }
    public required string Maker { get; set; }
    public int Quantity { get; set; }
    public int ListUnitPrice { get; set; }
    /// <summary>After the customer's volume discount, as the order would be priced.</summary>
    public int UnitPrice { get; set; }
    public int Amount { get; set; }
    public TaxClass TaxClass { get; set; }
    public DeliveryClass DeliveryClass { get; set; }
    public string? LineComment { get; set; }
}

namespace SmartOffice.Domain.Ordering;

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
public sealed record RepeatLeftOut(int LineNumber, string ProductCode, string ProductName, RepeatLeftOutReason Reason, string? CategoryName);

/// <summary>
/// リピートオーダー (docs/product-enquiry-and-quotes.md): the earlier order's customer, department, ship-to and lines as a new
/// draft received now — priced again by the entry form like any draft — and the lines that could not be copied.
/// </summary>
public sealed record RepeatOrder(int OrderId, string OrderNumber, FaxOrderDraft Draft, IReadOnlyList<RepeatLeftOut> LeftOut);

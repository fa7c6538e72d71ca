using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

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

/// <summary>The answer: at most <see cref="ProductEnquiryService.MaxRows"/> rows (<see cref="More"/> when there were more), as of <see cref="At"/>.</summary>
public sealed record ProductEnquiry(IReadOnlyList<ProductEnquiryRow> Rows, bool More, EnquiryCustomer? Customer, DateTimeOffset At);

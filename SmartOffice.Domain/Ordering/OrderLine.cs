using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>注文明細 — prices and names are copied from the product at the time of order.</summary>
public class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int LineNumber { get; set; }
    public int ShipmentId { get; set; }
    public Shipment? Shipment { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string ProductCode { get; set; }
    public required string ProductName { get; set; }
    public int Quantity { get; set; }
    public int ListUnitPrice { get; set; }
    /// <summary>After the customer's volume discount: floor(list × (1 − rate)).</summary>
    public int UnitPrice { get; set; }
    public int Amount { get; set; }
    public TaxClass TaxClass { get; set; }
    public DeliveryClass DeliveryClass { get; set; }
    /// <summary>行コメント, printed on the delivery slip.</summary>
    public string? LineComment { get; set; }
    /// <summary>What actually shipped; returns count against it.</summary>
    public int DeliveredQuantity { get; set; }
    /// <summary>品切れ: the stock could not cover the line when the order was saved; nothing was reserved for it and the
    /// customer gets the stock-out notice by FAX.</summary>
    public bool ShortOfStock { get; set; }
}

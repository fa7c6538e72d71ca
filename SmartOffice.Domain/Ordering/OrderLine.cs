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
    /// <summary>メーカー as the product had it when sold (DOMAIN.md §3b: later catalogue changes do not rewrite past orders).</summary>
    public required string Maker { get; set; }
    /// <summary>環境配慮商品 when sold.</summary>
    public bool IsEco { get; set; }
    /// <summary>The product's category when sold. No foreign key: SQLite would rebuild the whole lines table to add one.</summary>
    public int CategoryId { get; set; }
    /// <summary>Returnable when sold: neither the product nor its category was 返品不可 then.</summary>
    public bool Returnable { get; set; }
    /// <summary>行コメント, printed on the delivery slip.</summary>
    public string? LineComment { get; set; }
    /// <summary>出荷数: the sum of the warehouse's results for the line (the only source of shipped quantities).</summary>
    public int ShippedQuantity { get; set; }
    /// <summary>What of the shipped quantity has been delivered; returns count against it.</summary>
    public int DeliveredQuantity { get; set; }
    /// <summary>品切れ: the stock could not cover the line when the order was saved; nothing was reserved for it and the
    /// customer gets the stock-out notice by FAX.</summary>
    public bool ShortOfStock { get; set; }
}

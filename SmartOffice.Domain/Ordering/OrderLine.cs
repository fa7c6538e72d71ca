using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>入荷待ち: where a line stands against the stock (docs/back-orders.md).</summary>
public enum BackOrderState
{
    /// <summary>Served from stock: at acceptance, or later from a stock receipt (<see cref="OrderLine.BackOrderServedOn"/>).</summary>
    None,
    /// <summary>入荷待ち: short at acceptance, waiting for stock — not billed, no points, in no shipping instruction.</summary>
    Waiting,
    /// <summary>The customer cancelled the back order instead of waiting (or the whole order was voided).</summary>
    Cancelled,
}

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
    /// <summary>メーカー as the product had it when sold (docs/business-rules.md §3b: later catalogue changes do not rewrite past orders).</summary>
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
    /// <summary>入荷待ち state; a waiting line sits on its order's back-order shipment, bills nothing and reserved nothing.</summary>
    public BackOrderState BackOrder { get; set; }
    /// <summary>The day a back order was served from a stock receipt: it is billed and earns points on that day.</summary>
    public DateOnly? BackOrderServedOn { get; set; }
    /// <summary>Why the customer cancelled the back order (the desk's words).</summary>
    public string? BackOrderCancelReason { get; set; }

    /// <summary>A line keyed short of stock waits on the order's back-order shipment, billing nothing until served.</summary>
    internal void WaitForStock(Shipment backOrderShipment)
    {
        ShortOfStock = true;
        BackOrder = BackOrderState.Waiting;
        Amount = 0;
        Shipment = backOrderShipment;
    }

    /// <summary>
    /// Serves <paramref name="quantity"/> of this waiting line on <paramref name="shipment"/> (docs/business-rules.md §3b via docs/back-orders.md):
    /// all of it moves the line itself; part of it leaves the rest waiting here and returns a new line, numbered
    /// <paramref name="newLineNumber"/>, for the part served. The served line is billed at its unit price as of the order.
    /// </summary>
    internal OrderLine Serve(int quantity, Shipment shipment, DateOnly day, int newLineNumber)
    {
        if (BackOrder != BackOrderState.Waiting || quantity <= 0 || quantity > Quantity)
            throw new InvalidOperationException($"Line {LineNumber} cannot serve {quantity} from stock.");
        var served = quantity == Quantity ? this : Split(quantity, newLineNumber);
        served.BackOrder = BackOrderState.None;
        served.BackOrderServedOn = day;
        served.Amount = served.UnitPrice * served.Quantity;
        served.Shipment = shipment;
        return served;
    }

    private OrderLine Split(int quantity, int lineNumber)
    {
        Quantity -= quantity;
        return new OrderLine
        {
            OrderId = OrderId, LineNumber = lineNumber, ProductId = ProductId, ProductCode = ProductCode, ProductName = ProductName,
            Quantity = quantity, ListUnitPrice = ListUnitPrice, UnitPrice = UnitPrice, TaxClass = TaxClass, DeliveryClass = DeliveryClass,
            Maker = Maker, IsEco = IsEco, CategoryId = CategoryId, Returnable = Returnable, LineComment = LineComment,
        };
    }

    /// <summary>The customer cancels the back order instead of waiting; only a waiting line may be.</summary>
    internal void CancelBackOrder(string reason)
    {
        if (BackOrder != BackOrderState.Waiting)
            throw new BusinessRuleException("Ordering.BackOrder.NotWaiting", LineNumber);
        BackOrder = BackOrderState.Cancelled;
        BackOrderCancelReason = reason;
    }
}

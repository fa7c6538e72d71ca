using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>入荷待ち: where a line stands against the stock (docs/back-orders.md).</summary>
public enum BackOrderState
{
    /// <summary>
    /// Served from stock: at acceptance, or later from a stock receipt (<see cref="OrderLine.BackOrderServedOn"/>).
    /// </summary>
    None,
    /// <summary>入荷待ち: short at acceptance, waiting for stock — not billed, no points, in no shipping instruction.</summary>
    Waiting,
    /// <summary>The customer cancelled the back order instead of waiting (or the whole order was voided).</summary>
    Cancelled,
}

/// <summary>
/// 注文明細 — prices and names are copied from the product at the time of order. A line is made whole (every field at
/// creation); what the back-order workflow changes afterwards changes only through its methods, and what the warehouse
/// reports (shipped, delivered) only by UPDATEs (docs/architecture.md, "Ordering: entities guard their state").
/// </summary>
public class OrderLine
{
    private int _quantity;
    private int _amount;
    private int _shipmentId;
    private Shipment? _shipment;

    public int Id { get; init; }
    public int OrderId { get; init; }
    public int LineNumber { get; init; }
    public int ShipmentId { get => _shipmentId; init => _shipmentId = value; }
    public Shipment? Shipment { get => _shipment; init => _shipment = value; }
    public int ProductId { get; init; }
    public Product? Product { get; init; }
    public required string ProductCode { get; init; }
    public required string ProductName { get; init; }
    public int Quantity { get => _quantity; init => _quantity = value; }
    public int ListUnitPrice { get; init; }
    /// <summary>After the customer's volume discount: floor(list × (1 − rate)).</summary>
    public int UnitPrice { get; init; }
    public int Amount { get => _amount; init => _amount = value; }
    public TaxClass TaxClass { get; init; }
    public DeliveryClass DeliveryClass { get; init; }
    /// <summary>
    /// メーカー as the product had it when sold (docs/business-rules.md §3b: later catalogue changes do not rewrite past
    /// orders).
    /// </summary>
    public required string Maker { get; init; }
    /// <summary>環境配慮商品 when sold.</summary>
    public bool IsEco { get; init; }
    /// <summary>
    /// The product's category when sold. No foreign key: SQLite would rebuild the whole lines table to add one.
    /// </summary>
    public int CategoryId { get; init; }
    /// <summary>Returnable when sold: neither the product nor its category was 返品不可 then.</summary>
    public bool Returnable { get; init; }
    /// <summary>行コメント, printed on the delivery slip.</summary>
    public string? LineComment { get; init; }
    /// <summary>出荷数: the sum of the warehouse's results for the line (the only source of shipped quantities).</summary>
    public int ShippedQuantity { get; init; }
    /// <summary>What of the shipped quantity has been delivered; returns count against it.</summary>
    public int DeliveredQuantity { get; init; }
    /// <summary>
    /// 品切れ: the stock could not cover the line when the order was saved; nothing was reserved for it and the customer
    /// gets the stock-out notice by FAX.
    /// </summary>
    public bool ShortOfStock { get; private set; }
    /// <summary>
    /// 入荷待ち state; a waiting line sits on its order's back-order shipment, bills nothing and reserved nothing.
    /// </summary>
    public BackOrderState BackOrder { get; private set; }
    /// <summary>The day a back order was served from a stock receipt: it is billed and earns points on that day.</summary>
    public DateOnly? BackOrderServedOn { get; private set; }
    /// <summary>Why the customer cancelled the back order (the desk's words).</summary>
    public string? BackOrderCancelReason { get; private set; }

    /// <summary>A line keyed short of stock waits on the order's back-order shipment, billing nothing until served.</summary>
    internal void WaitForStock(Shipment backOrderShipment)
    {
        ShortOfStock = true;
        BackOrder = BackOrderState.Waiting;
        _amount = 0;
        _shipment = backOrderShipment;
    }

    /// <summary>
    /// Serves <paramref name="quantity"/> of this waiting line on <paramref name="shipment"/> (docs/back-orders.md): all
    /// of it moves the line itself; part of it leaves the rest waiting here and returns a new line, numbered
    /// <paramref name="newLineNumber"/>, for the part served. The served line is billed at its unit price as of the
    /// order; a line billed at acceptance (before Issue 20) keeps billing what still waits.
    /// </summary>
    internal OrderLine Serve(int quantity, Shipment shipment, DateOnly day, int newLineNumber)
    {
        if (BackOrder != BackOrderState.Waiting || quantity <= 0 || quantity > Quantity)
            throw new InvalidOperationException($"Line {LineNumber} cannot serve {quantity} from stock.");
        var billedAtAcceptance = _amount > 0;
        var served = quantity == Quantity ? this : Split(quantity, newLineNumber);
        served.BackOrder = BackOrderState.None;
        served.BackOrderServedOn = day;
        served._amount = served.UnitPrice * served.Quantity;
        served._shipment = shipment;
        if (billedAtAcceptance && BackOrder == BackOrderState.Waiting)
            _amount = UnitPrice * Quantity;
        return served;
    }

    private OrderLine Split(int quantity, int lineNumber)
    {
        _quantity -= quantity;
        return new OrderLine
        {
            OrderId = OrderId, LineNumber = lineNumber, ProductId = ProductId, ProductCode = ProductCode, ProductName = ProductName,
            Quantity = quantity, ListUnitPrice = ListUnitPrice, UnitPrice = UnitPrice, TaxClass = TaxClass,
            DeliveryClass = DeliveryClass, Maker = Maker, IsEco = IsEco, CategoryId = CategoryId, Returnable = Returnable,
            LineComment = LineComment,
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

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// 入荷 — stock that arrived at the warehouse: a row of a stock-receipt file, or keyed by a supervisor on the stock page.
/// It adds to the product's stock and serves the waiting back orders oldest first (docs/back-orders.md).
/// </summary>
public class StockReceipt
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    /// <summary>商品コード as the catalogue has it.</summary>
    public required string ProductCode { get; set; }
    /// <summary>入荷数.</summary>
    public int Quantity { get; set; }
    /// <summary>入荷日.</summary>
    public DateOnly ReceivedOn { get; set; }
    /// <summary>What of <see cref="Quantity"/> went to back orders at once.</summary>
    public int ServedQuantity { get; set; }
    /// <summary>The file it came in; null when keyed.</summary>
    public int? WarehouseResultsFileId { get; set; }
    /// <summary>The row's number in its file (1 = first data row).</summary>
    public int? RowNumber { get; set; }
    /// <summary>The supervisor who keyed it; null when it came in a file.</summary>
    public string? KeyedByStaffId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// 出荷実績 — one row of a results file: a part of an order line that left the warehouse, with its own slip, carrier,
/// tracking number and dates. A line may ship in several parts; each is delivered, and returned, on its own date.
/// </summary>
public class ShipmentResult : IVersioned
{
    public int Id { get; set; }
    public int ShipmentId { get; set; }
    public int OrderLineId { get; set; }
    public OrderLine? OrderLine { get; set; }
    public int WarehouseResultsFileId { get; set; }
    /// <summary>The row's number in its file (1 = first data row).</summary>
    public int RowNumber { get; set; }
    public int Quantity { get; set; }
    /// <summary>出荷日.</summary>
    public DateOnly ShippedOn { get; set; }
    /// <summary>納品書番号.</summary>
    public required string DeliverySlipNumber { get; set; }
    /// <summary>運送会社, stored as typed (neutralised on export).</summary>
    public required string Carrier { get; set; }
    /// <summary>問い合わせ番号.</summary>
    public required string TrackingNumber { get; set; }
    /// <summary>お届け予定日 as the carrier reported it, when the row had one.</summary>
    public DateOnly? CarrierDeliveryDate { get; set; }
    /// <summary>When this part is due: the carrier's date, else the shipment's planned date; the desk may correct it.</summary>
    public DateOnly? DeliveryDate { get; set; }
    /// <summary>Set by the delivery job once <see cref="DeliveryDate"/> has come; returns count their window from it.</summary>
    public DateOnly? DeliveredOn { get; set; }
    public int Version { get; set; }

    /// <summary>The desk's correction (docs/business-rules.md §3b): delivered on the new date when it has come, else
    /// not delivered yet.</summary>
    public void CorrectDeliveryDate(DateOnly day, DateOnly today)
    {
        DeliveryDate = day;
        DeliveredOn = day <= today ? day : null;
    }
}

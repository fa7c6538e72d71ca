using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

public enum ShipmentStatus
{
    /// <summary>In the open cutoff batch; the desk may still correct or void it.</summary>
    Open,
    /// <summary>The batch closed and the warehouse has its shipping instruction (出荷指示).</summary>
    Instructed,
    /// <summary>出荷済: the warehouse reported every line shipped in full; not every part delivered yet.</summary>
    Shipped,
    /// <summary>Every line shipped and delivered in full.</summary>
    Delivered,
    Voided,
    /// <summary>入荷待ち: holds an order's lines short of stock; never in a cutoff batch. Served lines move to a shipment of their own.</summary>
    BackOrdered,
}

/// <summary>出荷 — the part of an order of one delivery class, with its own acceptance day and date.</summary>
public class Shipment : IVersioned
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public Order? Order { get; set; }
    public DeliveryClass DeliveryClass { get; set; }
    /// <summary>受付日.</summary>
    public DateOnly AcceptanceDay { get; set; }
    /// <summary>Planned (or corrected) delivery date; null for special orders until advised.</summary>
    public DateOnly? DeliveryDate { get; set; }
    /// <summary>納品書番号.</summary>
    public string? DeliverySlipNumber { get; set; }
    public ShipmentStatus Status { get; set; }
    public int? CutoffBatchId { get; set; }
    public int Version { get; set; }

    /// <summary>A special order's date as the maker advised it; only while it is still on its way, never before its 受付日.</summary>
    internal void AdviseDeliveryDate(DateOnly date)
    {
        if (Status is not (ShipmentStatus.Open or ShipmentStatus.Instructed or ShipmentStatus.Shipped))
            throw new BusinessRuleException("Ordering.SpecialOrder.NotOnItsWay");
        if (date < AcceptanceDay)
            throw new BusinessRuleException("Ordering.SpecialOrder.BeforeAcceptance", AcceptanceDay.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        DeliveryDate = date;
    }
}

using System.Globalization;
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
    /// <summary>
    /// 入荷待ち: holds an order's lines short of stock; never in a cutoff batch. Served lines move to a shipment of their
    /// own.
    /// </summary>
    BackOrdered,
}

/// <summary>
/// 出荷 — the part of an order of one delivery class, with its own acceptance day and date. The cutoff batch and the
/// warehouse's results move it on by single UPDATEs (docs/architecture.md, "Concurrency"); in memory it changes only
/// through its methods.
/// </summary>
public class Shipment : IVersioned
{
    private Shipment()
    {
    }

    public int Id { get; private set; }
    public int OrderId { get; private set; }
    public Order? Order { get; private set; }
    public DeliveryClass DeliveryClass { get; private set; }
    /// <summary>受付日.</summary>
    public DateOnly AcceptanceDay { get; private set; }
    /// <summary>Planned (or corrected) delivery date; null for special orders until advised.</summary>
    public DateOnly? DeliveryDate { get; private set; }
    /// <summary>納品書番号.</summary>
    public string? DeliverySlipNumber { get; private set; }
    public ShipmentStatus Status { get; private set; }
    public int? CutoffBatchId { get; private set; }
    public int Version { get; set; }

    /// <summary>A shipment in the open cutoff batch of its 受付日 (a new order's, or back orders served from stock).</summary>
    internal static Shipment Open(DeliveryClass deliveryClass, DateOnly acceptanceDay, DateOnly? deliveryDate, int orderId = 0) =>
        new()
        {
            OrderId = orderId, DeliveryClass = deliveryClass, AcceptanceDay = acceptanceDay, DeliveryDate = deliveryDate,
            Status = ShipmentStatus.Open,
        };

    /// <summary>入荷待ち: the lines of one delivery class short of stock wait here; no batch ever takes it.</summary>
    internal static Shipment BackOrdered(DeliveryClass deliveryClass, DateOnly acceptanceDay) =>
        new() { DeliveryClass = deliveryClass, AcceptanceDay = acceptanceDay, Status = ShipmentStatus.BackOrdered };

    /// <summary>
    /// A shipment as it stands after its history (instructed, delivered, voided) for the demo generator and the tests'
    /// data (docs/architecture.md, "Ordering: entities guard their state"). No use case calls it.
    /// </summary>
    internal static Shipment Past(DeliveryClass deliveryClass, DateOnly acceptanceDay, DateOnly? deliveryDate,
        ShipmentStatus status = ShipmentStatus.Open, string? deliverySlipNumber = null, int id = 0, int orderId = 0) =>
        new()
        {
            Id = id, OrderId = orderId, DeliveryClass = deliveryClass, AcceptanceDay = acceptanceDay, DeliveryDate = deliveryDate,
            Status = status, DeliverySlipNumber = deliverySlipNumber,
        };

    /// <summary>With its order, while it is still open or waiting for stock (<see cref="Order.Void"/> checks that).</summary>
    internal void Void() => Status = ShipmentStatus.Voided;

    /// <summary>
    /// A special order's date as the maker advised it; only while it is still on its way, never before its 受付日.
    /// </summary>
    internal void AdviseDeliveryDate(DateOnly date)
    {
        if (Status is not (ShipmentStatus.Open or ShipmentStatus.Instructed or ShipmentStatus.Shipped))
            throw new BusinessRuleException("Ordering.SpecialOrder.NotOnItsWay");
        if (date < AcceptanceDay)
            throw new BusinessRuleException("Ordering.SpecialOrder.BeforeAcceptance",
                AcceptanceDay.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
        DeliveryDate = date;
    }
}

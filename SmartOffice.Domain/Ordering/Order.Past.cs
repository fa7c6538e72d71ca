using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>Totals of a slip: goods ex-tax, shipping and why, tax once per rate, total and points.</summary>
internal sealed record OrderTotals(int GoodsSubtotal, int ShippingFee, ShippingFeeReason ShippingFeeReason, int TaxStandard,
    int TaxReduced, int Total, int PointsEarned)
{
    /// <summary>Goods only: no shipping, no tax, no points (test data that counts nothing else).</summary>
    public static OrderTotals GoodsOnly(int goods, int total = -1, int taxStandard = 0, int points = 0) =>
        new(goods, 0, default, taxStandard, 0, total < 0 ? goods : total, points);
}

/// <summary>What keying writes on an order: its header and totals as priced, its shipments and lines.</summary>
internal sealed record OrderContent(int DepartmentId, int? ShipToId, int? ShipToDepartmentId, DateTimeOffset ReceivedAt,
    DateOnly AcceptanceDay, DateOnly? RequestedDeliveryDate, OrderTotals Totals, IReadOnlyList<Shipment> Shipments,
    IReadOnlyList<OrderLine> Lines);

public partial class Order
{
    /// <summary>
    /// An order as it stands after its history — delivered, voided, awaiting approval — for the demo generator and
    /// the tests' data, which write what the use cases would have written over months (docs/architecture.md,
    /// "Ordering: entities guard their state"). No use case calls it.
    /// </summary>
    internal static Order Past(string number, int customerId, int departmentId, OrderChannel channel, DateTimeOffset receivedAt,
        DateOnly acceptanceDay = default, OrderTotals? totals = null, OrderStatus status = OrderStatus.Accepted,
        string? voidReason = null, DateTimeOffset? keyedAt = null, string? keyedBy = null, int? shipToId = null,
        int? webUserId = null, DateOnly? requestedDeliveryDate = null, bool saturdayRequested = false, int id = 0,
        IEnumerable<Shipment>? shipments = null, IEnumerable<OrderLine>? lines = null)
    {
        var order = new Order
        {
            Id = id,
            OrderNumber = number,
            CustomerId = customerId,
            DepartmentId = departmentId,
            ShipToId = shipToId,
            Channel = channel,
            ReceivedAt = receivedAt,
            AcceptanceDay = acceptanceDay,
            KeyedAt = keyedAt,
            KeyedByStaffId = keyedBy,
            WebUserId = webUserId,
            RequestedDeliveryDate = requestedDeliveryDate,
            SaturdayRequested = saturdayRequested,
            Status = status,
            VoidReason = voidReason,
        };
        if (totals is not null)
            order.TakeTotals(totals);
        order._shipments.AddRange(shipments ?? []);
        order._lines.AddRange(lines ?? []);
        return order;
    }
}

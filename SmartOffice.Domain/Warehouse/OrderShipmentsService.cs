using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Warehouse;

/// <summary>One line of a shipment: what was ordered, shipped (出荷数) and delivered (配達数).</summary>
public sealed record ShipmentLineView(int LineNumber, string ProductCode, string ProductName, int Ordered, int Shipped, int Delivered);

/// <summary>One shipped part (出荷実績) with its slip, carrier and tracking number; <see cref="Id"/> and <see
/// cref="Version"/> for a correction.</summary>
public sealed record ShipmentPartView(int Id, int Version, int LineNumber, string ProductCode, int Quantity, DateOnly ShippedOn,
    string DeliverySlipNumber, string Carrier, string TrackingNumber, DateOnly? DeliveryDate, DateOnly? DeliveredOn);

/// <summary>A return slip line taking back goods of the shipment.</summary>
public sealed record ShipmentReturnView(int ReturnSlipId, string SlipNumber, ReturnSlipStatus Status, DateOnly FormReceivedOn,
    int LineNumber,
    string ProductCode, int Quantity, InspectionResult Inspection);

/// <summary>出荷 as the order page shows it: status, lines, the parts that left the warehouse, the returns against it.</summary>
public sealed record OrderShipmentView(int ShipmentId, DeliveryClass DeliveryClass, DateOnly? DeliveryDate, ShipmentStatus Status,
    IReadOnlyList<ShipmentLineView> Lines, IReadOnlyList<ShipmentPartView> Parts, IReadOnlyList<ShipmentReturnView> Returns);

/// <summary>
/// The order page's view of each shipment after the cutoff (issue 19, item 5; docs/warehouse-files.md): anyone who may
/// open the order may see where its goods are; the correction itself is <see cref="DeliveryDateService"/>'s.
/// </summary>
public sealed class OrderShipmentsService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff)
{
    /// <exception cref="BusinessRuleException">No such order.</exception>
    /// <exception cref="AccessDeniedException">The order's customer belongs to another dealer.</exception>
    public async Task<IReadOnlyList<OrderShipmentView>> GetAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.OrderSearch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dealerId = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => (int?)o.Customer!.DealerId)
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.OrderSearch, dealerId);

        var shipments = await db.Shipments.AsNoTracking().Where(s => s.OrderId == orderId).OrderBy(s => s.DeliveryClass)
            .ToListAsync(cancellationToken);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.LineNumber)
            .ToListAsync(cancellationToken);
        var parts = await db.ShipmentResults.AsNoTracking().Where(r => r.OrderLine!.OrderId == orderId)
            .OrderBy(r => r.ShippedOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var returns = await (from line in db.ReturnSlipLines.AsNoTracking()
                             join slip in db.ReturnSlips.AsNoTracking() on line.ReturnSlipId equals slip.Id
                             where slip.OrderId == orderId
                             orderby slip.FormReceivedOn, slip.Id
                             select new { slip.Id, slip.SlipNumber, slip.Status, slip.FormReceivedOn, line.OrderLineId, line.Quantity,
                                 line.Inspection })
            .ToListAsync(cancellationToken);
        var lineOf = lines.ToDictionary(l => l.Id);

        return shipments.Select(s =>
        {
            var own = lines.Where(l => l.ShipmentId == s.Id).ToList();
            return new OrderShipmentView(s.Id, s.DeliveryClass, s.DeliveryDate, s.Status,
                own.Select(l => new ShipmentLineView(l.LineNumber, l.ProductCode, l.ProductName, l.Quantity, l.ShippedQuantity,
                    l.DeliveredQuantity)).ToList(),
                parts.Where(p => p.ShipmentId == s.Id).Select(p => new ShipmentPartView(p.Id, p.Version, lineOf[p.OrderLineId].LineNumber,
                    lineOf[p.OrderLineId].ProductCode, p.Quantity, p.ShippedOn, p.DeliverySlipNumber, p.Carrier, p.TrackingNumber,
                        p.DeliveryDate,
                    p.DeliveredOn)).ToList(),
                returns.Where(r => lineOf[r.OrderLineId].ShipmentId == s.Id)
                    .Select(r => new ShipmentReturnView(r.Id, r.SlipNumber, r.Status,
                    r.FormReceivedOn, lineOf[r.OrderLineId].LineNumber, lineOf[r.OrderLineId].ProductCode, r.Quantity, r.Inspection))
                        .ToList());
        }).ToList();
    }
}

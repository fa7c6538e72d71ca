using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>One order as <see cref="OrderDetail"/>, for the entry page's confirmation view and the search's detail page alike.</summary>
internal static class OrderDetails
{
    /// <param name="capability">What the caller uses it for: a dealer rep may read their own dealer's customers' orders only.</param>
    /// <exception cref="BusinessRuleException">No such order.</exception>
    /// <exception cref="AccessDeniedException">The order's customer belongs to another dealer.</exception>
    public static async Task<OrderDetail> LoadAsync(SmartOfficeDbContext db, int orderId, ICurrentStaff staff, Capability capability,
        CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery()
                        .Include(o => o.Customer!.Region).Include(o => o.Customer!.Dealer).Include(o => o.Department).Include(o => o.ShipTo)
                        .Include(o => o.Lines)
                        .Include(o => o.Shipments)
                        .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        var customer = order.Customer!;
        AccessPolicy.DemandCustomer(staff, capability, customer.DealerId);
        var keyedBy = order.KeyedByStaffId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == order.KeyedByStaffId).Select(u =>
                u.DisplayName).FirstOrDefaultAsync(cancellationToken)
              ?? order.KeyedByStaffId;
        // 届け先: a registered ship-to, another department of the customer, or the ordering department itself.
        var shipToDepartment = order.ShipToDepartmentId is { } other
            ? await db.Departments.AsNoTracking().Where(d => d.Id == other).Select(d => new { d.Name,
                d.Address }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var (shipToName, shipToAddress) = order.ShipTo is { } shipTo ? (shipTo.Name, shipTo.Address)
            : shipToDepartment is { } department ? (department.Name, department.Address)
            : (order.Department!.Name, order.Department.Address);
        var mayCorrect = order.Channel == OrderChannel.Fax && order.Status != OrderStatus.Voided
                         && order.Shipments.All(s => s.Status is ShipmentStatus.Open or ShipmentStatus.BackOrdered)
                         && AccessPolicy.Allows(staff, Capability.FaxOrderEntry);
        return new OrderDetail(order.Id, order.OrderNumber, order.Version, order.Channel, order.Status,
            new OrderingCustomerMatch(customer.Id, customer.Code, customer.Name, customer.NameKana, customer.Fax, customer.Phone,
                customer.Region?.Name ?? "", customer.Dealer?.Name ?? ""),
            order.Department!.Name, shipToName, shipToAddress,
            order.ReceivedAt, order.KeyedAt, keyedBy, order.RequestedDeliveryDate,
            order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderDetailLine(l.LineNumber, l.ProductCode, l.ProductName, l.Maker,
                l.Quantity, l.UnitPrice, l.Amount, l.TaxClass, l.DeliveryClass, l.LineComment, l.ShortOfStock, l.DeliveredQuantity,
                l.BackOrder, l.BackOrderServedOn, l.BackOrderCancelReason)).ToList(),
            order.Shipments.OrderBy(s => s.DeliveryClass).Select(s => new OrderDetailShipment(s.Id, s.DeliveryClass, s.AcceptanceDay,
                s.DeliveryDate,
                s.Status, s.DeliverySlipNumber)).ToList(),
            order.GoodsSubtotal, order.ShippingFee, order.ShippingFeeReason, order.TaxStandard, order.TaxReduced, order.Total,
            order.PointsEarned, order.VoidReason, mayCorrect, order.DepartmentId, order.ShipToId, order.ShipToDepartmentId,
                order.PointsShortfall);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>What saving and correcting a FAX order write alike: the order's content from its pricing, stock, the audit snapshot.</summary>
internal static class FaxOrderContent
{
    /// <summary>Fills the order's content from a priced draft: totals, dates, one shipment per delivery class and its lines.</summary>
    public static void Apply(Order order, PricedOrder priced, RulesOptions options)
    {
        var draft = priced.Draft;
        order.DepartmentId = draft.DepartmentId;
        order.ShipToId = draft.ShipToId;
        order.ShipToDepartmentId = draft.OtherShipToDepartmentId;
        order.ReceivedAt = draft.FaxReceivedAt;
        order.AcceptanceDay = priced.AcceptanceDay;
        order.RequestedDeliveryDate = draft.RequestedDeliveryDate;
        order.SaturdayRequested = draft.RequestedDeliveryDate?.DayOfWeek == DayOfWeek.Saturday;
        order.GoodsSubtotal = priced.GoodsSubtotal;
        order.ShippingFee = priced.Shipping.Fee;
        order.ShippingFeeReason = priced.Shipping.Reason;
        order.TaxStandard = priced.Tax.TaxAt(options.StandardTaxRatePercent);
        order.TaxReduced = priced.Tax.TaxAt(options.ReducedTaxRatePercent);
        order.Total = priced.Total;
        order.PointsEarned = priced.Points;

        var shipments = priced.Shipments.ToDictionary(s => s.DeliveryClass, s => new Shipment
        {
            DeliveryClass = s.DeliveryClass, AcceptanceDay = s.AcceptanceDay, DeliveryDate = s.DeliveryDate, Status = ShipmentStatus.Open,
        });
        order.Shipments.AddRange(shipments.Values);
        // 入荷待ち: the lines short of stock wait on a shipment of their own per delivery class, which no batch ever takes.
        var backOrders = new Dictionary<DeliveryClass, Shipment>();
        // Saved lines are numbered 1…n in keyed order, blank and refused lines left out.
        var number = 0;
        foreach (var line in priced.ValidLines)
        {
            var product = line.Product!;
            var saved = new OrderLine
            {
                LineNumber = ++number,
                Shipment = line.IsServed ? shipments[product.DeliveryClass] : null,
                ProductId = product.Id,
                ProductCode = product.Code,
                ProductName = product.Name,
                Quantity = line.Quantity!.Value,
                ListUnitPrice = product.ListPrice,
                UnitPrice = line.UnitPrice,
                Amount = line.Amount,
                TaxClass = product.TaxClass,
                DeliveryClass = product.DeliveryClass,
                Maker = product.Maker,
                IsEco = product.IsEco,
                CategoryId = product.CategoryId,
                Returnable = product.Returnable,
                LineComment = line.Comment,
            };
            if (!line.IsServed)
                saved.WaitForStock(BackOrderShipment(order, backOrders, product.DeliveryClass, priced.AcceptanceDay));
            order.Lines.Add(saved);
        }
    }

    private static Shipment BackOrderShipment(Order order, Dictionary<DeliveryClass, Shipment> backOrders, DeliveryClass deliveryClass, DateOnly day)
    {
        if (backOrders.TryGetValue(deliveryClass, out var shipment))
            return shipment;
        shipment = new Shipment { DeliveryClass = deliveryClass, AcceptanceDay = day, Status = ShipmentStatus.BackOrdered };
        backOrders[deliveryClass] = shipment;
        order.Shipments.Add(shipment);
        return shipment;
    }

    /// <summary>An order as its audit entries record it.</summary>
    public static object Snapshot(Order o) => new
    {
        o.OrderNumber, o.Status, o.DepartmentId, o.ShipToId, o.ShipToDepartmentId, o.ReceivedAt, o.AcceptanceDay, o.RequestedDeliveryDate, o.GoodsSubtotal,
        o.ShippingFee, o.TaxStandard, o.TaxReduced, o.Total, o.PointsEarned, o.PointsShortfall,
        Lines = o.Lines.OrderBy(l => l.LineNumber).Select(l => new { l.LineNumber, l.ProductCode, l.Quantity, l.UnitPrice, l.LineComment, l.ShortOfStock, l.BackOrder }),
    };
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// What saving and correcting a FAX order write alike: the order's content from its pricing, the audit snapshot.
/// </summary>
internal static class FaxOrderContent
{
    /// <summary>
    /// A priced draft as an order's content: header, totals, one shipment per delivery class and the lines, numbered
    /// 1…n in keyed order (blank and refused lines left out).
    /// </summary>
    public static OrderContent Of(PricedOrder priced, RulesOptions options)
    {
        var draft = priced.Draft;
        var shipments = priced.Shipments.ToDictionary(s => s.DeliveryClass,
            s => Shipment.Open(s.DeliveryClass, s.AcceptanceDay, s.DeliveryDate));
        var allShipments = shipments.Values.ToList();
        // 入荷待ち: the lines short of stock wait on a shipment of their own per delivery class, which no batch ever takes.
        var backOrders = new Dictionary<DeliveryClass, Shipment>();
        var lines = new List<OrderLine>();
        foreach (var line in priced.ValidLines)
        {
            var product = line.Product!;
            var saved = new OrderLine
            {
                LineNumber = lines.Count + 1,
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
                saved.WaitForStock(BackOrderShipment(allShipments, backOrders, product.DeliveryClass, priced.AcceptanceDay));
            lines.Add(saved);
        }
        var totals = new OrderTotals(priced.GoodsSubtotal, priced.Shipping.Fee, priced.Shipping.Reason,
            priced.Tax.TaxAt(options.StandardTaxRatePercent), priced.Tax.TaxAt(options.ReducedTaxRatePercent), priced.Total,
            priced.Points);
        return new OrderContent(draft.DepartmentId, draft.ShipToId, draft.OtherShipToDepartmentId, draft.FaxReceivedAt,
            priced.AcceptanceDay, draft.RequestedDeliveryDate, totals, allShipments, lines);
    }

    private static Shipment BackOrderShipment(List<Shipment> shipments, Dictionary<DeliveryClass, Shipment> backOrders,
        DeliveryClass deliveryClass, DateOnly day)
    {
        if (backOrders.TryGetValue(deliveryClass, out var shipment))
            return shipment;
        shipment = Shipment.BackOrdered(deliveryClass, day);
        backOrders[deliveryClass] = shipment;
        shipments.Add(shipment);
        return shipment;
    }

    /// <summary>An order as its audit entries record it.</summary>
    public static object Snapshot(Order o) => new
    {
        o.OrderNumber, o.Status, o.DepartmentId, o.ShipToId, o.ShipToDepartmentId, o.ReceivedAt, o.AcceptanceDay, o.RequestedDeliveryDate,
            o.GoodsSubtotal,
        o.ShippingFee, o.TaxStandard, o.TaxReduced, o.Total, o.PointsEarned, o.PointsShortfall,
        Lines = o.Lines.OrderBy(l => l.LineNumber).Select(l => new { l.LineNumber, l.ProductCode, l.Quantity, l.UnitPrice, l.LineComment,
            l.ShortOfStock, l.BackOrder }),
    };
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// 入荷引当: stock that arrived serves the waiting back orders of its product (docs/back-orders.md) — oldest acceptance first,
/// a line in part when the stock covers only part (the rest keeps waiting), never a later line before an earlier one. What an
/// order gets is a shipment of its own in the next cutoff batch, free of shipping, billed as its own slip and earning points
/// on the day it is served. Runs inside the caller's transaction (a stock-receipt file, or a receipt keyed on the stock page).
/// </summary>
internal sealed class BackOrderServing(RulesOptions options, IBusinessCalendar calendar, BusinessClock clock, TimeProvider time,
    ICurrentStaff? staff)
{
    /// <summary>Who the audit trail names when a file from the warehouse served the back orders.</summary>
    public const string WarehouseActor = "warehouse";

    private readonly DeliveryRules _delivery = new(calendar, options);
    private readonly TaxRules _tax = new(options);
    private readonly PointRules _points = new(options);

    /// <summary>Serves what the product's stock on hand covers; returns the quantity served.</summary>
    public async Task<int> ServeAsync(SmartOfficeDbContext db, int productId, CancellationToken cancellationToken)
    {
        var stock = await db.Products.Where(p => p.Id == productId).Select(p => p.StockOnHand).FirstAsync(cancellationToken);
        if (stock <= 0)
            return 0;
        var waiting = await (
            from line in db.OrderLines.Include(l => l.Shipment)
            where line.ProductId == productId && line.BackOrder == BackOrderState.Waiting
                && line.Shipment!.Status == ShipmentStatus.BackOrdered
            join order in db.Orders on line.OrderId equals order.Id
            orderby order.AcceptanceDay, order.ReceivedAt, order.Id, line.LineNumber
            select line).ToListAsync(cancellationToken);

        // Taken before serving: a line served in full moves to its new shipment.
        var backOrderShipments = waiting.Select(l => l.ShipmentId).Distinct().ToList();
        var served = new List<(OrderLine Line, bool Billed)>();
        foreach (var line in waiting)
        {
            if (stock == 0)
                break;
            var quantity = Math.Min(stock, line.Quantity);
            // A back order of before Issue 20 (the ShortOfStock flag) was billed at acceptance: serving it bills nothing more.
            var billed = line.Amount > 0;
            served.Add((await ServeLineAsync(db, line, quantity, cancellationToken), billed));
            stock -= quantity;
        }
        if (served.Count == 0)
            return 0;
        var total = served.Sum(l => l.Line.Quantity);
        var taken = await db.Products.Where(p => p.Id == productId && p.StockOnHand >= total)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand - total), cancellationToken);
        if (taken == 0)
            throw new DbUpdateConcurrencyException($"The stock of product {productId} changed while its back orders were served.");
        foreach (var order in served.Where(l => !l.Billed).GroupBy(l => l.Line.OrderId))
            await BillAsync(db, order.Key, order.Select(l => l.Line).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CloseEmptiedAsync(db, backOrderShipments, cancellationToken);
        return total;
    }

    /// <summary>The day's shipment of the order's served back orders of the class: made once, in the next batch.</summary>
    private readonly Dictionary<(int OrderId, DeliveryClass Class), Shipment> _shipments = [];
    private readonly Dictionary<int, int> _nextLineNumber = [];

    private async Task<OrderLine> ServeLineAsync(SmartOfficeDbContext db, OrderLine line, int quantity, CancellationToken cancellationToken)
    {
        if (!_shipments.TryGetValue((line.OrderId, line.DeliveryClass), out var shipment))
        {
            var order = await OrderAsync(db, line.OrderId, cancellationToken);
            var cutoffs = order.Customer!.Region!.Cutoffs;
            var acceptanceDay = _delivery.AcceptanceDay(time.GetUtcNow(), _delivery.CutoffFor(OrderChannel.Fax, line.DeliveryClass,
                cutoffs));
            shipment = Shipment.Open(line.DeliveryClass, acceptanceDay,
                _delivery.EarliestDelivery(acceptanceDay, line.DeliveryClass, cutoffs, saturdayRequested: false), line.OrderId);
            db.Shipments.Add(shipment);
            _shipments[(line.OrderId, line.DeliveryClass)] = shipment;
        }
        if (!_nextLineNumber.TryGetValue(line.OrderId, out var number))
            number = await db.OrderLines.Where(l => l.OrderId == line.OrderId).MaxAsync(l => l.LineNumber, cancellationToken) + 1;
        var served = line.Serve(quantity, shipment, clock.Today, number);
        if (!ReferenceEquals(served, line))
        {
            db.OrderLines.Add(served);
            number++;
        }
        _nextLineNumber[line.OrderId] = number;
        return served;
    }

    private readonly Dictionary<int, Order> _orders = [];

    /// <summary>An order being served, with its customer and region: read once, for its new shipment and again for its bill.</summary>
    private async Task<Order> OrderAsync(SmartOfficeDbContext db, int orderId, CancellationToken cancellationToken)
    {
        if (!_orders.TryGetValue(orderId, out var order))
        {
            order = await db.Orders.Include(o => o.Customer).ThenInclude(c => c!.Region).FirstAsync(o => o.Id == orderId,
                cancellationToken);
            _orders[orderId] = order;
        }
        return order;
    }

    /// <summary>The served lines as a slip of their own: no shipping, tax per rate, points on the order's new goods total.</summary>
    private async Task BillAsync(SmartOfficeDbContext db, int orderId, List<OrderLine> lines, CancellationToken cancellationToken)
    {
        var order = await OrderAsync(db, orderId, cancellationToken);
        var before = new { order.GoodsSubtotal, order.TaxStandard, order.TaxReduced, order.Total, order.PointsEarned };
        var goods = lines.Sum(l => l.Amount);
        var tax = _tax.ForSlip(lines.Select(l => new TaxableAmount(l.TaxClass, l.Amount)), 0);
        var today = clock.Today;
        var optedOut = order.Customer!.PointsOptedOutOn(today);
        var points = _points.PointsEarned(order.GoodsSubtotal + goods, optedOut) - _points.PointsEarned(order.GoodsSubtotal, optedOut);
        order.BillServedBackOrders(goods, tax.TaxAt(options.StandardTaxRatePercent), tax.TaxAt(options.ReducedTaxRatePercent), Math.Max(0,
            points));
        if (points > 0)
        {
            var ledger = new PointLedger(db, _points, time, staff?.Id ?? WarehouseActor);
            var account = await ledger.DepartmentAccountAsync(order.DepartmentId, cancellationToken);
            await ledger.EarnAsync(account.Id, order.Id, points, today, cancellationToken);
        }
        var after = new
        {
            order.GoodsSubtotal, order.TaxStandard, order.TaxReduced, order.Total, order.PointsEarned,
            Served = lines.Select(l => new { l.LineNumber, l.ProductCode, l.Quantity, l.Amount }),
        };
        db.AuditEntries.Add(staff is null
            ? AuditTrail.BySystem(WarehouseActor, time.GetUtcNow(), "Ordering.BackOrderServed", nameof(Order), order.OrderNumber, before,
                after)
            : AuditTrail.Entry(staff, time, "Ordering.BackOrderServed", nameof(Order), order.OrderNumber, before, after));
    }

    /// <summary>A back-order shipment left with no waiting line closes: gone when empty, voided when its lines were cancelled.</summary>
    internal static async Task CloseEmptiedAsync(SmartOfficeDbContext db, List<int> shipmentIds, CancellationToken cancellationToken)
    {
        var emptied = db.Shipments.Where(s => shipmentIds.Contains(s.Id) && s.Status == ShipmentStatus.BackOrdered
                                              && !db.OrderLines.Any(l => l.ShipmentId == s.Id && l.BackOrder == BackOrderState.Waiting));
        await emptied.Where(s => !db.OrderLines.Any(l => l.ShipmentId == s.Id)).ExecuteDeleteAsync(cancellationToken);
        await emptied.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ShipmentStatus.Voided).SetProperty(x => x.Version,
            x => x.Version + 1),
            cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// 追加注文 across a group (docs/business-rules.md §2, docs/text-and-order-rules.md): after an order is saved, voided or
/// corrected, every
/// accepted order of the customer on the 受付日s concerned is priced again for shipping — grouped by ship-to and delivery
/// date, in the order they were received (ties in the order they were saved). An open order takes the fee the rule now
/// gives, with its tax and total; an order whose cutoff batch has closed keeps its fee and says
/// <see cref="ShippingFeeReason.KeptAfterBatchClosed"/> while the rule would give another. Runs inside the caller's
/// transaction on its context (the caller saves); every change is audited with the order that caused it.
/// </summary>
internal sealed class AdditionalOrderRepricing(RulesOptions options, IBusinessCalendar calendar, BusinessClock clock, ICurrentStaff staff,
    TimeProvider time)
{
    private readonly DeliveryRules _delivery = new(calendar, options);
    private readonly ShippingRules _shipping = new(options);
    private readonly TaxRules _tax = new(options);

    /// <param name="cause">The order saved, corrected or voided, already written: it counts for the others, its own fee
    /// is its pricing's.</param>
    /// <returns>The numbers of the other open orders whose fee changed.</returns>
    public async Task<IReadOnlyList<string>> RepriceAsync(SmartOfficeDbContext db, Order cause, IEnumerable<DateOnly> acceptanceDays,
        CancellationToken cancellationToken)
    {
        var days = acceptanceDays.Distinct().ToList();
        var region = await db.Customers.Where(c => c.Id == cause.CustomerId).Select(c => c.Region!).SingleAsync(cancellationToken);
        var cutoffs = region.Cutoffs;
        // A back-order shipment ships nothing and bills nothing: it takes no part in the shipping rule.
        var orders = await db.Orders.Include(o => o.Shipments.Where(s => s.Status != ShipmentStatus.BackOrdered))
            .Where(o => o.CustomerId == cause.CustomerId && days.Contains(o.AcceptanceDay) && o.Status == OrderStatus.Accepted)
            .ToListAsync(cancellationToken);
        var repriced = new List<string>();
        foreach (var group in orders.Where(o => o.Shipments.Count > 0).GroupBy(o => (o.AcceptanceDay, First(o).DeliveryDate, ShipTo(o))))
        {
            var earlier = new List<ShippingOrder>();
            foreach (var order in group.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id))
            {
                var first = First(order);
                var cutoff = clock.At(order.AcceptanceDay, _delivery.CutoffFor(order.Channel, first.DeliveryClass, cutoffs));
                var shipping = new ShippingOrder(order.AcceptanceDay, first.DeliveryDate, ShipTo(order), order.GoodsSubtotal);
                var decision = _shipping.Decide(shipping, order.ReceivedAt < cutoff, earlier);
                earlier.Add(shipping);
                if (order.Id != cause.Id && await ApplyAsync(db, order, decision, cause.OrderNumber, cancellationToken))
                    repriced.Add(order.OrderNumber);
            }
        }
        return repriced;
    }

    /// <summary>An open order takes the decision (true when its fee changed); a closed one only says why its fee stays.</summary>
    private async Task<bool> ApplyAsync(SmartOfficeDbContext db, Order order, ShippingDecision decision, string cause,
        CancellationToken cancellationToken)
    {
        var before = Snapshot(order);
        if (order.Shipments.Any(s => s.Status != ShipmentStatus.Open))
        {
            var reason = decision.Fee != order.ShippingFee ? ShippingFeeReason.KeptAfterBatchClosed
                : order.ShippingFeeReason == ShippingFeeReason.KeptAfterBatchClosed ? decision.Reason
                : order.ShippingFeeReason;
            if (reason == order.ShippingFeeReason)
                return false;
            order.ExplainKeptShippingFee(reason);
            db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.ShippingKept", nameof(Order), order.OrderNumber, before,
                Snapshot(order), note: cause));
            return false;
        }
        if (decision.Fee == order.ShippingFee && decision.Reason == order.ShippingFeeReason)
            return false;
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == order.Id)
            .Select(l => new TaxableAmount(l.TaxClass, l.Amount)).ToListAsync(cancellationToken);
        var tax = _tax.ForSlip(lines, decision.Fee);
        order.RepriceShipping(decision, tax, options);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.ShippingRepriced", nameof(Order), order.OrderNumber, before,
            Snapshot(order), note: cause));
        return true;
    }

    /// <summary>The shipment that dates the order for the rule: standard before furniture before special order.</summary>
    private static Shipment First(Order order) => order.Shipments.OrderBy(s => s.DeliveryClass).First();

    private static int ShipTo(Order order) => FaxOrderPricing.ShipToKey(order.ShipToId, order.ShipToDepartmentId, order.DepartmentId);

    private static object Snapshot(Order o) => new { o.ShippingFee, o.ShippingFeeReason, o.TaxStandard, o.Total };
}

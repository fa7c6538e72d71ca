using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>リピートオーダー: an earlier order copied into a new draft (docs/product-enquiry-and-quotes.md).</summary>
public sealed partial class FaxOrderService
{
    /// <summary>
    /// The order's customer, department, ship-to and lines (codes and quantities) as a new draft received now, for the entry
    /// form to price again with today's prices and rules. Products no longer sold or locked for the customer are left out and
    /// named; a ship-to no longer active is dropped (it ships to the department). Nothing is saved.
    /// </summary>
    /// <exception cref="BusinessRuleException">No such order, or its customer is no longer active.</exception>
    /// <exception cref="AccessDeniedException">Dealer reps key no orders.</exception>
    public async Task<RepeatOrder> RepeatAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
                        .Select(o => new
                        {
                            o.OrderNumber, o.CustomerId, o.Customer!.DealerId, o.DepartmentId,
                            ShipToId = o.ShipTo != null && o.ShipTo.IsActive ? o.ShipToId : null,
                            ShipToDepartmentId = db.Departments.Any(d => d.Id == o.ShipToDepartmentId
                                && d.IsActive) ? o.ShipToDepartmentId : null,
                        })
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, order.DealerId);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.LineNumber)
            .Select(l => new { l.LineNumber, l.ProductCode, l.ProductName, l.Quantity }).ToListAsync(cancellationToken);
        var all = new FaxOrderDraft(order.CustomerId, order.DepartmentId, order.ShipToId, time.GetUtcNow(), null,
            lines.Select(l => new FaxOrderDraftLine(l.ProductCode, l.Quantity.ToString(CultureInfo.InvariantCulture), null)).ToList(),
            ShipToDepartmentId: order.ShipToDepartmentId);
        // Priced by the entry's own rules, so "no longer sold" and "locked" mean what they mean on save.
        var priced = await PriceAsync(db, all, null, cancellationToken);
        var leftOut = priced.Lines.Select(l => (Line: lines[l.LineNumber - 1], Priced: l, Reason: LeftOutReason(l.Problem)))
            .Where(l => l.Reason is not null)
            .Select(l => new RepeatLeftOut(l.Line.LineNumber, l.Line.ProductCode, l.Priced.Product?.Name ?? l.Line.ProductName,
                l.Reason!.Value,
                l.Reason == RepeatLeftOutReason.CategoryLocked ? l.Priced.Product?.CategoryName : null))
            .ToList();
        var kept = all.Lines.Where((_, i) => leftOut.All(l => l.LineNumber != lines[i].LineNumber)).ToList();
        return new RepeatOrder(orderId, order.OrderNumber, all with { Lines = kept }, leftOut);
    }

    private static RepeatLeftOutReason? LeftOutReason(OrderProblem? problem) => problem?.Key switch
    {
        "Ordering.UnknownProduct" or "Ordering.InactiveProduct" => RepeatLeftOutReason.NoLongerSold,
        "Ordering.ProductLocked" => RepeatLeftOutReason.ProductLocked,
        "Ordering.CategoryLocked" => RepeatLeftOutReason.CategoryLocked,
        _ => null,
    };
}

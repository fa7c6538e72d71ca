using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// Cancel one back-ordered line (入荷待ちの取消) of an order as seen at <see cref="Version"/>, for the customer's reason.
/// </summary>
public sealed record BackOrderCancel(int OrderId, int Version, int LineNumber, string? Reason);

/// <summary>
/// 入荷待ち at the desk: the customer may cancel a back order instead of waiting for the stock (docs/back-orders.md).
/// </summary>
public sealed class BackOrderService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time)
{
    private const string ChangedKey = "Ordering.OrderChanged";

    /// <summary>
    /// The line stops waiting: nothing was billed, reserved or earned for it, so nothing goes back; the budget no longer counts
    /// it. One transaction with an audit entry; the order's version moves, so a page showing the old order is told.
    /// </summary>
    /// <exception cref="BusinessRuleException">No reason, not a waiting line, or the order changed meanwhile; nothing
    /// was saved.</exception>
    public async Task CancelAsync(BackOrderCancel request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var reason = ReasonText.Require(request.Reason, "Ordering.BackOrder.ReasonRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Customer).Include(o => o.Lines.Where(l => l.LineNumber == request.LineNumber))
                        .FirstOrDefaultAsync(o => o.Id == request.OrderId, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, order.Customer!.DealerId);
        order.AsSeen(request.Version, ChangedKey);
        var line = order.Lines.SingleOrDefault() ?? throw new BusinessRuleException("Ordering.BackOrder.NotWaiting", request.LineNumber);
        line.CancelBackOrder(reason);
        // The order's version moves with its line, so a page still showing the line waiting is refused, not overwritten.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.BackOrderCancelled", nameof(Order), order.OrderNumber,
            new { line.LineNumber, line.ProductCode, line.Quantity, BackOrder = BackOrderState.Waiting },
            new { line.LineNumber, line.ProductCode, line.Quantity, line.BackOrder }, note: reason));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await BackOrderServing.CloseEmptiedAsync(db, [line.ShipmentId], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>Who marked an order's stock-out notice sent, and when.</summary>
public sealed record StockOutNoticeSent(DateTimeOffset At, string? By);

/// <summary>品切れのお知らせ: the desk records that the notice went out (docs/stock-out-and-special-orders.md).</summary>
public sealed class StockOutNoticeService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time)
{
    private const string ChangedKey = "Ordering.OrderChanged";

    /// <summary>
    /// Marks the notice of the order as seen at <paramref name="version"/> sent now, by the caller; one transaction with
    /// audit entry <c>Ordering.StockOutNoticeSent</c>.
    /// </summary>
    /// <exception cref="BusinessRuleException">No short line, already sent, or the order changed meanwhile; nothing was saved.</exception>
    public async Task<StockOutNoticeSent> MarkSentAsync(int orderId, int version, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Customer).Include(o => o.Lines.Where(l => l.ShortOfStock))
                        .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, order.Customer!.DealerId);
        order.AsSeen(version, ChangedKey);
        order.MarkStockOutNoticeSent(staff.Name, time.GetUtcNow());
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.StockOutNoticeSent", nameof(Order), order.OrderNumber,
            new { StockOutNoticeSentAt = (DateTimeOffset?)null },
            new { order.StockOutNoticeSentAt }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StockOutNoticeSent(order.StockOutNoticeSentAt!.Value, order.StockOutNoticeSentBy);
    }
}

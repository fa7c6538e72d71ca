using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>取消 and 訂正 of a FAX order keyed wrongly, while its cutoff batches are open.</summary>
public sealed partial class FaxOrderService
{
    /// <summary>取消: the whole order, while every shipment is still in its open cutoff batch; stock and points go back.</summary>
    public async Task<FaxOrderVoidResult> VoidAsync(FaxOrderVoid request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var reason = ReasonText.Require(request.Reason, "Ordering.ReasonRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await LoadEditableAsync(db, request.OrderId, request.Version, cancellationToken);
        await LockCustomerOrdersAsync(db, order.CustomerId, cancellationToken);
        var before = FaxOrderContent.Snapshot(order);

        await OrderStock.RestoreAsync(db, order.Lines, cancellationToken);
        await ReversePointsAsync(db, order, reason, cancellationToken);
        order.Void(reason);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.FaxOrderVoided", nameof(Order), order.OrderNumber, before,
            FaxOrderContent.Snapshot(order),
            note: reason));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        // Saved first: the voided order no longer counts for the others of its group.
        var repriced = await RepriceGroupAsync(db, order, [order.AcceptanceDay], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FaxOrderVoidResult(order.OrderNumber, order.PointsShortfall, repriced);
    }

    /// <summary>
    /// 訂正: the draft replaces the order's content under the same number, while every shipment is still open. Stock of the
    /// old lines goes back and the new lines reserve theirs; the old points are reversed and the new ones earned. A soft
    /// budget overrun needs <see cref="FaxOrderCorrection.SoftBudgetConfirmed"/> (else the confirmation is returned, nothing saved).
    /// </summary>
    public async Task<FaxOrderSaveResult> CorrectAsync(FaxOrderCorrection request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var reason = ReasonText.Require(request.Reason, "Ordering.ReasonRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await LoadEditableAsync(db, request.OrderId, request.Version, cancellationToken);
        await LockCustomerOrdersAsync(db, order.CustomerId, cancellationToken);
        if (request.Draft.CustomerId != order.CustomerId)
            throw new BusinessRuleException("Ordering.CorrectionOtherCustomer");
        var priced = await PriceAsync(db, request.Draft, order.Id, cancellationToken);
        Refuse(priced);
        if (priced.Budget.Status == BudgetStatus.OverSoft && !request.SoftBudgetConfirmed)
            return new FaxOrderSaveResult(null, order.OrderNumber, false, [SaveConfirmation.SoftBudgetOverrun], [], priced.Quote, []);
        var before = FaxOrderContent.Snapshot(order);
        var dayBefore = order.AcceptanceDay;

        await OrderStock.RestoreAsync(db, order.Lines, cancellationToken);
        await ReversePointsAsync(db, order, reason, cancellationToken);
        var content = FaxOrderContent.Of(priced, options.Value);
        // The lines are rebuilt: the old rows go first so the new ones may take their line numbers.
        var (oldLines, oldShipments) = order.Correct(content);
        db.OrderLines.RemoveRange(oldLines);
        db.Shipments.RemoveRange(oldShipments);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        order.AddContent(content);
        await db.SaveChangesAsync(cancellationToken);

        var shortLines = await OrderStock.ReserveAsync(db, order.Lines, cancellationToken);
        await EarnAsync(db, order, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.FaxOrderCorrected", nameof(Order), order.OrderNumber, before,
            FaxOrderContent.Snapshot(order),
            note: reason));
        // The group it left (another 受付日, ship-to or date) and the one it joined.
        var repriced = await RepriceGroupAsync(db, order, [dayBefore, order.AcceptanceDay], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FaxOrderSaveResult(order.Id, order.OrderNumber, false, [], shortLines, priced.Quote, repriced, order.PointsShortfall);
    }

    /// <summary>
    /// Takes back what the order earned, never below zero, and records on the order what could not be (the account had spent
    /// it), as a return slip does. The accounts' versions move first, inside the transaction: a prize spend or a return on the
    /// same account at the same moment is refused instead of interleaving.
    /// </summary>
    private async Task ReversePointsAsync(SmartOfficeDbContext db, Order order, string reason, CancellationToken cancellationToken)
    {
        var accounts = await db.PointAccounts.Where(a => db.PointLots.Any(l => l.OrderId == order.Id && l.PointAccountId == a.Id))
            .ToListAsync(cancellationToken);
        if (accounts.Count == 0)
            return;
        foreach (var account in accounts)
            PointAccountService.Touch(db, account);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        // The ledger counts what is still owed over every earlier correction, so the shortfall replaces, never adds.
        order.RecordPointsShortfall(await Ledger(db).ReverseOrderAsync(order.Id, clock.Today, reason, cancellationToken));
    }

    /// <summary>A FAX order as seen, not voided, every shipment still in its open cutoff batch (or waiting for stock).</summary>
    private async Task<Order> LoadEditableAsync(SmartOfficeDbContext db, int orderId, int version, CancellationToken cancellationToken)
    {
        // Split: lines × shipments in one statement multiplies the rows.
        var order = await db.Orders.AsSplitQuery().Include(o => o.Lines).Include(o => o.Shipments).FirstOrDefaultAsync(o => o.Id == orderId,
            cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        order.AsSeen(version, ChangedKey);
        order.DemandEditable();
        return order;
    }
}

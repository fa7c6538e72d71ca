using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Ordering;

/// <summary>確定: saving a new FAX order once per entry form.</summary>
public sealed partial class FaxOrderService
{
    /// <summary>
    /// 確定: re-checks everything and saves in one transaction — order number, stock reserved line by line (lines the stock
    /// cannot cover are flagged short and reserve nothing), one shipment per delivery class, the department's points, an
    /// audit entry. The same <see cref="FaxOrderSaveRequest.EntryKey"/> saved again returns the first order (Replayed).
    /// A soft-budget overrun or a possible duplicate returns the confirmations needed and saves nothing.
    /// </summary>
    /// <exception cref="BusinessRuleException">A rule refuses the order (the first problem); nothing was saved.</exception>
    public async Task<FaxOrderSaveResult> SaveAsync(FaxOrderSaveRequest request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var started = ConsoleMetrics.Start();
        try
        {
            var result = await SaveOrReplayAsync(request, cancellationToken);
            metrics?.Saved(started, result.Replayed ? "replayed" : result.OrderId is null ? "confirmation" : "saved");
            return result;
        }
        catch (BusinessRuleException)
        {
            metrics?.Saved(started, "refused");
            throw;
        }
    }

    private async Task<FaxOrderSaveResult> SaveOrReplayAsync(FaxOrderSaveRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ReplayAsync(db, request, cancellationToken) is { } replayed)
            return replayed;

        try
        {
            return await SaveOnceAsync(db, request, cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another save of the same form won the race to the UNIQUE entry key: this one returns that order.
            if (await ExistingAsync(request.EntryKey, cancellationToken) is { } first)
                return await ReplayedResultAsync(first, request, cancellationToken);
            throw;
        }
    }

    private async Task<FaxOrderSaveResult> SaveOnceAsync(SmartOfficeDbContext db, FaxOrderSaveRequest request,
        CancellationToken cancellationToken)
    {
        // SQLite: EF begins IMMEDIATE transactions, so concurrent saves queue here and the second sees the first's key.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ReplayAsync(db, request, cancellationToken) is { } raced)
            return raced;
        await LockCustomerOrdersAsync(db, request.Draft.CustomerId, cancellationToken);
        var faxItem = request.Draft.FaxInboxItemId;
        await faxInbox.DemandClaimAsync(db, faxItem, cancellationToken);

        var priced = await PriceAsync(db, request.Draft, null, cancellationToken);
        Refuse(priced);
        var quote = await QuoteOrdering.OpenAsync(db, request.Draft, cancellationToken);
        var confirmations = new List<SaveConfirmation>();
        if (priced.Budget.Status == BudgetStatus.OverSoft && !request.SoftBudgetConfirmed)
            confirmations.Add(SaveConfirmation.SoftBudgetOverrun);
        if (priced.Duplicates.Count > 0 && !request.DuplicateConfirmed)
            confirmations.Add(SaveConfirmation.PossibleDuplicate);
        if (confirmations.Count > 0)
            return new FaxOrderSaveResult(null, null, false, confirmations, [], priced.Quote, []);

        var order = Order.KeyFromFax(request.EntryKey, priced.Customer.Id, time.GetUtcNow(), staff.Id, faxItem,
            FaxOrderContent.Of(priced, options.Value));
        db.Orders.Add(order);
        quote?.TurnedInto(order);
        await db.SaveChangesAsync(cancellationToken);
        order.Number(OrderNumberOf(order));
        // The FAX it was keyed from becomes 完了 and points to the order, or the whole save is refused.
        await faxInbox.CloseAsync(db, faxItem, FaxKind.Order, order.Id, order.CustomerId, cancellationToken);
        var shortLines = await OrderStock.ReserveAsync(db, order.Lines, cancellationToken);
        await EarnAsync(db, order, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.FaxOrderSaved", nameof(Order), order.OrderNumber, null,
            FaxOrderContent.Snapshot(order)));
        var repriced = await RepriceGroupAsync(db, order, [order.AcceptanceDay], cancellationToken);
        // What the agent did with the fields read from the FAX is saved with the order or not at all.
        if (faxItem is { } readFax && request.Recognised is { } keyed)
            await FaxRecognitionOutcome.RecordAsync(db, readFax, keyed, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        faxInbox.Announce(faxItem);
        return new FaxOrderSaveResult(order.Id, order.OrderNumber, false, [], shortLines, priced.Quote, repriced);
    }

    /// <summary>F + the FAX's receipt date (Japan) + the database id: the demo data's format, unique because the id is.</summary>
    private string OrderNumberOf(Order order) =>
        string.Create(CultureInfo.InvariantCulture, $"F{clock.ToBusinessTime(order.ReceivedAt):yyMMdd}{order.Id:D7}");

    private async Task<FaxOrderSaveResult?> ReplayAsync(SmartOfficeDbContext db, FaxOrderSaveRequest request,
        CancellationToken cancellationToken)
    {
        var key = request.EntryKey;
        var first = await db.Orders.AsNoTracking().Where(o => o.EntryKey == key).Select(o =>
            (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return first is { } id ? await ReplayedResultAsync(id, request, cancellationToken) : null;
    }

    private async Task<int?> ExistingAsync(Guid entryKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking().Where(o => o.EntryKey == entryKey).Select(o =>
            (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The first save's order, with the draft re-quoted as it stands beside that order.</summary>
    private async Task<FaxOrderSaveResult> ReplayedResultAsync(int orderId, FaxOrderSaveRequest request,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.Id,
            o.OrderNumber }).FirstAsync(cancellationToken);
        var shortLines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId && l.ShortOfStock).OrderBy(l => l.LineNumber)
            .Select(l => l.LineNumber).ToListAsync(cancellationToken);
        var quote = (await PriceAsync(db, request.Draft, orderId, cancellationToken)).Quote;
        return new FaxOrderSaveResult(saved.Id, saved.OrderNumber, true, [], shortLines, quote, []);
    }
}

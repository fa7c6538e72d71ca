using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// The maker's advised delivery date (as keyed) for the special-order shipment of an order seen at <see
/// cref="Version"/>.
/// </summary>
public sealed record SpecialOrderDate(int OrderId, int Version, int ShipmentId, string? Date);

/// <summary>
/// 特注品 (電話マーク): the desk records the delivery date the maker advised (docs/stock-out-and-special-orders.md).
/// </summary>
public sealed class SpecialOrderService(
    IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time, BusinessClock clock,
        IOptions<FollowUpOptions> options)
{
    private const string ChangedKey = "Ordering.OrderChanged";

    /// <summary>
    /// The advised date becomes the shipment's planned delivery date — and that of its shipped parts without a carrier's date, so the
    /// delivery job delivers them on it and the return window counts from it. One transaction with audit entry
    /// <c>Ordering.SpecialOrderDateAdvised</c>; a later call changes the date (the maker moved it).
    /// </summary>
    /// <exception cref="BusinessRuleException">No or no valid date, before the 受付日 or too far ahead, not a special order still on its
    /// way, a voided order, or the order changed meanwhile; nothing was saved.</exception>
    public async Task<DateOnly> RecordAdvisedDateAsync(SpecialOrderDate request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var date = KeyedDate.Parse(request.Date, "Ordering.SpecialOrder.DateMissing", "Ordering.SpecialOrder.DateNotValid");
        var latest = clock.Today.AddDays(options.Value.AdvisedDateMaxDays);
        if (date > latest)
            throw new BusinessRuleException("Ordering.SpecialOrder.TooFar", latest.ToString("yyyy/MM/dd",
                System.Globalization.CultureInfo.InvariantCulture));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Customer).Include(o => o.Shipments.Where(s => s.Id == request.ShipmentId))
                        .FirstOrDefaultAsync(o => o.Id == request.OrderId, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, order.Customer!.DealerId);
        order.AsSeen(request.Version, ChangedKey);
        var before = order.Shipments.SingleOrDefault()?.DeliveryDate;
        var shipment = order.AdviseSpecialOrderDate(request.ShipmentId, date);
        // The order's version moves with its shipment, so a page still showing the old date is refused, not overwritten.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.SpecialOrderDateAdvised", nameof(Order), order.OrderNumber,
            new { DeliveryDate = before }, new { shipment.DeliveryDate }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await db.ShipmentResults.Where(r => r.ShipmentId == shipment.Id && r.DeliveredOn == null && r.CarrierDeliveryDate == null)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.DeliveryDate, date), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return date;
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// お届け日の訂正 (docs/business-rules.md §3b): the desk corrects a shipped part's delivery date on the order page, with a reason and an
/// audit entry. The part then stands as the delivery job would leave it: delivered on the new date when it has come,
/// not delivered yet when it is still ahead — refused when returns already take back what that would un-deliver.
/// </summary>
public sealed class DeliveryDateService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock)
{
    private const string ChangedKey = "Warehouse.Delivery.Changed";

    public async Task CorrectAsync(int shipmentResultId, int version, DateOnly deliveryDate, string? reason,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.DeliveryDateCorrection);
        var note = ReasonText.Require(JapaneseInput.Normalize(reason), "Warehouse.Delivery.ReasonRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var part = await db.ShipmentResults.Include(r => r.OrderLine).FirstOrDefaultAsync(r => r.Id == shipmentResultId, cancellationToken)
                   ?? throw new BusinessRuleException("Warehouse.Delivery.NotFound");
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == part.OrderLine!.OrderId)
            .Select(o => new { o.OrderNumber, o.Customer!.DealerId }).SingleAsync(cancellationToken);
        AccessPolicy.DemandCustomer(staff, Capability.DeliveryDateCorrection, order.DealerId);
        part.AsSeen(version, ChangedKey);
        if (deliveryDate < part.ShippedOn)
            throw new BusinessRuleException("Warehouse.Delivery.BeforeShipped", deliveryDate, part.ShippedOn);
        if (deliveryDate > part.ShippedOn.AddDays(MaxDaysOnTheWay))
            throw new BusinessRuleException("Warehouse.Delivery.TooLate", deliveryDate, MaxDaysOnTheWay);

        var before = new { part.DeliveryDate, part.DeliveredOn };
        part.CorrectDeliveryDate(deliveryDate, clock.Today);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await DeliveryJobService.RecountAsync(db, [part.OrderLineId], [part.ShipmentId], cancellationToken);
        var line = await db.OrderLines.AsNoTracking().SingleAsync(l => l.Id == part.OrderLineId, cancellationToken);
        var returned = await ReturnedAsync(db, line.Id, cancellationToken);
        if (line.DeliveredQuantity < returned)
            throw new BusinessRuleException("Warehouse.Delivery.AlreadyReturned", line.ProductCode, returned);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Warehouse.DeliveryDateCorrected", nameof(ShipmentResult), part.Id.ToString(),
            before,
            new { Order = order.OrderNumber, line.LineNumber, part.DeliverySlipNumber, part.DeliveryDate, part.DeliveredOn }, note: note));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A carrier takes days, not months: a date further than this after shipping is a typing mistake.</summary>
    private const int MaxDaysOnTheWay = 60;

    private static Task<int> ReturnedAsync(SmartOfficeDbContext db, int orderLineId, CancellationToken cancellationToken) =>
        db.ReturnSlipLines.Where(r => r.OrderLineId == orderLineId && r.Inspection != InspectionResult.Rejected
                                      && db.ReturnSlips.Any(s => s.Id == r.ReturnSlipId && s.Status != ReturnSlipStatus.Rejected))
            .SumAsync(r => r.Quantity, cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Returns;

/// <summary>Keying a 返品依頼書: finding the original order, showing what it may return, saving the slip (受付).</summary>
public sealed partial class ReturnSlipService
{
    /// <summary>
    /// Orders matching the form: by order number, delivery-slip number, or customer code and a day ordered or delivered.
    /// </summary>
    public async Task<IReadOnlyList<ReturnOrderHit>> FindOrdersAsync(ReturnOrderLookup lookup,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = VisibleOrders(db).Where(o => o.Status != OrderStatus.Voided);
        var orderNumber = Code(lookup.OrderNumber);
        var slipNumber = Code(lookup.DeliverySlipNumber);
        var customerCode = JapaneseInput.NormalizeCode(lookup.CustomerCode);
        if (orderNumber.Length > 0)
            orders = orders.Where(o => o.OrderNumber == orderNumber);
        else if (slipNumber.Length > 0)
            orders = orders.Where(o => o.Shipments.Any(s => s.DeliverySlipNumber == slipNumber)
                                       || db.ShipmentResults.Any(r => r.DeliverySlipNumber == slipNumber
                                                                      && r.OrderLine!.OrderId == o.Id));
        else if (customerCode.Length > 0 && lookup.Date is { } day)
        {
            var (start, end) = clock.DayBounds(day);
            orders = orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Code == customerCode)
                                       && ((o.ReceivedAt >= start && o.ReceivedAt < end)
                                           || o.Shipments.Any(s => s.DeliveryDate == day)
                                           || db.ShipmentResults.Any(r => r.DeliveredOn == day && r.OrderLine!.OrderId == o.Id)));
        }
        else
            throw new BusinessRuleException("Returns.LookupIncomplete");

        return await (from o in orders
                      join c in db.Customers on o.CustomerId equals c.Id
                      join d in db.Departments on o.DepartmentId equals d.Id
                      orderby o.ReceivedAt descending, o.Id descending
                      select new ReturnOrderHit(o.Id, o.OrderNumber, c.Code, c.Name, d.Name, o.ReceivedAt, o.GoodsSubtotal))
            .Take(HitsShown).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The order with its lines as the return desk needs them (window counted to <paramref name="formReceivedOn"/>, today
    /// by default) and its slips.
    /// </summary>
    public async Task<ReturnOrder> GetOrderAsync(int orderId, DateOnly? formReceivedOn = null,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var header = await (from o in VisibleOrders(db).Where(o => o.Id == orderId)
                            join c in db.Customers on o.CustomerId equals c.Id
                            join d in db.Departments on o.DepartmentId equals d.Id
                            select new
                            {
                                o.Id, o.OrderNumber, CustomerId = c.Id, c.Code, c.Name, Department = d.Name, o.ReceivedAt, o.GoodsSubtotal,
                                o.ShippingFee, o.PointsEarned,
                            })
                     .FirstOrDefaultAsync(cancellationToken) ?? throw new BusinessRuleException("Returns.OrderNotFound");
        var day = formReceivedOn ?? clock.Today;
        var lines = await ReturnableLines.ReadAsync(db, orderId, cancellationToken);
        var views = lines.Select(l =>
        {
            DateOnly? last = l.DeliveryDate is { } delivered ? ReturnRules.LastFormDay(delivered) : null;
            return new ReturnOrderLine(l.Id, l.LineNumber, l.ProductCode, l.ProductName, l.CategoryName, l.NonReturnable, l.UnitPrice,
                l.Quantity, l.Delivered, l.Returned, l.DeliveryDate, last, last is { } lastDay ? lastDay.DayNumber - day.DayNumber : null);
        }).ToList();
        var slips = await Rows(db, Visible(db).Where(s => s.OrderId == orderId).OrderBy(s => s.Id)).ToListAsync(cancellationToken);
        return new ReturnOrder(header.Id, header.OrderNumber, header.Code, header.Name, header.Department, header.ReceivedAt,
            header.GoodsSubtotal, header.ShippingFee, header.PointsEarned, views, slips, header.CustomerId);
    }

    /// <summary>
    /// Keys a return slip (受付). Refused, with nothing saved, when: no line has a quantity, the order belongs to another
    /// customer than the form's, a line's form came after delivery + 90 days, is opened or non-returnable (unless our
    /// fault), or asks for more than delivered minus what this and other open or credited slips already return.
    /// </summary>
    public async Task<ReturnSlipRow> CreateAsync(ReturnSlipInput input, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipProcess);
        var now = time.GetUtcNow();
        var receivedAt = input.FaxReceivedAt ?? now;
        if (receivedAt > now)
            throw new BusinessRuleException("Returns.FaxReceivedInFuture");
        var formDay = DateOnly.FromDateTime(clock.ToBusinessTime(receivedAt).DateTime);
        var wanted = input.Lines.Where(l => l.Quantity != 0).ToList();
        if (wanted.Any(l => l.Quantity < 0))
            throw new BusinessRuleException("Returns.QuantityNegative");
        if (wanted.Count == 0)
            throw new BusinessRuleException("Returns.NothingToReturn");
        if (wanted.GroupBy(l => l.OrderLineId).Any(g => g.Count() > 1))
            throw new BusinessRuleException("Returns.DuplicateLine");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == input.OrderId && o.Status != OrderStatus.Voided, cancellationToken)
                    ?? throw new BusinessRuleException("Returns.OrderNotFound");
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId)
            .Select(c => new { c.Code, c.DealerId }).SingleAsync(cancellationToken);
        AccessPolicy.DemandCustomer(staff, Capability.ReturnSlipProcess, customer.DealerId);
        var formCustomer = JapaneseInput.NormalizeCode(input.CustomerCode);
        if (formCustomer != customer.Code)
            throw new BusinessRuleException("Returns.OtherCustomer", order.OrderNumber, formCustomer);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await faxInbox.DemandClaimAsync(db, input.FaxInboxItemId, cancellationToken);
        var lines = (await ReturnableLines.ReadAsync(db, order.Id, cancellationToken)).ToDictionary(l => l.Id);
        var slip = ReturnSlip.Receive(order.Id, order.CustomerId, formDay, now, staff.Id, input.FaxInboxItemId);
        foreach (var line in wanted)
        {
            if (!lines.TryGetValue(line.OrderLineId, out var ordered))
                throw new BusinessRuleException("Returns.LineNotOnOrder", order.OrderNumber);
            var note = JapaneseInput.Normalize(line.Note);
            if (line.Reason == ReturnReason.Other && note.Length == 0)
                throw new BusinessRuleException("Returns.NoteRequired", ordered.ProductCode);
            if (JapaneseInput.HasControlCharacters(note))
                throw new BusinessRuleException("Returns.NoteControlCharacters", ordered.ProductCode);
            if (note.Length > NoteLength)
                throw new BusinessRuleException("Returns.NoteTooLong", ordered.ProductCode, NoteLength);
            ReturnableLines.Check(ReturnRules, ordered, line, formDay);
            slip.AddLine(ordered.Id, line.Quantity, line.Reason, line.Unopened, note.Length == 0 ? null : note);
        }
        // A second slip keyed at the same moment against the same order counts this one's quantities or is refused.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        db.ReturnSlips.Add(slip);
        await db.SaveOrRefuseAsync(OrderChangedKey, cancellationToken);
        slip.Number();
        await faxInbox.CloseAsync(db, input.FaxInboxItemId, FaxKind.ReturnRequest, slip.Id, slip.CustomerId, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Returns.Received", nameof(ReturnSlip), slip.SlipNumber, null, new
        {
            Order = order.OrderNumber, FaxReceivedAt = clock.ToBusinessTime(receivedAt),
            Lines = slip.Lines.Select(l => new { l.OrderLineId, l.Quantity, l.Reason, l.Unopened, l.Note }),
        }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        faxInbox.Announce(input.FaxInboxItemId);
        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(read, read.ReturnSlips.Where(s => s.Id == slip.Id)).SingleAsync(cancellationToken);
    }
}

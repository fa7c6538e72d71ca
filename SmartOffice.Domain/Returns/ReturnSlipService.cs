using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Returns;

/// <summary>
/// 返品 (docs/business-rules.md §4): the desk keys a faxed 返品依頼書 against the original order and follows the slip
/// 受付 → 集荷手配 → 検品済 (accept/reject per line) → 返金処理 (credit ex-tax and tax per rate, shipping only for a full
/// return that was our fault, the order's points recomputed on what remains and the difference reversed, never below
/// zero) → 完了, or 却下 with a reason. Every step is audited (who, when) and checks the slip's version, so two agents
/// never overwrite each other. Dealer reps read their own customers' slips only.
/// </summary>
public sealed partial class ReturnSlipService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock, IOptions<RulesOptions> rules, IOptions<DeskContactOptions> contact, FaxInboxLink faxInbox)
{
    private const string ChangedKey = "Returns.SlipChanged";
    private const string OrderChangedKey = "Returns.OrderChanged";
    private const int HistoryShown = 30;
    private const int NoteLength = 200;
    private const int HitsShown = 50;

    private static readonly ReturnSlipStatus[] OpenStatuses =
        [ReturnSlipStatus.Received, ReturnSlipStatus.PickupArranged, ReturnSlipStatus.Inspected, ReturnSlipStatus.Credited];

    private ReturnRules ReturnRules => new(rules.Value);

    /// <summary>Goods damaged or wrong on our side (破損・誤配送): accepted opened and non-returnable too; the 90 days still apply.</summary>
    public static bool IsOurFault(ReturnReason reason) => reason is ReturnReason.DamagedOnArrival or ReturnReason.WrongItemDelivered;

    /// <summary>Orders matching the form: by order number, delivery-slip number, or customer code and a day ordered or delivered.</summary>
    public async Task<IReadOnlyList<ReturnOrderHit>> FindOrdersAsync(ReturnOrderLookup lookup, CancellationToken cancellationToken = default)
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
                                       || db.ShipmentResults.Any(r => r.DeliverySlipNumber == slipNumber && r.OrderLine!.OrderId == o.Id));
        else if (customerCode.Length > 0 && lookup.Date is { } day)
        {
            var (start, end) = clock.DayBounds(day);
            orders = orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Code == customerCode)
                                       && ((o.ReceivedAt >= start && o.ReceivedAt < end) || o.Shipments.Any(s => s.DeliveryDate == day)
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

    /// <summary>The order with its lines as the return desk needs them (window counted to <paramref name="formReceivedOn"/>, today by default) and its slips.</summary>
    public async Task<ReturnOrder> GetOrderAsync(int orderId, DateOnly? formReceivedOn = null, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var header = await (from o in VisibleOrders(db).Where(o => o.Id == orderId)
                            join c in db.Customers on o.CustomerId equals c.Id
                            join d in db.Departments on o.DepartmentId equals d.Id
                            select new { o.Id, o.OrderNumber, CustomerId = c.Id, c.Code, c.Name, Department = d.Name, o.ReceivedAt, o.GoodsSubtotal, o.ShippingFee, o.PointsEarned })
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
        return new ReturnOrder(header.Id, header.OrderNumber, header.Code, header.Name, header.Department, header.ReceivedAt, header.GoodsSubtotal,
            header.ShippingFee, header.PointsEarned, views, slips, header.CustomerId);
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
        var slip = new ReturnSlip
        {
            SlipNumber = $"RX{Guid.NewGuid():N}"[..20], OrderId = order.Id, CustomerId = order.CustomerId, FormReceivedOn = formDay,
            Status = ReturnSlipStatus.Received, CreatedAt = now, CreatedByStaffId = staff.Id, FaxInboxItemId = input.FaxInboxItemId,
        };
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
            slip.Lines.Add(new ReturnSlipLine
            {
                OrderLineId = ordered.Id, Quantity = line.Quantity, Reason = line.Reason, Unopened = line.Unopened,
                Note = note.Length == 0 ? null : note, Inspection = InspectionResult.Pending,
            });
        }
        // A second slip keyed at the same moment against the same order counts this one's quantities or is refused.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        db.ReturnSlips.Add(slip);
        await db.SaveOrRefuseAsync(OrderChangedKey, cancellationToken);
        slip.SlipNumber = $"R{formDay:yyMMdd}{slip.Id:D5}";
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

    /// <summary>Open slips (received to credited) oldest form first, or one status newest first; text matches slip, order, customer code or name.</summary>
    /// <summary>How many slips are in each status, for the list's filter chips.</summary>
    public async Task<IReadOnlyDictionary<ReturnSlipStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Visible(db).GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public async Task<ReturnSlipDetail> GetAsync(int slipId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, Visible(db).Where(s => s.Id == slipId)).FirstOrDefaultAsync(cancellationToken)
                  ?? throw new BusinessRuleException("Returns.SlipNotFound");
        var slip = await db.ReturnSlips.AsNoTracking().SingleAsync(s => s.Id == slipId, cancellationToken);
        var more = await (from o in db.Orders
                          join d in db.Departments on o.DepartmentId equals d.Id
                          join c in db.Customers on o.CustomerId equals c.Id
                          where o.Id == slip.OrderId
                          select new { Department = d.Name, c.Fax, CustomerId = c.Id }).SingleAsync(cancellationToken);
        var lines = await (from l in db.ReturnSlipLines
                           join ol in db.OrderLines on l.OrderLineId equals ol.Id
                           where l.ReturnSlipId == slipId
                           orderby ol.LineNumber
                           select new ReturnSlipLineView(l.Id, ol.Id, ol.LineNumber, ol.ProductCode, ol.ProductName, ol.UnitPrice, l.Quantity,
                               l.Reason, l.Note, l.Unopened, l.Inspection, false)).ToListAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(ReturnSlip) && e.EntityId == row.SlipNumber)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryShown).ToListAsync(cancellationToken);
        return new ReturnSlipDetail(row, slip.OrderId, more.Department, more.Fax, slip.RejectReason, slip.CreditTaxStandard, slip.CreditTaxReduced,
            slip.ShippingRefund, slip.PointsReversed, slip.PointsShortfall, lines.Select(l => l with { OurFault = IsOurFault(l.Reason) }).ToList(),
            history, more.CustomerId);
    }

    /// <summary>The acceptance (inspected, credited, done) or rejection notice to fax back, with the desk's contact block.</summary>
    public async Task<ReturnNotice> NoticeAsync(int slipId, CancellationToken cancellationToken = default)
    {
        var detail = await GetAsync(slipId, cancellationToken);
        if (detail.Slip.Status is ReturnSlipStatus.Received or ReturnSlipStatus.PickupArranged)
            throw new BusinessRuleException("Returns.NoticeNotYet", detail.Slip.SlipNumber);
        return new ReturnNotice(detail, clock.Today, contact.Value);
    }

    /// <summary>受付 → 集荷手配.</summary>
    public Task ArrangePickupAsync(int slipId, int version, CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, [ReturnSlipStatus.Received], ReturnSlipStatus.PickupArranged, (_, _) => Task.FromResult<object?>(null), null,
            cancellationToken);

    /// <summary>集荷手配 → 検品済, with a verdict for every line; when every line is refused the slip is rejected instead (use <see cref="RejectAsync"/>).</summary>
    public Task InspectAsync(int slipId, int version, IReadOnlyList<LineInspection> verdicts, CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, [ReturnSlipStatus.PickupArranged], ReturnSlipStatus.Inspected, (_, slip) =>
        {
            var byLine = verdicts.GroupBy(v => v.ReturnSlipLineId).ToDictionary(g => g.Key, g => g.Last().Accepted);
            if (slip.Lines.Any(l => !byLine.ContainsKey(l.Id)))
                throw new BusinessRuleException("Returns.InspectEveryLine");
            if (slip.Lines.All(l => !byLine[l.Id]))
                throw new BusinessRuleException("Returns.AllLinesRejected");
            foreach (var line in slip.Lines)
                line.Inspection = byLine[line.Id] ? InspectionResult.Accepted : InspectionResult.Rejected;
            return Task.FromResult<object?>(slip.Lines.Select(l => new { l.OrderLineId, l.Quantity, l.Inspection }));
        }, null, cancellationToken);

    /// <summary>
    /// 検品済 → 返金処理: credits the accepted lines ex-tax with tax once per rate, refunds the shipping fee only when this
    /// slip completes a full return of an order that was our fault, and reverses the points the order no longer earns
    /// (recomputed on what remains after every credited slip). Never below zero: the shortfall is recorded on the slip.
    /// </summary>
    public Task CreditAsync(int slipId, int version, CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, [ReturnSlipStatus.Inspected], ReturnSlipStatus.Credited, (db, slip) => CreditLinesAsync(db, slip, cancellationToken),
            null, cancellationToken);

    /// <summary>返金処理 → 完了.</summary>
    public Task CompleteAsync(int slipId, int version, CancellationToken cancellationToken = default) =>
        StepAsync(slipId, version, [ReturnSlipStatus.Credited], ReturnSlipStatus.Done, (_, _) => Task.FromResult<object?>(null), null,
            cancellationToken);

    /// <summary>却下 with a reason, before the credit; its quantities no longer count against the order.</summary>
    public Task RejectAsync(int slipId, int version, string? reason, CancellationToken cancellationToken = default)
    {
        var text = ReasonText.Require(JapaneseInput.Normalize(reason), "Returns.RejectReasonRequired");
        return StepAsync(slipId, version, [ReturnSlipStatus.Received, ReturnSlipStatus.PickupArranged, ReturnSlipStatus.Inspected],
            ReturnSlipStatus.Rejected, (_, slip) =>
            {
                slip.RejectReason = text;
                foreach (var line in slip.Lines)
                    line.Inspection = InspectionResult.Rejected;
                return Task.FromResult<object?>(null);
            }, text, cancellationToken);
    }

    private async Task StepAsync(int slipId, int version, ReturnSlipStatus[] from, ReturnSlipStatus to,
        Func<SmartOfficeDbContext, ReturnSlip, Task<object?>> change, string? note, CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipProcess);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slip = await db.ReturnSlips.Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == slipId, cancellationToken)
                   ?? throw new BusinessRuleException("Returns.SlipNotFound");
        var dealer = await db.Customers.Where(c => c.Id == slip.CustomerId).Select(c => c.DealerId).SingleAsync(cancellationToken);
        AccessPolicy.DemandCustomer(staff, Capability.ReturnSlipProcess, dealer);
        slip.AsSeen(version, ChangedKey);
        if (!from.Contains(slip.Status))
            throw new BusinessRuleException("Returns.WrongStatus", slip.SlipNumber);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = slip.Status;
        slip.Status = to;
        // The version is checked (and bumped) first, so a concurrent step on the same slip is refused before any points move.
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        var details = await change(db, slip);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, $"Returns.{to}", nameof(ReturnSlip), slip.SlipNumber, new { Status = before },
            new { slip.Status, Details = details }, note: note));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<object?> CreditLinesAsync(SmartOfficeDbContext db, ReturnSlip slip, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == slip.OrderId, cancellationToken);
        var orderLines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == order.Id)
            .Select(l => new { l.Id, l.Quantity, l.UnitPrice, l.TaxClass }).ToDictionaryAsync(l => l.Id, cancellationToken);
        var accepted = slip.Lines.Where(l => l.Inspection == InspectionResult.Accepted).ToList();
        var goods = accepted.Select(l => new TaxableAmount(orderLines[l.OrderLineId].TaxClass, orderLines[l.OrderLineId].UnitPrice * l.Quantity)).ToList();

        // Earlier credited slips of the same order: what they returned, refunded and reversed.
        var earlier = await db.ReturnSlips.AsNoTracking()
            .Where(s => s.OrderId == order.Id && s.Id != slip.Id && (s.Status == ReturnSlipStatus.Credited || s.Status == ReturnSlipStatus.Done))
            .Select(s => new { s.CreditAmount, s.ShippingRefund, s.PointsReversed, s.PointsShortfall }).ToListAsync(cancellationToken);
        var earlierLines = await db.ReturnSlipLines.AsNoTracking()
            .Where(l => l.Inspection == InspectionResult.Accepted && l.ReturnSlipId != slip.Id
                        && db.ReturnSlips.Any(s => s.Id == l.ReturnSlipId && s.OrderId == order.Id
                                                   && (s.Status == ReturnSlipStatus.Credited || s.Status == ReturnSlipStatus.Done)))
            .Select(l => new { l.OrderLineId, l.Quantity, l.Reason }).ToListAsync(cancellationToken);
        var allReturned = earlierLines.Select(l => (l.OrderLineId, l.Quantity, l.Reason))
            .Concat(accepted.Select(l => (l.OrderLineId, l.Quantity, l.Reason))).ToList();
        var fullReturn = orderLines.Values.All(o => allReturned.Where(r => r.OrderLineId == o.Id).Sum(r => r.Quantity) >= o.Quantity);
        var ourFault = allReturned.All(r => IsOurFault(r.Reason));
        slip.ShippingRefund = fullReturn && ourFault && earlier.All(e => e.ShippingRefund == 0) ? order.ShippingFee : 0;

        var tax = new TaxRules(rules.Value).ForSlip(goods, slip.ShippingRefund);
        slip.CreditAmount = goods.Sum(g => g.AmountExTax);
        slip.CreditTaxStandard = tax.TaxAt(rules.Value.StandardTaxRatePercent);
        slip.CreditTaxReduced = tax.TaxAt(rules.Value.ReducedTaxRatePercent);

        // Points: recompute the order's on what remains after every credited slip; reverse what earlier slips did not.
        var pointRules = new PointRules(rules.Value);
        var remaining = Math.Max(0, order.GoodsSubtotal - earlier.Sum(e => e.CreditAmount) - slip.CreditAmount);
        var due = order.PointsEarned == 0 ? 0
            : Math.Max(0, order.PointsEarned - pointRules.PointsEarned(remaining) - earlier.Sum(e => e.PointsReversed + e.PointsShortfall));
        var shortfall = 0;
        if (due > 0)
        {
            var ledger = new PointLedger(db, pointRules, time, staff.Id);
            var accountId = await db.PointLots.AsNoTracking().Where(l => l.OrderId == order.Id).OrderBy(l => l.Id)
                .Select(l => (int?)l.PointAccountId).FirstOrDefaultAsync(cancellationToken);
            var account = accountId is { } id
                ? await db.PointAccounts.SingleAsync(a => a.Id == id, cancellationToken)
                : await ledger.DepartmentAccountAsync(order.DepartmentId, cancellationToken);
            // Serialises against other movements of the account (a prize spend, another reversal) as the points services do.
            PointAccountService.Touch(db, account);
            await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
            shortfall = await ledger.ReverseAsync(account.Id, due, order.Id, slip.Id, clock.Today, slip.SlipNumber, cancellationToken);
        }
        slip.PointsReversed = due - shortfall;
        slip.PointsShortfall = shortfall;
        return new
        {
            slip.CreditAmount, slip.CreditTaxStandard, slip.CreditTaxReduced, slip.ShippingRefund, slip.PointsReversed, slip.PointsShortfall,
        };
    }

    private static string Code(string? text) => JapaneseInput.NormalizeCode(text).Replace(" ", "").ToUpperInvariant();

    private IQueryable<Order> VisibleOrders(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var orders = db.Orders.AsNoTracking();
        return dealer is null ? orders : orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.DealerId == dealer));
    }

    private IQueryable<ReturnSlip> Visible(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var slips = db.ReturnSlips.AsNoTracking();
        return dealer is null ? slips : slips.Where(s => db.Customers.Any(c => c.Id == s.CustomerId && c.DealerId == dealer));
    }
}

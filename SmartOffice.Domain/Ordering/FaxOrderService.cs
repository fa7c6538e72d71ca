using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// FAX order entry (DOMAIN.md §1–3, §6): find the customer, price the draft live, save it in one transaction (order
/// number, stock, shipments per delivery class, points, audit) exactly once per entry form, and correct or void it
/// until its cutoff batch closes. Every rule is checked here again on save, whatever the page showed.
/// </summary>
public sealed class FaxOrderService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    TimeProvider time,
    IOptions<RulesOptions> options,
    IOptions<DeskContactOptions> desk,
    BusinessCalendarCache calendar,
    BusinessClock clock,
    FaxInboxLink faxInbox)
{
    private const int MaxCustomerMatches = 50;
    private const string ChangedKey = "Ordering.OrderChanged";

    /// <summary>
    /// Customers by customer code, FAX or phone number (digits only, however typed), or company name / reading (partial,
    /// かな/カナ folded, 株式会社 ignored). Exact code and exact FAX number matches come first.
    /// </summary>
    public async Task<IReadOnlyList<OrderingCustomerMatch>> FindCustomersAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var normalized = JapaneseInput.Normalize(text);
        if (normalized.Length == 0)
            return [];
        var code = JapaneseInput.NormalizeCode(text).ToUpperInvariant();
        var digits = JapaneseInput.Digits(text);
        // A number is searched by its digits only when it is all there is (a name may contain a digit or two).
        var byNumber = digits.Length >= 4 && digits.Length >= normalized.Count(c => !char.IsWhiteSpace(c)) - 3;
        var folded = JapaneseInput.FoldForSearch(normalized);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = db.Customers.AsNoTracking().Where(c => c.IsActive);
        if (AccessPolicy.DealerScope(staff) is { } dealer)
            customers = customers.Where(c => c.DealerId == dealer);
        customers = customers.Where(c => c.Code == code
                                         || (byNumber && (c.PhoneDigits.Contains(digits) || (c.FaxDigits != null && c.FaxDigits.Contains(digits))))
                                         || (!byNumber && folded.Length > 0 && c.SearchKey.Contains(folded)));
        return await customers
            .OrderBy(c => c.Code == code ? 0 : c.FaxDigits == digits ? 1 : c.PhoneDigits == digits ? 2 : 3)
            .ThenBy(c => c.Code)
            .Take(Math.Clamp(take, 1, MaxCustomerMatches))
            .Select(c => new OrderingCustomerMatch(c.Id, c.Code, c.Name, c.NameKana, c.Fax, c.Phone, c.Region!.Name, c.Dealer!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The chosen customer with its active departments and registered ship-tos, discount, opt-out and FAX cutoff.</summary>
    public async Task<OrderingCustomer> GetCustomerAsync(int customerId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Include(c => c.Region).Include(c => c.Dealer)
                           .FirstOrDefaultAsync(c => c.Id == customerId && c.IsActive, cancellationToken)
                       ?? throw new BusinessRuleException("Ordering.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.FaxOrderEntry, customer.DealerId);
        var departments = await db.Departments.AsNoTracking().Where(d => d.CustomerId == customerId && d.IsActive).OrderBy(d => d.Code)
            .Select(d => new OrderingDepartment(d.Id, d.Code, d.Name, d.Address, d.MonthlyBudget, d.BudgetKind)).ToListAsync(cancellationToken);
        var shipTos = await db.ShipTos.AsNoTracking().Where(s => s.CustomerId == customerId && s.IsActive).OrderBy(s => s.Id)
            .Select(s => new OrderingShipTo(s.Id, s.Name, s.Address)).ToListAsync(cancellationToken);
        var today = clock.Today;
        var optedOut = customer.PointsOptedOut && (customer.PointsOptOutFrom is null || today >= customer.PointsOptOutFrom);
        return new OrderingCustomer(Match(customer), customer.VolumeDiscountRate, optedOut,
            RegionSettingsService.CutoffsOf(customer.Region!).FaxCutoff, departments, shipTos, customer.DeliverySlipNote);
    }

    /// <summary>The live summary of a draft: every line priced, shipping, tax, points, shipments, date, budget, duplicates.</summary>
    public async Task<FaxOrderQuote> QuoteAsync(FaxOrderDraft draft, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Half a dozen small queries: one connection for all of them, not one open and close each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (await PriceAsync(db, draft, null, cancellationToken)).Quote;
    }

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

    private async Task<FaxOrderSaveResult> SaveOnceAsync(SmartOfficeDbContext db, FaxOrderSaveRequest request, CancellationToken cancellationToken)
    {
        // SQLite: EF begins IMMEDIATE transactions, so concurrent saves queue here and the second sees the first's key.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ReplayAsync(db, request, cancellationToken) is { } raced)
            return raced;
        var faxItem = request.Draft.FaxInboxItemId;
        await faxInbox.DemandClaimAsync(db, faxItem, cancellationToken);

        var priced = await PriceAsync(db, request.Draft, null, cancellationToken);
        Refuse(priced);
        var confirmations = new List<SaveConfirmation>();
        if (priced.Budget.Status == BudgetStatus.OverSoft && !request.SoftBudgetConfirmed)
            confirmations.Add(SaveConfirmation.SoftBudgetOverrun);
        if (priced.Duplicates.Count > 0 && !request.DuplicateConfirmed)
            confirmations.Add(SaveConfirmation.PossibleDuplicate);
        if (confirmations.Count > 0)
            return new FaxOrderSaveResult(null, null, false, confirmations, [], priced.Quote);

        var order = new Order
        {
            // A unique placeholder until the database has issued the id the number is made of.
            OrderNumber = "~" + request.EntryKey.ToString("N")[..19],
            CustomerId = priced.Customer.Id,
            Channel = OrderChannel.Fax,
            EntryKey = request.EntryKey,
            Status = OrderStatus.Accepted,
            // FAX received → keyed is the keying lead time; a later correction keeps the first keying.
            KeyedAt = time.GetUtcNow(),
            KeyedByStaffId = staff.Id,
            FaxInboxItemId = faxItem,
        };
        Apply(order, priced);
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        order.OrderNumber = OrderNumberOf(order);
        // The FAX it was keyed from becomes 完了 and points to the order, or the whole save is refused.
        await faxInbox.CloseAsync(db, faxItem, FaxKind.Order, order.Id, order.CustomerId, cancellationToken);
        var shortLines = await ReserveStockAsync(db, order.Lines, cancellationToken);
        await EarnAsync(db, order, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.FaxOrderSaved", nameof(Order), order.OrderNumber, null, Snapshot(order)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        faxInbox.Announce(faxItem);
        return new FaxOrderSaveResult(order.Id, order.OrderNumber, false, [], shortLines, priced.Quote);
    }

    /// <summary>An order with its lines, shipments and totals, as the confirmation view and the printed sheet show it.</summary>
    public async Task<OrderDetail> GetOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrderDetails.LoadAsync(db, orderId, staff, Capability.FaxOrderEntry, cancellationToken);
    }

    /// <summary>品切れのお知らせ: the order's short lines, the customer's name and FAX, the desk's contact.</summary>
    public async Task<StockOutNotice> GetStockOutNoticeAsync(int orderId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
                        .Select(o => new
                        {
                            o.Id, o.OrderNumber, o.Customer!.Code, o.Customer.Name, o.Customer.Fax, Department = o.Department!.Name, o.ReceivedAt,
                            o.KeyedAt,
                        })
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId && l.ShortOfStock).OrderBy(l => l.LineNumber)
            .Select(l => new StockOutLine(l.LineNumber, l.ProductCode, l.ProductName, l.Product!.Maker, l.Quantity, l.LineComment))
            .ToListAsync(cancellationToken);
        var d = desk.Value;
        return new StockOutNotice(order.Id, order.OrderNumber, order.Code, order.Name, order.Fax, order.Department, order.ReceivedAt, order.KeyedAt,
            lines, new DeskContact(d.Name, d.Phone, d.Fax, d.Email, d.Hours));
    }

    /// <summary>取消: the whole order, while every shipment is still in its open cutoff batch; stock and points go back.</summary>
    public async Task VoidAsync(FaxOrderVoid request, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        var reason = ReasonText.Require(request.Reason, "Ordering.ReasonRequired");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await LoadEditableAsync(db, request.OrderId, request.Version, cancellationToken);
        var before = Snapshot(order);

        await RestoreStockAsync(db, order.Lines, cancellationToken);
        await Ledger(db).ReverseOrderAsync(order.Id, clock.Today, reason, cancellationToken);
        order.Status = OrderStatus.Voided;
        order.VoidReason = reason;
        order.PointsEarned = 0;
        foreach (var shipment in order.Shipments)
            shipment.Status = ShipmentStatus.Voided;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.FaxOrderVoided", nameof(Order), order.OrderNumber, before, Snapshot(order),
            note: reason));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        if (request.Draft.CustomerId != order.CustomerId)
            throw new BusinessRuleException("Ordering.CorrectionOtherCustomer");
        var priced = await PriceAsync(db, request.Draft, order.Id, cancellationToken);
        Refuse(priced);
        if (priced.Budget.Status == BudgetStatus.OverSoft && !request.SoftBudgetConfirmed)
            return new FaxOrderSaveResult(null, order.OrderNumber, false, [SaveConfirmation.SoftBudgetOverrun], [], priced.Quote);
        var before = Snapshot(order);

        await RestoreStockAsync(db, order.Lines, cancellationToken);
        await Ledger(db).ReverseOrderAsync(order.Id, clock.Today, reason, cancellationToken);
        db.OrderLines.RemoveRange(order.Lines);
        db.Shipments.RemoveRange(order.Shipments);
        order.Lines.Clear();
        order.Shipments.Clear();
        Apply(order, priced);
        // The lines are rebuilt: the old rows go first so the new ones may take their line numbers.
        var newLines = order.Lines.ToList();
        var newShipments = order.Shipments.ToList();
        order.Lines.Clear();
        order.Shipments.Clear();
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        order.Shipments.AddRange(newShipments);
        order.Lines.AddRange(newLines);
        await db.SaveChangesAsync(cancellationToken);

        var shortLines = await ReserveStockAsync(db, order.Lines, cancellationToken);
        await EarnAsync(db, order, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Ordering.FaxOrderCorrected", nameof(Order), order.OrderNumber, before, Snapshot(order),
            note: reason));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FaxOrderSaveResult(order.Id, order.OrderNumber, false, [], shortLines, priced.Quote);
    }

    private async Task<PricedOrder> PriceAsync(SmartOfficeDbContext db, FaxOrderDraft draft, int? correcting, CancellationToken cancellationToken)
    {
        var pricing = new FaxOrderPricing(options.Value, await calendar.GetAsync(cancellationToken), clock, time);
        return await pricing.PriceAsync(db, draft, correcting, cancellationToken);
    }

    /// <summary>The first problem refuses the save; lines without any line at all too.</summary>
    private static void Refuse(PricedOrder priced)
    {
        if (priced.Problems.Count > 0)
            throw priced.Problems[0].ToException();
        if (!priced.ValidLines.Any())
            throw new BusinessRuleException("Ordering.NoLines");
    }

    /// <summary>Fills the order's content from a priced draft: totals, dates, one shipment per delivery class and its lines.</summary>
    private void Apply(Order order, PricedOrder priced)
    {
        var draft = priced.Draft;
        order.DepartmentId = draft.DepartmentId;
        order.ShipToId = draft.ShipToId;
        order.ShipToDepartmentId = draft.OtherShipToDepartmentId;
        order.ReceivedAt = draft.FaxReceivedAt;
        order.AcceptanceDay = priced.AcceptanceDay;
        order.RequestedDeliveryDate = draft.RequestedDeliveryDate;
        order.SaturdayRequested = draft.RequestedDeliveryDate?.DayOfWeek == DayOfWeek.Saturday;
        order.GoodsSubtotal = priced.GoodsSubtotal;
        order.ShippingFee = priced.Shipping.Fee;
        order.ShippingFeeReason = priced.Shipping.Reason;
        order.TaxStandard = priced.Tax.TaxAt(options.Value.StandardTaxRatePercent);
        order.TaxReduced = priced.Tax.TaxAt(options.Value.ReducedTaxRatePercent);
        order.Total = priced.Total;
        order.PointsEarned = priced.Points;

        var shipments = priced.Shipments.ToDictionary(s => s.DeliveryClass, s => new Shipment
        {
            DeliveryClass = s.DeliveryClass, AcceptanceDay = s.AcceptanceDay, DeliveryDate = s.DeliveryDate, Status = ShipmentStatus.Open,
        });
        order.Shipments.AddRange(shipments.Values);
        // Saved lines are numbered 1…n in keyed order, blank and refused lines left out.
        var number = 0;
        foreach (var line in priced.ValidLines)
        {
            var product = line.Product!;
            order.Lines.Add(new OrderLine
            {
                LineNumber = ++number,
                Shipment = shipments[product.DeliveryClass],
                ProductId = product.Id,
                ProductCode = product.Code,
                ProductName = product.Name,
                Quantity = line.Quantity!.Value,
                ListUnitPrice = product.ListPrice,
                UnitPrice = line.UnitPrice,
                Amount = line.Amount,
                TaxClass = product.TaxClass,
                DeliveryClass = product.DeliveryClass,
                LineComment = line.Comment,
            });
        }
    }

    /// <summary>F + the FAX's receipt date (Japan) + the database id: the demo data's format, unique because the id is.</summary>
    private string OrderNumberOf(Order order) =>
        string.Create(CultureInfo.InvariantCulture, $"F{clock.ToBusinessTime(order.ReceivedAt):yyMMdd}{order.Id:D7}");

    /// <summary>Each line takes its quantity in one atomic decrement that never goes below zero; a line it cannot cover is short.</summary>
    private static async Task<IReadOnlyList<int>> ReserveStockAsync(SmartOfficeDbContext db, IEnumerable<OrderLine> lines, CancellationToken cancellationToken)
    {
        var shortLines = new List<int>();
        foreach (var line in lines.OrderBy(l => l.LineNumber))
        {
            var quantity = line.Quantity;
            var reserved = await db.Products.Where(p => p.Id == line.ProductId && p.StockOnHand >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand - quantity), cancellationToken);
            line.ShortOfStock = reserved == 0;
            if (line.ShortOfStock)
                shortLines.Add(line.LineNumber);
        }
        return shortLines;
    }

    /// <summary>What the lines reserved goes back (short lines reserved nothing).</summary>
    private static async Task RestoreStockAsync(SmartOfficeDbContext db, IEnumerable<OrderLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines.Where(l => !l.ShortOfStock))
        {
            var quantity = line.Quantity;
            await db.Products.Where(p => p.Id == line.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, p => p.StockOnHand + quantity), cancellationToken);
        }
    }

    /// <summary>FAX orders earn on the department's account, valid per the rules from the order's 受付日.</summary>
    private async Task EarnAsync(SmartOfficeDbContext db, Order order, CancellationToken cancellationToken)
    {
        if (order.PointsEarned == 0)
            return;
        var ledger = Ledger(db);
        var account = await ledger.DepartmentAccountAsync(order.DepartmentId, cancellationToken);
        await ledger.EarnAsync(account.Id, order.Id, order.PointsEarned, order.AcceptanceDay, cancellationToken);
    }

    private PointLedger Ledger(SmartOfficeDbContext db) => new(db, new PointRules(options.Value), time, staff.Id);

    /// <summary>A FAX order as seen, not voided, every shipment still in its open cutoff batch.</summary>
    private async Task<Order> LoadEditableAsync(SmartOfficeDbContext db, int orderId, int version, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Shipments).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                    ?? throw new BusinessRuleException("Ordering.OrderNotFound");
        order.AsSeen(version, ChangedKey);
        if (order.Channel != OrderChannel.Fax)
            throw new BusinessRuleException("Ordering.NotFaxOrder");
        if (order.Status == OrderStatus.Voided)
            throw new BusinessRuleException("Ordering.AlreadyVoided");
        if (order.Shipments.Any(s => s.Status != ShipmentStatus.Open))
            throw new BusinessRuleException("Ordering.BatchClosed");
        return order;
    }


    private async Task<FaxOrderSaveResult?> ReplayAsync(SmartOfficeDbContext db, FaxOrderSaveRequest request, CancellationToken cancellationToken)
    {
        var key = request.EntryKey;
        var first = await db.Orders.AsNoTracking().Where(o => o.EntryKey == key).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return first is { } id ? await ReplayedResultAsync(id, request, cancellationToken) : null;
    }

    private async Task<int?> ExistingAsync(Guid entryKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking().Where(o => o.EntryKey == entryKey).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The first save's order, with the draft re-quoted as it stands beside that order.</summary>
    private async Task<FaxOrderSaveResult> ReplayedResultAsync(int orderId, FaxOrderSaveRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.Id, o.OrderNumber }).FirstAsync(cancellationToken);
        var shortLines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId && l.ShortOfStock).OrderBy(l => l.LineNumber)
            .Select(l => l.LineNumber).ToListAsync(cancellationToken);
        var quote = (await PriceAsync(db, request.Draft, orderId, cancellationToken)).Quote;
        return new FaxOrderSaveResult(saved.Id, saved.OrderNumber, true, [], shortLines, quote);
    }

    private static OrderingCustomerMatch Match(Accounts.Customer c) =>
        new(c.Id, c.Code, c.Name, c.NameKana, c.Fax, c.Phone, c.Region?.Name ?? "", c.Dealer?.Name ?? "");

    private static object Snapshot(Order o) => new
    {
        o.OrderNumber, o.Status, o.DepartmentId, o.ShipToId, o.ShipToDepartmentId, o.ReceivedAt, o.AcceptanceDay, o.RequestedDeliveryDate, o.GoodsSubtotal,
        o.ShippingFee, o.TaxStandard, o.TaxReduced, o.Total, o.PointsEarned,
        Lines = o.Lines.OrderBy(l => l.LineNumber).Select(l => new { l.LineNumber, l.ProductCode, l.Quantity, l.UnitPrice, l.LineComment, l.ShortOfStock }),
    };
}

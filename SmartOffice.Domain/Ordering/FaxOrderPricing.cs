using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Ordering;

/// <summary>A reason a draft cannot be saved: a message key and its arguments (the text is rendered in the UI culture).</summary>
internal sealed record OrderProblem(string Key, params object?[] Args)
{
    public string Text => DomainText.Format(Key, Args);

    public BusinessRuleException ToException() => new(Key, Args);
}

/// <summary>A keyed line after normalisation and lookup; <see cref="IsValid"/> lines are priced and saved.</summary>
internal sealed record PricedLine(int LineNumber, string Code, int? Quantity, string? Comment, ProductFacts? Product, int UnitPrice,
    int Amount, bool ShortOfStock, OrderProblem? Problem)
{
    public bool IsValid => Problem is null && Product is not null && Quantity is not null;

    /// <summary>Served from stock at acceptance: billed, earning points and shipped; a short line waits instead (入荷待ち).</summary>
    public bool IsServed => IsValid && !ShortOfStock;
}

/// <summary>What pricing needs of a product; read in one query for all lines.</summary>
internal sealed record ProductFacts(int Id, string Code, string Name, string Maker, int CategoryId, string CategoryName, bool IsActive,
    int ListPrice, TaxClass TaxClass, DeliveryClass DeliveryClass, bool NoSaturdayDelivery, int Stock, bool IsEco, bool Returnable,
    bool BackOrdersWaiting);

internal sealed record PlannedShipment(DeliveryClass DeliveryClass, DateOnly AcceptanceDay, DateOnly? EarliestDelivery,
    DateOnly? DeliveryDate,
    TimeOnly Cutoff);

/// <summary>The customer as pricing sees it.</summary>
internal sealed record CustomerFacts(int Id, string Code, string Name, string? Fax, int DealerId, decimal VolumeDiscountRate,
    bool PointsOptedOut,
    DateOnly? PointsOptOutFrom, RegionCutoffs Cutoffs)
{
    /// <summary>ポイント対象外 from <see cref="PointsOptOutFrom"/> on (always, when no date is set).</summary>
    public bool OptedOutOn(DateOnly day) => Customer.PointsOptedOutOn(PointsOptedOut, PointsOptOutFrom, day);
}

/// <summary>A draft priced and checked against every rule; <see cref="Problems"/> empty means it may be saved.</summary>
internal sealed record PricedOrder(FaxOrderDraft Draft, CustomerFacts Customer, DateOnly AcceptanceDay, IReadOnlyList<PricedLine> Lines,
    IReadOnlyList<PlannedShipment> Shipments, int GoodsSubtotal, ShippingDecision Shipping, SlipTax Tax, int Total, int Points,
    BudgetCheck Budget, IReadOnlyList<PossibleDuplicate> Duplicates, IReadOnlyList<OrderProblem> Problems,
        OrderProblem? RequestedDateProblem,
    FaxOrderQuote Quote)
{
    public IEnumerable<PricedLine> ValidLines => Lines.Where(l => l.IsValid);
}

/// <summary>
/// Prices a FAX order draft and checks every rule of docs/business-rules.md §1–3 and §6, for the live summary and again inside the
/// save's transaction: product lookup (one query), volume discount, stock, shipments per delivery class, the requested
/// date, shipping with the additional-order rule, tax per rate per slip, points, budget, order locks and duplicates.
/// </summary>
internal sealed class FaxOrderPricing(RulesOptions options, IBusinessCalendar calendar, BusinessClock clock, TimeProvider time)
{
    /// <summary>A FAX received a little "in the future" is a clock skew between the FAX server and this one, not an error.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly DeliveryRules _delivery = new(calendar, options);
    private readonly ShippingRules _shipping = new(options);
    private readonly TaxRules _tax = new(options);
    private readonly PointRules _points = new(options);

    /// <summary>Upper-case half-width: product codes are case- and width-insensitive.</summary>
    public static string NormalizeCode(string? code) => JapaneseInput.NormalizeCode(code).ToUpperInvariant();

    public static async Task<CustomerFacts> CustomerAsync(SmartOfficeDbContext db, int customerId, CancellationToken cancellationToken)
    {
        var c = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.IsActive)
            .Select(c => new { c.Id, c.Code, c.Name, c.Fax, c.DealerId, c.VolumeDiscountRate, c.PointsOptedOut, c.PointsOptOutFrom,
                c.Region })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new BusinessRuleException("Ordering.CustomerNotFound");
        return new CustomerFacts(c.Id, c.Code, c.Name, c.Fax, c.DealerId, c.VolumeDiscountRate, c.PointsOptedOut, c.PointsOptOutFrom,
            c.Region!.Cutoffs);
    }

    /// <param name="correcting">The order being corrected: left out of the budget, duplicates and earlier orders.</param>
    /// <param name="quoting">A quote (簡易見積書): every valid line is priced and totalled, short of stock or not — a quote reserves
    /// nothing, and the order it becomes is priced again with that day's stock.</param>
    public async Task<PricedOrder> PriceAsync(SmartOfficeDbContext db, FaxOrderDraft draft, int? correcting,
        CancellationToken cancellationToken,
        bool quoting = false)
    {
        var customer = await CustomerAsync(db, draft.CustomerId, cancellationToken);
        var problems = new List<OrderProblem>();

        var department = await db.Departments.AsNoTracking().Where(d => d.Id == draft.DepartmentId)
            .Select(d => new { d.CustomerId, d.IsActive, d.MonthlyBudget, d.BudgetKind }).FirstOrDefaultAsync(cancellationToken);
        if (department is null || department.CustomerId != customer.Id || !department.IsActive)
            problems.Add(new OrderProblem("Ordering.DepartmentNotOfCustomer"));
        if (draft.ShipToId is { } shipToId
            && !await db.ShipTos.AnyAsync(s => s.Id == shipToId && s.CustomerId == customer.Id && s.IsActive, cancellationToken))
            problems.Add(new OrderProblem("Ordering.ShipToNotRegistered"));
        if (draft.OtherShipToDepartmentId is { } shipToDepartment
            && !await db.Departments.AnyAsync(d => d.Id == shipToDepartment && d.CustomerId == customer.Id && d.IsActive,
                cancellationToken))
            problems.Add(new OrderProblem("Ordering.ShipToDepartmentNotOfCustomer"));
        if (draft.ShipToId is not null && draft.OtherShipToDepartmentId is not null)
            problems.Add(new OrderProblem("Ordering.ShipToTwoAddresses"));
        if (draft.FaxReceivedAt > time.GetUtcNow() + ClockSkew)
            problems.Add(new OrderProblem("Ordering.ReceivedInFuture"));

        var lines = await PriceLinesAsync(db, draft, customer, correcting, cancellationToken);
        problems.AddRange(lines.Where(l => l.Problem is not null).Select(l => l.Problem!));
        var valid = lines.Where(l => l.IsValid).ToList();
        // Back orders (入荷待ち) are neither shipped nor billed at acceptance: the shipments, the ¥2,500 threshold, the tax and
        // the points count the served lines only; the budget counts the whole order, which the customer committed to.
        var served = quoting ? valid : valid.Where(l => l.IsServed).ToList();

        var saturdayRequested = draft.RequestedDeliveryDate?.DayOfWeek == DayOfWeek.Saturday;
        var (shipments, dateProblem) = PlanShipments(draft, customer.Cutoffs, served, saturdayRequested);
        if (dateProblem is not null)
            problems.Add(dateProblem);
        var acceptanceDay = shipments.Count > 0
            ? shipments[0].AcceptanceDay
            : _delivery.AcceptanceDay(draft.FaxReceivedAt, customer.Cutoffs.FaxCutoff);

        var subtotal = served.Sum(l => l.Amount);
        var sameDay = await SameDayOrdersAsync(db, customer.Id, acceptanceDay, correcting, cancellationToken);
        var shipping = Shipping(draft, shipments, subtotal, sameDay.Where(o => ReceivedEarlier(o, draft.FaxReceivedAt, correcting)));
        var tax = _tax.ForSlip(served.Select(l => new TaxableAmount(l.Product!.TaxClass, l.Amount)), shipping.Fee);
        var total = subtotal + shipping.Fee + tax.TotalTax;
        var optedOut = customer.OptedOutOn(acceptanceDay);
        var points = _points.PointsEarned(subtotal, optedOut);

        var budget = department is null
            ? new BudgetCheck(BudgetStatus.NoBudget, null, 0, subtotal)
            : await BudgetAsync(db, draft.DepartmentId, department.MonthlyBudget, department.BudgetKind, acceptanceDay,
                valid.Sum(l => l.Amount), correcting,
                cancellationToken);
        if (budget.Status == BudgetStatus.OverHard)
            problems.Add(new OrderProblem("Ordering.BudgetHard", budget.MonthlyBudget, budget.SpentThisMonth, budget.AfterThisOrder));

        var duplicates = await DuplicatesAsync(db, valid, sameDay, cancellationToken);

        var quote = new FaxOrderQuote(
            lines.Select(l => new QuotedLine(l.LineNumber, l.Code, l.Product?.Id, l.Product?.Name, l.Product?.Maker, l.Quantity,
                l.Product?.ListPrice, l.Product is null ? null : l.UnitPrice, l.Amount, l.Product?.Stock, l.ShortOfStock,
                l.Product?.DeliveryClass, l.Product?.TaxClass, l.Comment, l.Problem?.Text)).ToList(),
            subtotal, shipping.Fee, shipping.Reason, tax, total, points, optedOut,
            shipments.Select(s => new QuotedShipment(s.DeliveryClass, s.AcceptanceDay, s.EarliestDelivery, s.DeliveryDate)).ToList(),
            dateProblem?.Text, budget, duplicates, problems.Select(p => p.Text).ToList());
        return new PricedOrder(draft, customer, acceptanceDay, lines, shipments, subtotal, shipping, tax, total, points, budget, duplicates,
            problems, dateProblem, quote);
    }

    /// <summary>Normalises every non-blank line and reads all its products in one query by upper-case code.</summary>
    private async Task<List<PricedLine>> PriceLinesAsync(SmartOfficeDbContext db, FaxOrderDraft draft, CustomerFacts customer,
        int? correcting,
        CancellationToken cancellationToken)
    {
        var keyed = draft.Lines
            .Select((line, index) => (Number: index + 1, Code: NormalizeCode(line.ProductCode),
                Quantity: JapaneseInput.NormalizeCode(line.Quantity),
                Comment: string.IsNullOrWhiteSpace(line.LineComment) ? null : line.LineComment.Trim()))
            .Where(l => l.Code.Length > 0 || l.Quantity.Length > 0)
            .ToList();
        var codes = keyed.Select(l => l.Code).Where(c => c.Length > 0).Distinct().ToList();
        var products = codes.Count == 0
            ? []
            : await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code))
                .Select(p => new ProductFacts(p.Id, p.Code, p.Name, p.Maker, p.CategoryId, p.Category!.Name, p.IsActive, p.UnitPrice,
                    p.TaxClass,
                    p.DeliveryClass, p.NoSaturdayDelivery, p.StockOnHand, p.IsEco, !p.NonReturnable && !p.Category.NonReturnable,
                    db.OrderLines.Any(l => l.ProductId == p.Id && l.BackOrder == BackOrderState.Waiting && l.OrderId != correcting)))
                .ToDictionaryAsync(p => p.Code, cancellationToken);
        var locks = await LocksAsync(db, customer.Id, products.Values, cancellationToken);

        var demanded = new Dictionary<int, int>();
        var lines = new List<PricedLine>(keyed.Count);
        foreach (var (number, code, quantityText, comment) in keyed)
        {
            var product = products.GetValueOrDefault(code);
            var (quantity, quantityProblem) = ParseQuantity(number, quantityText);
            var problem =
                code.Length == 0 ? new OrderProblem("Ordering.CodeMissing", number)
                : product is null ? new OrderProblem("Ordering.UnknownProduct", number, code)
                : !product.IsActive ? new OrderProblem("Ordering.InactiveProduct", number, product.Name)
                : locks.Products.Contains(product.Id) ? new OrderProblem("Ordering.ProductLocked", number, product.Name)
                : locks.Categories.Contains(product.CategoryId) ? new OrderProblem("Ordering.CategoryLocked", number, product.Name,
                    product.CategoryName)
                : quantityProblem
                  ?? (comment?.Length > options.MaximumLineCommentLength
                      ? new OrderProblem("Ordering.CommentTooLong", number, options.MaximumLineCommentLength)
                      : JapaneseInput.HasControlCharacters(comment) ? new OrderProblem("Ordering.CommentControlCharacters", number) : null);
            var unitPrice = product is null ? 0 : TaxRules.DiscountedUnitPrice(product.ListPrice, customer.VolumeDiscountRate);
            var amount = (long)unitPrice * (quantity ?? 0);
            if (amount > int.MaxValue / 4)
            {
                problem ??= new OrderProblem("Ordering.AmountTooLarge", number);
                amount = 0;
            }
            var shortOfStock = false;
            if (product is not null && quantity is { } q)
            {
                var wanted = demanded.GetValueOrDefault(product.Id) + q;
                demanded[product.Id] = wanted;
                // Never ahead of an earlier back order of the product: the stock it finds is that order's when it comes.
                shortOfStock = wanted > product.Stock || product.BackOrdersWaiting;
            }
            lines.Add(new PricedLine(number, code, quantity, comment, product, unitPrice, problem is null ? (int)amount : 0, shortOfStock,
                problem));
        }
        return lines;
    }

    /// <summary>A positive whole number up to the setting's maximum; 全角 digits and thousands separators allowed.</summary>
    private (int? Quantity, OrderProblem? Problem) ParseQuantity(int line, string text)
    {
        if (text.Length == 0)
            return (null, new OrderProblem("Ordering.QuantityMissing", line));
        var plain = text.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
            out var value))
            return (null, new OrderProblem("Ordering.QuantityNotNumber", line, text));
        if (value <= 0)
            return (null, new OrderProblem("Ordering.QuantityNotPositive", line));
        if (value != decimal.Truncate(value))
            return (null, new OrderProblem("Ordering.QuantityNotWhole", line, text));
        if (value > options.MaximumLineQuantity)
            return (null, new OrderProblem("Ordering.QuantityTooLarge", line, options.MaximumLineQuantity));
        return ((int)value, null);
    }

    private static async Task<(HashSet<int> Products, HashSet<int> Categories)> LocksAsync(SmartOfficeDbContext db, int customerId,
        ICollection<ProductFacts> products, CancellationToken cancellationToken)
    {
        return products.Count == 0 ? ([], []) : await OrderingCustomerSearch.LocksAsync(db, customerId, cancellationToken);
    }

    /// <summary>
    /// One shipment per delivery class (standard, furniture, special order), each with its own cutoff and 受付日. A requested
    /// date applies to the standard and furniture shipments, and must be allowed for each of them.
    /// </summary>
    private (List<PlannedShipment>, OrderProblem?) PlanShipments(FaxOrderDraft draft, RegionCutoffs region, List<PricedLine> valid,
        bool saturdayRequested)
    {
        var classes = valid.Select(l => l.Product!.DeliveryClass).Distinct().Order().ToList();
        // Saturday only when every line is a standard item that allows it.
        var saturdayBlocker = valid.FirstOrDefault(l => l.Product!.DeliveryClass == DeliveryClass.Standard && l.Product.NoSaturdayDelivery);
        var saturdayAllowed = classes is [DeliveryClass.Standard] && saturdayBlocker is null;
        var requested = draft.RequestedDeliveryDate;
        OrderProblem? problem = null;
        var shipments = new List<PlannedShipment>(classes.Count);
        foreach (var deliveryClass in classes)
        {
            var cutoff = _delivery.CutoffFor(OrderChannel.Fax, deliveryClass, region);
            var acceptanceDay = _delivery.AcceptanceDay(draft.FaxReceivedAt, cutoff);
            var earliest = _delivery.EarliestDelivery(acceptanceDay, deliveryClass, region, saturdayRequested && saturdayAllowed);
            var date = earliest;
            if (requested is { } day && deliveryClass != DeliveryClass.SpecialOrder)
            {
                var check = _delivery.CheckRequestedDate(acceptanceDay, deliveryClass, region, day, saturdayAllowed);
                if (check.Rejection is { } rejection)
                    problem ??= DateProblem(rejection, day, check.EarliestDelivery, classes, saturdayBlocker);
                else
                    date = day;
            }
            shipments.Add(new PlannedShipment(deliveryClass, acceptanceDay, earliest, date, cutoff));
        }
        if (requested is { } onlySpecial && classes is [DeliveryClass.SpecialOrder])
            problem = DateProblem(RequestedDateRejection.SpecialOrderHasNoDate, onlySpecial, null, classes, null);
        return (shipments, problem);
    }

    private static OrderProblem DateProblem(RequestedDateRejection rejection, DateOnly day, DateOnly? earliest, List<DeliveryClass> classes,
        PricedLine? saturdayBlocker) => rejection switch
    {
        RequestedDateRejection.TooEarly => new("Ordering.RequestedDate.TooEarly", earliest),
        RequestedDateRejection.Sunday => new("Ordering.RequestedDate.Sunday", day),
        RequestedDateRejection.Holiday => new("Ordering.RequestedDate.Holiday", day),
        RequestedDateRejection.ClosureDay => new("Ordering.RequestedDate.ClosureDay", day),
        RequestedDateRejection.SaturdayNotAllowed when classes is [DeliveryClass.Standard] && saturdayBlocker is not null =>
            new("Ordering.RequestedDate.SaturdayProduct", saturdayBlocker.LineNumber),
        RequestedDateRejection.SaturdayNotAllowed => new("Ordering.RequestedDate.SaturdayNotAllowed"),
        _ => new("Ordering.RequestedDate.SpecialOrderHasNoDate"),
    };

    /// <summary>An order of the same customer and 受付日, as the additional-order rule and duplicate detection see it.</summary>
    internal sealed record SameDayOrder(int Id, string OrderNumber, DateTimeOffset ReceivedAt, string? KeyedByStaffId, OrderStatus Status,
        int GoodsSubtotal, int DepartmentId, int? ShipToId, int? ShipToDepartmentId, List<(DeliveryClass DeliveryClass,
            DateOnly? DeliveryDate)> Shipments,
        List<(string ProductCode, int Quantity)> Lines);

    private static async Task<List<SameDayOrder>> SameDayOrdersAsync(SmartOfficeDbContext db, int customerId, DateOnly acceptanceDay,
        int? correcting,
        CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId && o.AcceptanceDay == acceptanceDay && o.Status != OrderStatus.Voided);
        // A condition on the caller's value alone ("correcting == null || …") is evaluated by EF on every run with a freshly
        // compiled delegate (a dynamic method the finalizer then frees): a fifth of the server's CPU under the circuits load.
        if (correcting is { } corrected)
            query = query.Where(o => o.Id != corrected);
        var orders = await query
            .Select(o => new { o.Id, o.OrderNumber, o.ReceivedAt, o.KeyedByStaffId, o.Status, o.GoodsSubtotal, o.DepartmentId, o.ShipToId,
                o.ShipToDepartmentId })
            .ToListAsync(cancellationToken);
        if (orders.Count == 0)
            return [];
        var ids = orders.Select(o => o.Id).ToList();
        var shipments = (await db.Shipments.AsNoTracking().Where(s => ids.Contains(s.OrderId) && s.Status != ShipmentStatus.BackOrdered)
                .Select(s => new { s.OrderId, s.DeliveryClass, s.DeliveryDate }).ToListAsync(cancellationToken))
            .ToLookup(s => s.OrderId);
        var lines = (await db.OrderLines.AsNoTracking().Where(l => ids.Contains(l.OrderId))
                .Select(l => new { l.OrderId, l.ProductCode, l.Quantity }).ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);
        return orders.Select(o => new SameDayOrder(o.Id, o.OrderNumber, o.ReceivedAt, o.KeyedByStaffId, o.Status, o.GoodsSubtotal,
            o.DepartmentId,
            o.ShipToId, o.ShipToDepartmentId, shipments[o.Id].OrderBy(s => s.DeliveryClass).Select(s => (s.DeliveryClass,
                s.DeliveryDate)).ToList(),
            lines[o.Id].Select(l => (l.ProductCode, l.Quantity)).ToList())).ToList();
    }

    /// <summary>
    /// 配送料 with 追加注文 against the orders received earlier: the order's first shipment (standard before furniture before
    /// special) gives the delivery date; the ship-to is the address chosen — a registered ship-to, another department, or the
    /// ordering department's own. "Before cutoff" uses the FAX's
    /// receipt time against that shipment's cutoff on its 受付日.
    /// </summary>
    private ShippingDecision Shipping(FaxOrderDraft draft, List<PlannedShipment> shipments, int subtotal,
        IEnumerable<SameDayOrder> earlierOrders)
    {
        if (shipments.Count == 0)
            return new ShippingDecision(0, ShippingFeeReason.FreeOverThreshold);
        var key = shipments[0];
        var order = new ShippingOrder(key.AcceptanceDay, key.DeliveryDate, ShipToKey(draft.ShipToId, draft.OtherShipToDepartmentId,
            draft.DepartmentId), subtotal);
        var beforeCutoff = draft.FaxReceivedAt < clock.At(key.AcceptanceDay, key.Cutoff);
        var earlier = earlierOrders.Where(o => o.Status == OrderStatus.Accepted && o.Shipments.Count > 0).Select(o =>
            new ShippingOrder(key.AcceptanceDay, o.Shipments[0].DeliveryDate, ShipToKey(o.ShipToId, o.ShipToDepartmentId, o.DepartmentId),
                o.GoodsSubtotal));
        return _shipping.Decide(order, beforeCutoff, earlier);
    }

    /// <summary>
    /// "Earlier" for the additional-order rule is received earlier (docs/business-rules.md §2), never keyed earlier; at
    /// the same minute, saved
    /// earlier (an order being corrected keeps its place by id).
    /// </summary>
    private static bool ReceivedEarlier(SameDayOrder other, DateTimeOffset receivedAt, int? correcting) =>
        other.ReceivedAt < receivedAt || (other.ReceivedAt == receivedAt && (correcting is null || other.Id < correcting));

    /// <summary>
    /// Where an order ships, as the additional-order rule compares it: a registered ship-to by its id, a department's address
    /// (the ordering one's own, or the other department chosen) by its negated id — they never collide.
    /// </summary>
    internal static int ShipToKey(int? shipToId, int? shipToDepartmentId,
        int departmentId) => shipToId ?? -(shipToDepartmentId ?? departmentId);

    /// <summary>予算: the department's non-voided orders of the acceptance day's month, before and after this one.</summary>
    private static async Task<BudgetCheck> BudgetAsync(SmartOfficeDbContext db, int departmentId, int? monthlyBudget, BudgetKind kind,
        DateOnly acceptanceDay, int subtotal, int? correcting, CancellationToken cancellationToken)
    {
        if (monthlyBudget is not { } budget)
            return new BudgetCheck(BudgetStatus.NoBudget, null, 0, subtotal);
        var from = new DateOnly(acceptanceDay.Year, acceptanceDay.Month, 1);
        var to = from.AddMonths(1);
        var spent = (await BudgetSpending.SpentAsync(db, [departmentId], from, to, correcting, cancellationToken))[departmentId];
        var after = spent + subtotal;
        var status = after <= budget ? BudgetStatus.Within : kind == BudgetKind.Hard ? BudgetStatus.OverHard : BudgetStatus.OverSoft;
        return new BudgetCheck(status, budget, (int)Math.Min(spent, int.MaxValue), (int)Math.Min(after, int.MaxValue));
    }

    /// <summary>Same customer, same 受付日, the same products in the same quantities: probably the same FAX keyed twice.</summary>
    private static async Task<List<PossibleDuplicate>> DuplicatesAsync(SmartOfficeDbContext db, List<PricedLine> valid,
        List<SameDayOrder> sameDay,
        CancellationToken cancellationToken)
    {
        if (valid.Count == 0 || sameDay.Count == 0)
            return [];
        var mine = Fingerprint(valid.Select(l => (l.Product!.Code, l.Quantity!.Value)));
        var matches = sameDay.Where(o => Fingerprint(o.Lines) == mine).ToList();
        if (matches.Count == 0)
            return [];
        var staffIds = matches.Select(o => o.KeyedByStaffId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return matches.Select(o => new PossibleDuplicate(o.Id, o.OrderNumber, o.ReceivedAt,
            o.KeyedByStaffId is null ? null : names.GetValueOrDefault(o.KeyedByStaffId, o.KeyedByStaffId))).ToList();
    }

    private static string Fingerprint(IEnumerable<(string Code, int Quantity)> lines) =>
        string.Join(";", lines.GroupBy(l => l.Code).Select(g => (Code: g.Key, Quantity: g.Sum(l => l.Quantity)))
            .OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => $"{l.Code}x{l.Quantity}"));
}

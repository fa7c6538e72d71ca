using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// Fifteen months of FAX and Web orders, day by day in receipt order, priced, split into shipments and
/// dated by the rules; written in batches so the large profile never holds its millions of lines.
/// </summary>
internal sealed class OrdersPhase(DemoContext context, DemoAccounts accounts, DemoCatalog catalog, DemoStaffIds staff)
{
    private const int BatchLines = 20_000;
    private const double VoidedShare = 0.003;
    // The window in which delivered orders become return candidates (the 90-day limit minus some slack).
    private const int ReturnWindowStart = 85, ReturnWindowEnd = 4;

    // Order volume by hour: FAX while the desk works (8–18 h, peaking before the cutoff), Web around the clock.
    private static readonly WeightedPicker FaxHours = new([1, 6, 9, 9, 5, 8, 9, 9, 9, 4, 2]);
    private const int FirstFaxHour = 8;
    private static readonly WeightedPicker WebHours =
        new([0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 0.6, 1, 3, 7, 9, 9, 6, 8, 9, 9, 9, 7, 4, 3, 2, 2, 1, 0.5]);

    private readonly Random _rng = context.RandomFor(DemoPhase.Orders);
    private readonly WeightedPicker _lineCounts = new(context.Profile.LineCountWeights.Select(w => (double)w));
    private readonly WeightedPicker _customers = new(accounts.Customers.Select(c => c.Activity));
    private readonly WeightedPicker _products = new(catalog.Products.Select(p => p.Popularity));
    private readonly Dictionary<int, List<ShippingOrder>> _recentByCustomer = [];
    private readonly Dictionary<int, (int Month, int Spent)> _budgetSpent = [];
    private readonly OrderHistory _history = new();
    private readonly List<Order> _orders = [];
    private readonly List<Shipment> _shipments = [];
    private readonly List<OrderLine> _lines = [];
    private readonly DemoShipmentResults _results = new(context);
    private double _returnCandidateChance;
    private int _orderId, _shipmentId, _lineId;

    private sealed record Draft(DemoCustomer Customer, OrderChannel Channel, DateTimeOffset ReceivedAt, DateTimeOffset? KeyedAt);

    /// <summary>A product picked for an order, at the customer's discounted price.</summary>
    private sealed record PickedLine(DemoProduct Product, int Quantity, int UnitPrice, string? Comment)
    {
        public int Amount => UnitPrice * Quantity;
        public DeliveryClass DeliveryClass => Product.Entity.DeliveryClass;
        public TaxClass TaxClass => Product.Entity.TaxClass;
    }

    /// <summary>A shipment as planned; the requested date may still move its delivery date.</summary>
    private sealed record PlannedShipment(DeliveryClass DeliveryClass, DateOnly AcceptanceDay, TimeOnly Cutoff, List<PickedLine> Lines)
    {
        public DateOnly? DeliveryDate { get; set; }
    }

    public async Task<OrderHistory> RunAsync(CancellationToken cancellationToken)
    {
        var plan = PlanDays();
        var inReturnWindow = plan
            .Where(d => d.Day >= context.Today.AddDays(-ReturnWindowStart) && d.Day <= context.Today.AddDays(-ReturnWindowEnd))
            .Sum(d => d.Expected);
        // Several candidates per wanted slip, so slips can pick orders with returnable lines.
        _returnCandidateChance = Math.Min(1, 5.0 * context.Profile.ReturnSlips / Math.Max(1, inReturnWindow));

        foreach (var (day, expected) in plan)
        {
            if (day == context.Today)
                _history.LotsBeforeToday = _history.Lots.Count;
            foreach (var draft in Drafts(day, expected))
                Place(draft);
            if (_lines.Count >= BatchLines)
                await FlushAsync(cancellationToken);
        }
        await FlushAsync(cancellationToken);
        return _history;
    }

    /// <summary>
    /// Each day's expected order count: weekdays full, Saturdays lighter, Sundays and holidays a trickle of Web
    /// orders. With <see cref="DemoProfile.DueLotShare"/> the oldest months, whose points are due to expire, weigh more.
    /// </summary>
    private List<(DateOnly Day, double Expected)> PlanDays()
    {
        var endOfThisMonth = new DateOnly(context.Today.Year, context.Today.Month, 1).AddMonths(1).AddDays(-1);
        var days = new List<(DateOnly Day, double Weight, bool Due)>();
        for (var day = context.FirstOrderDay; day <= context.Today; day = day.AddDays(1))
        {
            var weight = !context.Delivery.IsAcceptanceDay(day) ? 0.06 : day.DayOfWeek == DayOfWeek.Saturday ? 0.3 : 1.0;
            days.Add((day, weight, context.Points.ValidThrough(day) <= endOfThisMonth));
        }
        if (context.Profile.DueLotShare is { } share)
        {
            var due = days.Where(d => d.Due).Sum(d => d.Weight);
            var notDue = days.Where(d => !d.Due).Sum(d => d.Weight);
            var factor = due > 0 ? share / (1 - share) * notDue / due : 1;
            days = days.Select(d => d.Due ? d with { Weight = d.Weight * factor } : d).ToList();
        }
        var total = days.Sum(d => d.Weight);
        return days.Select(d => (d.Day, context.Profile.Orders * d.Weight / total)).ToList();
    }

    /// <summary>The day's orders in receipt order; today's stop at the current time (a FAX counts once keyed).</summary>
    private IEnumerable<Draft> Drafts(DateOnly day, double expected)
    {
        var count = (int)expected + (_rng.Chance(expected - (int)expected) ? 1 : 0);
        var faxAccepted = context.Delivery.IsAcceptanceDay(day);
        var drafts = new List<Draft>(count);
        for (var i = 0; i < count; i++)
        {
            var customer = _rng.Chance(context.Profile.HeavyCustomerShare)
                ? accounts.Customers[0]
                : accounts.Customers[_customers.Next(_rng)];
            var fax = faxAccepted && _rng.Chance(customer.FaxShare);
            var hour = fax ? FirstFaxHour + FaxHours.Next(_rng) : WebHours.Next(_rng);
            var receivedAt = context.At(day, TimeSpan.FromSeconds(hour * 3600 + _rng.Next(3600)));
            // The desk keys a FAX a few minutes after it arrives, from 9:00.
            var deskOpens = context.At(day, TimeSpan.FromHours(9));
            var keyedAt = fax
                ? (receivedAt > deskOpens ? receivedAt : deskOpens).AddSeconds(_rng.Between(120, 1_800))
                : (DateTimeOffset?)null;
            if ((keyedAt ?? receivedAt) <= context.Now)
                drafts.Add(new Draft(customer, fax ? OrderChannel.Fax : OrderChannel.Web, receivedAt, keyedAt));
        }
        return drafts.OrderBy(d => d.ReceivedAt);
    }

    private void Place(Draft draft)
    {
        var customer = draft.Customer;
        var department = _rng.Pick(customer.Departments);
        var webUser = draft.Channel == OrderChannel.Web ? _rng.Pick(department.Users) : null;
        if (webUser is { Entity.IsActive: false })
            webUser = department.Users[0];
        var shipTo = customer.ShipTos.Count > 0 && _rng.Chance(0.15) ? _rng.Pick(customer.ShipTos) : null;

        var lines = Lines(customer);
        var shipments = lines
            .GroupBy(l => l.DeliveryClass)
            .OrderBy(g => g.Key)
            .Select(g => Plan(draft, customer, g.Key, g.ToList()))
            .ToList();
        var request = RequestedDate(customer, shipments, lines);
        var key = shipments[0];
        var subtotal = lines.Sum(l => l.Amount);
        if (!WithinHardBudget(department, key.AcceptanceDay, subtotal))
            return;

        // In the order the generator has always drawn them (the demo data stay the same for a seed): clerk, then void.
        var orderId = ++_orderId;
        var keyedBy = draft.KeyedAt is null ? null : _rng.Pick(staff.DeskAgents);
        var voided = _rng.Chance(VoidedShare);
        var voidReason = !voided ? null
            : draft.Channel == OrderChannel.Fax
                ? "入力誤りのため取消（再入力済）" : "お客様による取消（注文後10分以内）";
        var totals = Price(draft, customer, department, shipTo?.Id, key, subtotal, voided, lines);
        var order = Order.Past($"{(draft.Channel == OrderChannel.Fax ? 'F' : 'W')}{draft.ReceivedAt:yyMMdd}{orderId:D7}",
            customer.Entity.Id, department.Entity.Id, draft.Channel, draft.ReceivedAt, key.AcceptanceDay, totals,
            voided ? OrderStatus.Voided : OrderStatus.Accepted, voidReason, draft.KeyedAt, keyedBy, shipTo?.Id, webUser?.Entity.Id,
            request?.Date, request?.Saturday ?? false, id: orderId);

        var shipped = shipments.Select(planned => Ship(order, planned)).ToList();
        var saved = Saved(order, shipped, lines);
        _orders.Add(order);
        _lines.AddRange(saved);

        var lotId = EarnPoints(order, department, webUser, key.AcceptanceDay);
        if (shipped.Count == 1 && shipped[0] is { Status: ShipmentStatus.Delivered, DeliveryDate: { } delivered }
            && delivered >= context.Today.AddDays(-ReturnWindowStart) && delivered <= context.Today.AddDays(-ReturnWindowEnd)
            && _rng.Chance(_returnCandidateChance))
        {
            _history.ReturnCandidates.Add(new ReturnCandidate(order.Id, customer.Entity.Id, lotId, delivered, order.GoodsSubtotal,
                order.PointsEarned, order.ShippingFee,
                saved.Select(l => new ReturnableLine(l.Id, l.Quantity, l.UnitPrice, l.TaxClass,
                    !l.Returnable)).ToList()));
        }
    }

    /// <summary>
    /// The order's lines as saved, numbered in picked order, each on its delivery class's shipment; a delivered
    /// shipment's lines were shipped and delivered in full (their results: <see cref="DemoShipmentResults"/>).
    /// </summary>
    private List<OrderLine> Saved(Order order, List<Shipment> shipments, List<PickedLine> lines)
    {
        var byClass = shipments.ToDictionary(s => s.DeliveryClass);
        var saved = new List<OrderLine>(lines.Count);
        foreach (var line in lines)
        {
            var shipment = byClass[line.DeliveryClass];
            var product = line.Product.Entity;
            var delivered = shipment.Status == ShipmentStatus.Delivered ? line.Quantity : 0;
            saved.Add(new OrderLine
            {
                Id = ++_lineId,
                OrderId = order.Id,
                LineNumber = saved.Count + 1,
                ShipmentId = shipment.Id,
                ProductId = product.Id,
                ProductCode = product.Code,
                ProductName = product.Name,
                Quantity = line.Quantity,
                ListUnitPrice = product.UnitPrice,
                UnitPrice = line.UnitPrice,
                Amount = line.Amount,
                TaxClass = product.TaxClass,
                DeliveryClass = product.DeliveryClass,
                Maker = product.Maker,
                IsEco = product.IsEco,
                CategoryId = product.CategoryId,
                Returnable = !line.Product.NonReturnable,
                LineComment = line.Comment,
                ShippedQuantity = delivered,
                DeliveredQuantity = delivered,
            });
        }
        return saved;
    }

    /// <summary>1–8 distinct products at the customer's discounted price, a few with a line comment (行コメント).</summary>
    private List<PickedLine> Lines(DemoCustomer customer)
    {
        var count = 1 + _lineCounts.Next(_rng);
        var chosen = new List<DemoProduct>(count);
        for (var attempt = 0; chosen.Count < count && attempt < count * 3; attempt++)
        {
            var product = catalog.Products[_products.Next(_rng)];
            if (!chosen.Contains(product))
                chosen.Add(product);
        }
        return chosen.Select(p =>
        {
            var quantity = Quantity(p.Entity.UnitPrice);
            var unitPrice = TaxRules.DiscountedUnitPrice(p.Entity.UnitPrice, customer.Entity.VolumeDiscountRate);
            var comment = _rng.Chance(0.06)
                ? string.Format(_rng.Pick(DemoVocabulary.LineComments), _rng.Pick(DemoVocabulary.Surnames).Kanji)
                : null;
            return new PickedLine(p, quantity, unitPrice, comment);
        }).ToList();
    }

    /// <summary>Cheap consumables by the handful, furniture one or two at a time.</summary>
    private int Quantity(int listPrice) => listPrice switch
    {
        < 300 => _rng.Pick(SmallQuantities),
        < 3_000 => _rng.Pick(MediumQuantities),
        < 20_000 => _rng.Pick(LargeQuantities),
        _ => _rng.Chance(0.85) ? 1 : 2,
    };

    private static readonly int[] SmallQuantities = [1, 1, 2, 2, 3, 5, 10, 10, 20];
    private static readonly int[] MediumQuantities = [1, 1, 1, 2, 2, 3, 5];
    private static readonly int[] LargeQuantities = [1, 1, 1, 2, 3];

    /// <summary>One shipment per delivery class, with its own cutoff, acceptance day and earliest date.</summary>
    private PlannedShipment Plan(Draft draft, DemoCustomer customer, DeliveryClass deliveryClass, List<PickedLine> lines)
    {
        var quote = context.Delivery.Quote(draft.ReceivedAt, draft.Channel, deliveryClass, customer.Cutoffs);
        return new PlannedShipment(deliveryClass, quote.AcceptanceDay,
            context.Delivery.CutoffFor(draft.Channel, deliveryClass, customer.Cutoffs), lines)
        {
            // A special order's date is advised individually, a few days after acceptance.
            DeliveryDate = quote.EarliestDelivery
                ?? (quote.AcceptanceDay <= context.Today.AddDays(-3) ? AddDeliveryDays(quote.AcceptanceDay, _rng.Between(5, 12)) : null),
        };
    }

    private DateOnly AddDeliveryDays(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (context.Delivery.IsDeliveryDay(day, saturdayCounts: false))
                days--;
        }
        return day;
    }

    /// <summary>
    /// お届け日指定 on a few orders: a later weekday, or a Saturday when every line allows it; kept only if the
    /// rules accept it for every dated shipment, which then gets that date.
    /// </summary>
    private (DateOnly Date, bool Saturday)? RequestedDate(DemoCustomer customer, List<PlannedShipment> shipments, List<PickedLine> lines)
    {
        if (!_rng.Chance(0.04))
            return null;
        var dated = shipments.Where(s => s.DeliveryClass != DeliveryClass.SpecialOrder).ToList();
        if (dated.Count == 0)
            return null;
        var saturday = shipments.Count == 1 && shipments[0].DeliveryClass == DeliveryClass.Standard
            && lines.All(l => !catalog.Products[l.Product.Entity.Id - 1].Entity.NoSaturdayDelivery)
            && _rng.Chance(0.25);
        var requested = (saturday ? dated[0].AcceptanceDay.AddDays(1) : dated.Max(s => s.DeliveryDate!.Value))
            .AddDays(_rng.Between(0, 6));
        while (saturday ? requested.DayOfWeek != DayOfWeek.Saturday : !context.Delivery.IsDeliveryDay(requested, saturdayCounts: false))
            requested = requested.AddDays(1);

        var allowed = dated.All(s => context.Delivery.CheckRequestedDate(
            s.AcceptanceDay, s.DeliveryClass, customer.Cutoffs, requested, saturdayAllowed: saturday).IsAllowed);
        if (!allowed)
            return null;
        foreach (var s in dated)
            s.DeliveryDate = requested;
        return (requested, saturday);
    }

    /// <summary>予算管理: a hard monthly budget (of the acceptance day's month) refuses the order; a soft one only warns.</summary>
    private bool WithinHardBudget(DemoDepartment department, DateOnly acceptanceDay, int subtotal)
    {
        if (department.Entity.MonthlyBudget is not { } budget)
            return true;
        var month = acceptanceDay.Year * 12 + acceptanceDay.Month;
        var spent = _budgetSpent.TryGetValue(department.Entity.Id, out var s) && s.Month == month ? s.Spent : 0;
        if (department.Entity.BudgetKind == BudgetKind.Hard && spent + subtotal > budget)
            return false;
        _budgetSpent[department.Entity.Id] = (month, spent + subtotal);
        return true;
    }

    /// <summary>Shipping (with 追加注文), tax once per rate on the slip, total and points.</summary>
    private OrderTotals Price(Draft draft, DemoCustomer customer, DemoDepartment department, int? shipToId, PlannedShipment key,
        int subtotal, bool voided, List<PickedLine> lines)
    {
        var shippingOrder = new ShippingOrder(key.AcceptanceDay, key.DeliveryDate, shipToId ?? -department.Entity.Id, subtotal);
        if (!_recentByCustomer.TryGetValue(customer.Entity.Id, out var earlier))
            _recentByCustomer[customer.Entity.Id] = earlier = [];
        earlier.RemoveAll(e => e.AcceptanceDay < key.AcceptanceDay.AddDays(-7));
        var receivedBeforeCutoff = draft.ReceivedAt < context.Clock.At(key.AcceptanceDay, key.Cutoff);
        var shipping = context.Shipping.Decide(shippingOrder, receivedBeforeCutoff, earlier);
        if (!voided)
            earlier.Add(shippingOrder);

        var tax = context.Tax.ForSlip(lines.Select(l => new TaxableAmount(l.TaxClass, l.Amount)), shipping.Fee);
        var taxStandard = tax.TaxAt(context.Options.StandardTaxRatePercent);
        var taxReduced = tax.TaxAt(context.Options.ReducedTaxRatePercent);
        var points = voided ? 0
            : context.Points.PointsEarned(subtotal, optedOut: !customer.EarnsPointsOn(key.AcceptanceDay));
        return new OrderTotals(subtotal, shipping.Fee, shipping.Reason, taxStandard, taxReduced,
            subtotal + shipping.Fee + taxStandard + taxReduced, points);
    }

    /// <summary>Delivered once its date has passed, instructed once its cutoff batch closed, open before that.</summary>
    private Shipment Ship(Order order, PlannedShipment planned)
    {
        var id = ++_shipmentId;
        var batchClosed = planned.AcceptanceDay < context.Today
            || (planned.AcceptanceDay == context.Today && context.Now >= context.Clock.At(context.Today, planned.Cutoff));
        var status = order.Status == OrderStatus.Voided ? ShipmentStatus.Voided
            : planned.DeliveryDate < context.Today ? ShipmentStatus.Delivered
            : batchClosed ? ShipmentStatus.Instructed
            : ShipmentStatus.Open;
        var slip = status is ShipmentStatus.Delivered or ShipmentStatus.Instructed ? DemoShipmentResults.SlipNumber(id) : null;
        var shipment = Shipment.Past(planned.DeliveryClass, planned.AcceptanceDay, planned.DeliveryDate, status, slip, id, order.Id);
        _shipments.Add(shipment);
        return shipment;
    }

    /// <summary>A lot on the ordering web user's account (Web) or the department's (FAX), valid per the rules.</summary>
    private int? EarnPoints(Order order, DemoDepartment department, DemoWebUser? webUser, DateOnly acceptanceDay)
    {
        if (order.PointsEarned == 0)
            return null;
        var lot = new LotState
        {
            Id = _history.Lots.Count + 1,
            AccountId = webUser?.PointAccountId ?? department.PointAccountId,
            OrderId = order.Id,
            Points = order.PointsEarned,
            Remaining = order.PointsEarned,
            EarnedOn = acceptanceDay,
            ValidThrough = context.Points.ValidThrough(acceptanceDay),
            RecordedAt = order.KeyedAt ?? order.ReceivedAt,
        };
        _history.Lots.Add(lot);
        return lot.Id;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var results = _results.For(_shipments, _lines);
        await context.Writer.InsertAsync(_orders, cancellationToken);
        await context.Writer.InsertAsync(_shipments, cancellationToken);
        await context.Writer.InsertAsync(_lines, cancellationToken);
        await _results.WriteAsync(results, cancellationToken);
        _orders.Clear();
        _shipments.Clear();
        _lines.Clear();
    }
}

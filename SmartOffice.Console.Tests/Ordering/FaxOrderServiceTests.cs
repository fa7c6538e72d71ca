using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>FAX order entry on a real SQLite file: pricing, every refusal, saving once, correcting and voiding.</summary>
public sealed class FaxOrderServiceTests : IAsyncLifetime
{
    /// <summary>Wednesday 25 Nov 2026, 10:00 Japan time: an acceptance day; the next delivery day is Thursday the 26th.</summary>
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private readonly TestDatabase _database = new(Morning);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private FaxOrderService Service => _database.FaxOrders();

    private FaxOrderDraft Draft(params FaxOrderDraftLine[] lines) =>
        new(_department.CustomerId, _department.Id, null, Morning, null, lines);

    private static FaxOrderSaveRequest Save(FaxOrderDraft draft, Guid? key = null) => new(draft, key ?? Guid.NewGuid());

    private async Task<int> OrderCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.CountAsync();
    }

    private async Task<Order> LoadAsync(int orderId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Lines).Include(o => o.Shipments).SingleAsync(o => o.Id == orderId);
    }

    // ---- pricing ----

    [Fact]
    public async Task A_quote_prices_each_line_after_the_volume_discount_and_shows_stock_and_classes()
    {
        await _database.UpdateAsync<Customer>(_department.CustomerId, c => c.VolumeDiscountRate = 0.05m);

        var quote = await Service.QuoteAsync(Draft(Line(Pen, "3"), Line(Desk, "1")));

        var pen = quote.Lines[0];
        Assert.Equal((1000, 950, 2850, 100), (pen.ListUnitPrice, pen.UnitPrice, pen.Amount, pen.Stock));
        Assert.Equal(DeliveryClass.Furniture, quote.Lines[1].DeliveryClass);
        Assert.Equal(2850 + 28500, quote.GoodsSubtotal);
        Assert.Equal((0, ShippingFeeReason.FreeOverThreshold), (quote.ShippingFee, quote.ShippingFeeReason));
        Assert.Empty(quote.Problems);
        Assert.True(quote.CanSave);
    }

    [Fact]
    public async Task Tax_is_computed_once_per_rate_on_the_slip_not_per_line()
    {
        // Three beverage lines of 333 yen: per line floor(26.64) × 3 = 78, once on the slip floor(79.92) = 79.
        var quote = await Service.QuoteAsync(Draft(Line(Tea, "1"), Line(Tea, "1"), Line(Tea, "1"), Line(Pen, "3")));

        Assert.Equal(79, quote.Tax.TaxAt(8));
        Assert.Equal(300, quote.Tax.TaxAt(10));
        Assert.Equal(999 + 3000 + 79 + 300, quote.Total);
    }

    [Fact]
    public async Task Full_width_and_lower_case_codes_and_quantities_are_normalised()
    {
        var quote = await Service.QuoteAsync(Draft(Line("ａ００００００１", "３"), Line(" b0000001 ", "1,0")));

        Assert.Equal((Pen, 3, (string?)null), (quote.Lines[0].ProductCode, quote.Lines[0].Quantity, quote.Lines[0].Problem));
        Assert.Equal((Tea, 10), (quote.Lines[1].ProductCode, quote.Lines[1].Quantity));
        Assert.Empty(quote.Problems);
    }

    [Fact]
    public async Task Blank_lines_are_ignored_and_line_numbers_follow_the_form()
    {
        var quote = await Service.QuoteAsync(Draft(Line(Pen, "1"), Line("", " "), Line("ZZZ", "1")));

        Assert.Equal([1, 3], quote.Lines.Select(l => l.LineNumber));
        Assert.Contains("3", quote.Lines[1].Problem);
    }

    public static TheoryData<string, string, string> RefusedLines => new()
    {
        { "ZZ9999999", "1", "Ordering.UnknownProduct" },
        { Discontinued, "1", "Ordering.InactiveProduct" },
        { Pen, "0", "Ordering.QuantityNotPositive" },
        { Pen, "-1", "Ordering.QuantityNotPositive" },
        { Pen, "1.5", "Ordering.QuantityNotWhole" },
        { Pen, "１．５", "Ordering.QuantityNotWhole" },
        { Pen, "10000", "Ordering.QuantityTooLarge" },
        { Pen, "９９９９９", "Ordering.QuantityTooLarge" },
        { Pen, "abc", "Ordering.QuantityNotNumber" },
        { Pen, "", "Ordering.QuantityMissing" },
        { "", "3", "Ordering.CodeMissing" },
    };

    [Theory]
    [MemberData(nameof(RefusedLines))]
    public async Task A_bad_line_is_named_in_the_quote_and_refuses_the_save(string code, string quantity, string key)
    {
        var draft = Draft(Line(Pen, "1"), Line(code, quantity));

        var quote = await Service.QuoteAsync(draft);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(draft)));

        Assert.Equal(key, error.Key);
        Assert.False(quote.CanSave);
        Assert.Null(quote.Lines[0].Problem);
        Assert.Matches("^(2行目|Line 2:)", quote.Lines[1].Problem);
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task Full_width_quantity_within_the_limit_is_accepted()
    {
        var quote = await Service.QuoteAsync(Draft(Line(Pen, "９９９９")));

        Assert.Equal(9999, quote.Lines[0].Quantity);
        Assert.Null(quote.Lines[0].Problem);
    }

    [Fact]
    public async Task The_maximum_line_quantity_is_a_setting()
    {
        var service = _database.FaxOrders(rules: new RulesOptions { MaximumLineQuantity = 50 });

        var quote = await service.QuoteAsync(Draft(Line(Pen, "51")));

        Assert.Contains("50", quote.Lines[0].Problem);
    }

    [Fact]
    public async Task A_line_comment_over_the_limit_is_refused()
    {
        var draft = Draft(Line(Pen, "1", new string('あ', 101)));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(draft)));

        Assert.Equal("Ordering.CommentTooLong", error.Key);
    }

    [Fact]
    public async Task Locked_products_and_locked_categories_are_refused()
    {
        await using (var db = _database.CreateDbContext())
        {
            var pen = await db.Products.SingleAsync(p => p.Code == Pen);
            var toner = await db.ProductCategories.SingleAsync(c => c.Code == LockableCategory);
            db.OrderLocks.AddRange(new OrderLock { CustomerId = _department.CustomerId, ProductId = pen.Id, RequestedBy = "総務 山田様" },
                new OrderLock { CustomerId = _department.CustomerId, CategoryId = toner.Id, RequestedBy = "総務 山田様" });
            await db.SaveChangesAsync();
        }

        var product = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(Draft(Line(Pen, "1")))));
        var category = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(Draft(Line(Tea, "1"), Line(Toner, "1")))));

        Assert.Equal("Ordering.ProductLocked", product.Key);
        Assert.Equal("Ordering.CategoryLocked", category.Key);
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task A_ship_to_of_another_customer_or_an_inactive_one_is_refused()
    {
        var other = await _database.AddCustomerAsync("D1", "10000026");
        var foreign = await _database.AddShipToAsync(other.CustomerId, "他社倉庫");
        var closed = await _database.AddShipToAsync(_department.CustomerId, "旧大阪支店", active: false);
        var own = await _database.AddShipToAsync(_department.CustomerId, "大阪支店");

        var foreignError = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service.SaveAsync(Save(Draft(Line(Pen, "3")) with { ShipToId = foreign.Id })));
        var closedError = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service.SaveAsync(Save(Draft(Line(Pen, "3")) with { ShipToId = closed.Id })));
        var saved = await Service.SaveAsync(Save(Draft(Line(Pen, "3")) with { ShipToId = own.Id }));

        Assert.Equal("Ordering.ShipToNotRegistered", foreignError.Key);
        Assert.Equal("Ordering.ShipToNotRegistered", closedError.Key);
        Assert.Equal(own.Id, (await LoadAsync(saved.OrderId!.Value)).ShipToId);
    }

    [Fact]
    public async Task A_department_of_another_customer_is_refused()
    {
        var other = await _database.AddCustomerAsync("D1", "10000026");

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service.SaveAsync(Save(Draft(Line(Pen, "3")) with { DepartmentId = other.Id })));

        Assert.Equal("Ordering.DepartmentNotOfCustomer", error.Key);
    }

    // ---- requested delivery date ----

    public static TheoryData<string, string[], string> RefusedDates => new()
    {
        { "2026-11-25", [Pen], "Ordering.RequestedDate.TooEarly" },          // the acceptance day itself
        { "2026-11-29", [Pen], "Ordering.RequestedDate.Sunday" },
        { "2027-02-11", [Pen], "Ordering.RequestedDate.Holiday" },           // 建国記念の日
        { "2026-12-30", [Pen], "Ordering.RequestedDate.ClosureDay" },        // 年末年始
        { "2026-11-28", [Pen, Desk], "Ordering.RequestedDate.SaturdayNotAllowed" },
        { "2026-11-28", [Pen, Special], "Ordering.RequestedDate.SaturdayNotAllowed" },
        { "2026-11-28", [Pen, NoSaturday], "Ordering.RequestedDate.SaturdayProduct" },
        { "2026-11-26", [Desk], "Ordering.RequestedDate.TooEarly" },         // furniture arrives the second delivery day
        { "2026-12-01", [Special], "Ordering.RequestedDate.SpecialOrderHasNoDate" },
    };

    [Theory]
    [MemberData(nameof(RefusedDates))]
    public async Task A_requested_date_the_rules_do_not_allow_is_refused(string requested, string[] codes, string key)
    {
        var draft = Draft(codes.Select(c => Line(c, "1")).ToArray()) with { RequestedDeliveryDate = DateOnly.Parse(requested) };

        var quote = await Service.QuoteAsync(draft);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(draft)));

        Assert.Equal(key, error.Key);
        Assert.NotNull(quote.RequestedDateProblem);
        Assert.Contains(quote.RequestedDateProblem, quote.Problems);
    }

    [Fact]
    public async Task A_Saturday_request_for_standard_items_dates_the_shipment_that_Saturday()
    {
        var saturday = new DateOnly(2026, 11, 28);
        var draft = Draft(Line(Pen, "3")) with { RequestedDeliveryDate = saturday };

        var saved = await Service.SaveAsync(Save(draft));

        var order = await LoadAsync(saved.OrderId!.Value);
        Assert.True(order.SaturdayRequested);
        Assert.Equal(saturday, Assert.Single(order.Shipments).DeliveryDate);
    }

    [Fact]
    public async Task A_requested_date_applies_to_standard_and_furniture_shipments_not_to_special_orders()
    {
        var requested = new DateOnly(2026, 12, 4);
        var quote = await Service.QuoteAsync(Draft(Line(Pen, "1"), Line(Desk, "1"), Line(Special, "1")) with { RequestedDeliveryDate = requested });

        Assert.Empty(quote.Problems);
        Assert.Equal([DeliveryClass.Standard, DeliveryClass.Furniture, DeliveryClass.SpecialOrder], quote.Shipments.Select(s => s.DeliveryClass));
        Assert.Equal([requested, requested, null], quote.Shipments.Select(s => s.DeliveryDate));
    }

    // ---- acceptance day and cutoffs ----

    [Fact]
    public async Task A_FAX_received_at_16_55_and_keyed_at_17_20_is_accepted_the_same_day()
    {
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 25, 17, 20));

        var inTime = await Service.QuoteAsync(Draft(Line(Pen, "1")) with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11, 25, 16, 55) });
        var late = await Service.QuoteAsync(Draft(Line(Pen, "1")) with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11, 25, 17, 0) });

        Assert.Equal((Wednesday, new DateOnly(2026, 11, 26)), (inTime.Shipments[0].AcceptanceDay, inTime.Shipments[0].EarliestDelivery));
        Assert.Equal(new DateOnly(2026, 11, 26), late.Shipments[0].AcceptanceDay);
    }

    [Fact]
    public async Task Furniture_after_its_13_00_cutoff_ships_as_its_own_shipment_accepted_the_next_day()
    {
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 25, 14, 10));

        var quote = await Service.QuoteAsync(Draft(Line(Pen, "1"), Line(Desk, "1")) with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11, 25, 14, 0) });

        var standard = quote.Shipments.Single(s => s.DeliveryClass == DeliveryClass.Standard);
        var furniture = quote.Shipments.Single(s => s.DeliveryClass == DeliveryClass.Furniture);
        Assert.Equal((Wednesday, new DateOnly(2026, 11, 26)), (standard.AcceptanceDay, standard.EarliestDelivery));
        // Accepted Thursday, the second delivery day after it is Monday (Saturday is no delivery day).
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30)), (furniture.AcceptanceDay, furniture.EarliestDelivery));
    }

    [Fact]
    public async Task A_FAX_received_time_in_the_future_is_refused()
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service.SaveAsync(Save(Draft(Line(Pen, "3")) with { FaxReceivedAt = Morning.AddHours(1) })));

        Assert.Equal("Ordering.ReceivedInFuture", error.Key);
    }

    // ---- shipping: the additional-order rule ----

    [Fact]
    public async Task An_order_under_2500_yen_pays_300_yen_shipping()
    {
        var quote = await Service.QuoteAsync(Draft(Line(Pen, "2")));

        Assert.Equal((300, ShippingFeeReason.Charged), (quote.ShippingFee, quote.ShippingFeeReason));
        Assert.Equal(2000 + 300 + 230, quote.Total);
    }

    [Fact]
    public async Task A_second_order_before_cutoff_to_the_same_ship_to_and_date_ships_free_after_a_first_of_2500_yen()
    {
        await Service.SaveAsync(Save(Draft(Line(Pen, "3"))));
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 25, 17, 30));
        var osaka = await _database.AddShipToAsync(_department.CustomerId, "大阪支店");

        var second = Draft(Line(Pen, "1")) with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11, 25, 16, 59, 59) };
        var inTime = await Service.QuoteAsync(second);
        var afterCutoff = await Service.QuoteAsync(second with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11, 25, 17, 0) });
        var otherShipTo = await Service.QuoteAsync(second with { ShipToId = osaka.Id });
        var otherDate = await Service.QuoteAsync(second with { RequestedDeliveryDate = new DateOnly(2026, 11, 27) });

        Assert.Equal((0, ShippingFeeReason.FreeAdditionalOrder), (inTime.ShippingFee, inTime.ShippingFeeReason));
        Assert.Equal((300, ShippingFeeReason.Charged), (afterCutoff.ShippingFee, afterCutoff.ShippingFeeReason));
        Assert.Equal((300, ShippingFeeReason.Charged), (otherShipTo.ShippingFee, otherShipTo.ShippingFeeReason));
        Assert.Equal((300, ShippingFeeReason.Charged), (otherDate.ShippingFee, otherDate.ShippingFeeReason));

        var saved = await Service.SaveAsync(Save(second));
        Assert.Equal((0, ShippingFeeReason.FreeAdditionalOrder), ((await LoadAsync(saved.OrderId!.Value)).ShippingFee, saved.Quote.ShippingFeeReason));
    }

    [Fact]
    public async Task A_first_order_under_2500_yen_gives_no_free_shipping_to_the_next()
    {
        await Service.SaveAsync(Save(Draft(Line(Pen, "2"))));

        var second = await Service.QuoteAsync(Draft(Line(Pen, "1")));

        Assert.Equal(300, second.ShippingFee);
    }

    // ---- points ----

    [Fact]
    public async Task Saving_earns_one_point_per_100_yen_on_the_department_account_valid_to_the_end_of_the_month_a_year_on()
    {
        var saved = await Service.SaveAsync(Save(Draft(Line(Pen, "3"), Line(Tea, "1"))));

        await using var db = _database.CreateDbContext();
        var lot = await db.PointLots.SingleAsync(l => l.OrderId == saved.OrderId);
        var account = await db.PointAccounts.SingleAsync(a => a.Id == lot.PointAccountId);
        var entry = await db.PointLedger.SingleAsync(e => e.PointLotId == lot.Id);
        Assert.Equal((PointAccountKind.Department, _department.Id), (account.Kind, account.DepartmentId));
        Assert.Equal((33, 33, new DateOnly(2027, 11, 30)), (lot.Points, lot.Remaining, lot.ValidThrough));
        Assert.Equal((PointEntryKind.Earn, 33, saved.OrderId), (entry.Kind, entry.Points, entry.OrderId));
        Assert.Equal(33, saved.Quote.PointsToEarn);
    }

    [Fact]
    public async Task An_opted_out_customer_earns_no_points()
    {
        await _database.UpdateAsync<Customer>(_department.CustomerId, c => c.PointsOptedOut = true);

        var quote = await Service.QuoteAsync(Draft(Line(Pen, "3")));
        var saved = await Service.SaveAsync(Save(Draft(Line(Pen, "3"))));

        Assert.Equal((0, true), (quote.PointsToEarn, quote.PointsOptedOut));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.PointLots.AnyAsync(l => l.OrderId == saved.OrderId));
    }

    [Fact]
    public async Task An_opt_out_from_a_later_date_still_earns_until_then()
    {
        await _database.UpdateAsync<Customer>(_department.CustomerId, c =>
        {
            c.PointsOptedOut = true;
            c.PointsOptOutFrom = new DateOnly(2026, 12, 1);
        });

        var quote = await Service.QuoteAsync(Draft(Line(Pen, "3")));

        Assert.Equal((30, false), (quote.PointsToEarn, quote.PointsOptedOut));
    }

    // ---- budget ----

    [Fact]
    public async Task A_hard_budget_refuses_the_order_that_would_exceed_it()
    {
        await _database.UpdateAsync<Department>(_department.Id, d => (d.MonthlyBudget, d.BudgetKind) = (5000, BudgetKind.Hard));
        await Service.SaveAsync(Save(Draft(Line(Pen, "3"))));

        var quote = await Service.QuoteAsync(Draft(Line(Pen, "2"), Line(Tea, "1")));
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(Draft(Line(Pen, "2"), Line(Tea, "1")))));

        Assert.Equal(new BudgetCheck(BudgetStatus.OverHard, 5000, 3000, 5333), quote.Budget);
        Assert.Equal("Ordering.BudgetHard", error.Key);
        Assert.Equal(1, await OrderCountAsync());
        // Exactly up to the budget is fine.
        Assert.NotNull((await Service.SaveAsync(Save(Draft(Line(Pen, "2"))))).OrderId);
    }

    [Fact]
    public async Task A_soft_budget_overrun_needs_the_agents_confirmation()
    {
        await _database.UpdateAsync<Department>(_department.Id, d => (d.MonthlyBudget, d.BudgetKind) = (2000, BudgetKind.Soft));
        var draft = Draft(Line(Pen, "3"));

        var unconfirmed = await Service.SaveAsync(Save(draft));
        var confirmed = await Service.SaveAsync(Save(draft) with { SoftBudgetConfirmed = true });

        Assert.Null(unconfirmed.OrderId);
        Assert.Equal([SaveConfirmation.SoftBudgetOverrun], unconfirmed.ConfirmationsNeeded);
        Assert.Equal(BudgetStatus.OverSoft, unconfirmed.Quote.Budget.Status);
        Assert.NotNull(confirmed.OrderId);
        Assert.Equal(1, await OrderCountAsync());
    }

    [Fact]
    public async Task The_budget_counts_only_the_acceptance_month()
    {
        await _database.UpdateAsync<Department>(_department.Id, d => (d.MonthlyBudget, d.BudgetKind) = (5000, BudgetKind.Hard));
        await Service.SaveAsync(Save(Draft(Line(Pen, "4"))));

        var sameMonth = await Service.QuoteAsync(Draft(Line(Pen, "4")));
        Assert.Equal(BudgetStatus.OverHard, sameMonth.Budget.Status);

        // The 30th's FAX after cutoff is accepted on 1 December: a new budget month.
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 30, 17, 10));
        var next = await Service.QuoteAsync(Draft(Line(Pen, "4")) with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11, 30, 17, 5) });
        Assert.Equal(new BudgetCheck(BudgetStatus.Within, 5000, 0, 4000), next.Budget);
    }

    // ---- saving ----

    [Fact]
    public async Task Saving_issues_the_number_reserves_stock_flags_short_lines_and_audits()
    {
        var saved = await Service.SaveAsync(Save(Draft(Line(Pen, "3", "総務 田中様"), Line(Scarce, "6"), Line(Desk, "1"))));

        var order = await LoadAsync(saved.OrderId!.Value);
        Assert.Matches(@"^F261125\d{7}$", order.OrderNumber);
        Assert.Equal(saved.OrderNumber, order.OrderNumber);
        Assert.Equal((OrderChannel.Fax, OrderStatus.Accepted, Wednesday), (order.Channel, order.Status, order.AcceptanceDay));
        Assert.Equal(Morning, order.ReceivedAt);
        Assert.Equal(("desk", Morning), (order.KeyedByStaffId, order.KeyedAt));
        Assert.Equal([2], saved.ShortLineNumbers);
        Assert.Equal([false, true, false], order.Lines.OrderBy(l => l.LineNumber).Select(l => l.ShortOfStock));
        Assert.Equal("総務 田中様", order.Lines.Single(l => l.LineNumber == 1).LineComment);
        Assert.Equal((97, 5, 9), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce), await _database.StockOfAsync(Desk)));
        // Issue 20: the short line waits on a back-order shipment of its own (docs/back-orders.md), in no batch.
        Assert.Equal([(DeliveryClass.Standard, ShipmentStatus.Open), (DeliveryClass.Standard, ShipmentStatus.BackOrdered), (DeliveryClass.Furniture, ShipmentStatus.Open)],
            order.Shipments.OrderBy(s => s.DeliveryClass).ThenBy(s => s.Status).Select(s => (s.DeliveryClass, s.Status)));
        Assert.Equal(ShipmentStatus.BackOrdered, order.Shipments.Single(s => s.Id == order.Lines.Single(l => l.ProductCode == Scarce).ShipmentId).Status);
        Assert.Equal(order.Shipments.Single(s => s.DeliveryClass == DeliveryClass.Furniture).Id,
            order.Lines.Single(l => l.ProductCode == Desk).ShipmentId);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Ordering.FaxOrderSaved");
        Assert.Equal(order.OrderNumber, audit.EntityId);
    }

    [Fact]
    public async Task The_stock_out_notice_lists_the_short_lines_with_the_customer_and_the_desk_contact()
    {
        var saved = await Service.SaveAsync(Save(Draft(Line(Pen, "3"), Line(Scarce, "6", "営業部 佐藤様"))));

        var notice = await Service.GetStockOutNoticeAsync(saved.OrderId!.Value);

        Assert.Equal(("株式会社テスト10000013", "03-1111-3333", saved.OrderNumber), (notice.CustomerName, notice.CustomerFax, notice.OrderNumber));
        var line = Assert.Single(notice.Lines);
        Assert.Equal((2, Scarce, 6, "営業部 佐藤様"), (line.LineNumber, line.ProductCode, line.Quantity, line.LineComment));
        Assert.Equal(("0120-956-707", "0120-956-808"), (notice.Desk.Phone, notice.Desk.Fax));
    }

    [Fact]
    public async Task Saving_the_same_entry_form_twice_returns_the_first_order()
    {
        var key = Guid.NewGuid();
        var first = await Service.SaveAsync(Save(Draft(Line(Pen, "3")), key));
        var second = await Service.SaveAsync(Save(Draft(Line(Pen, "3")), key));

        Assert.Equal((first.OrderId, first.OrderNumber, false, true), (second.OrderId, second.OrderNumber, first.Replayed, second.Replayed));
        Assert.Equal(1, await OrderCountAsync());
        Assert.Equal(97, await _database.StockOfAsync(Pen));
    }

    [Fact]
    public async Task Two_concurrent_saves_of_the_same_entry_form_make_exactly_one_order()
    {
        for (var round = 0; round < 5; round++)
        {
            var key = Guid.NewGuid();
            var draft = Draft(Line(Pen, "3"), Line(Tea, $"{round + 1}"));
            // Two separate service instances, as two circuits (double click, reconnect) would have.
            using var start = new ManualResetEventSlim();
            var saves = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                start.Wait();
                return _database.FaxOrders().SaveAsync(Save(draft, key) with { DuplicateConfirmed = true });
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(saves);

            Assert.Single(results.Select(r => r.OrderId).Distinct());
            Assert.Single(results, r => r.Replayed);
            await using var db = _database.CreateDbContext();
            Assert.Equal(1, await db.Orders.CountAsync(o => o.EntryKey == key));
        }
        Assert.Equal(5, await OrderCountAsync());
        Assert.Equal(100 - 5 * 3, await _database.StockOfAsync(Pen));
    }

    [Fact]
    public async Task The_same_lines_again_the_same_day_are_a_possible_duplicate_the_agent_must_confirm()
    {
        var first = await Service.SaveAsync(Save(Draft(Line(Pen, "3"), Line(Tea, "2"))));

        var quote = await Service.QuoteAsync(Draft(Line(Tea, "2"), Line(Pen, "3")));
        var unconfirmed = await Service.SaveAsync(Save(Draft(Line(Tea, "2"), Line(Pen, "3"))));
        var different = await Service.QuoteAsync(Draft(Line(Pen, "3"), Line(Tea, "1")));
        var confirmed = await Service.SaveAsync(Save(Draft(Line(Tea, "2"), Line(Pen, "3"))) with { DuplicateConfirmed = true });

        var duplicate = Assert.Single(quote.PossibleDuplicates);
        Assert.Equal((first.OrderId!.Value, first.OrderNumber, "desk"), (duplicate.OrderId, duplicate.OrderNumber, duplicate.KeyedBy));
        Assert.Equal([SaveConfirmation.PossibleDuplicate], unconfirmed.ConfirmationsNeeded);
        Assert.Null(unconfirmed.OrderId);
        Assert.Empty(different.PossibleDuplicates);
        Assert.NotNull(confirmed.OrderId);
    }

    [Fact]
    public async Task Only_desk_supervisors_and_administrators_key_FAX_orders()
    {
        var rep = _database.FaxOrders(TestStaff.DealerRep(1));

        await Assert.ThrowsAsync<AccessDeniedException>(() => rep.SaveAsync(Save(Draft(Line(Pen, "3")))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => rep.QuoteAsync(Draft(Line(Pen, "3"))));
        Assert.NotNull((await _database.FaxOrders(TestStaff.Supervisor).SaveAsync(Save(Draft(Line(Pen, "3"))))).OrderId);
    }

    // ---- finding the customer ----

    [Theory]
    [InlineData("10000013")]
    [InlineData("０３－１１１１－３３３３")]      // the FAX number, full-width
    [InlineData("03 1111 2222")]                 // the phone number
    [InlineData("てすと")]                        // the reading, in hiragana
    [InlineData("（株）テスト10000013")]
    public async Task A_customer_is_found_by_code_FAX_phone_or_name(string text)
    {
        await _database.AddCustomerAsync("D1", "20000000");

        var found = await Service.FindCustomersAsync(text);

        Assert.Equal("10000013", found[0].Code);
    }

    [Fact]
    public async Task The_chosen_customer_lists_only_active_departments_and_ship_tos_with_its_FAX_cutoff()
    {
        await _database.AddShipToAsync(_department.CustomerId, "大阪支店");
        await _database.AddShipToAsync(_department.CustomerId, "旧支店", active: false);
        await using (var db = _database.CreateDbContext())
        {
            db.Departments.Add(new Department { CustomerId = _department.CustomerId, Code = "09", Name = "廃止部署", PostalCode = "1", Address = "x", IsActive = false });
            await db.SaveChangesAsync();
        }

        var customer = await Service.GetCustomerAsync(_department.CustomerId);

        Assert.Equal(["総務部"], customer.Departments.Select(d => d.Name));
        Assert.Equal(["大阪支店"], customer.ShipTos.Select(s => s.Name));
        Assert.Equal(new TimeOnly(17, 0), customer.FaxCutoff);
    }

    // ---- void and correct ----

    private async Task<(int Id, int Version)> SavedAsync(params FaxOrderDraftLine[] lines)
    {
        var saved = await Service.SaveAsync(Save(Draft(lines)));
        var order = await LoadAsync(saved.OrderId!.Value);
        return (order.Id, order.Version);
    }

    private async Task<int> PointBalanceAsync()
    {
        await using var db = _database.CreateDbContext();
        var lots = await db.PointLots.SumAsync(l => l.Remaining);
        var ledger = await db.PointLedger.SumAsync(e => e.Points);
        Assert.Equal(ledger, lots);
        return lots;
    }

    [Fact]
    public async Task Voiding_before_the_batch_closes_restores_stock_and_points_and_is_audited()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"), Line(Scarce, "9"));
        // A short line stays on the order (the customer is told by the stock-out notice) but, back-ordered, earns nothing (issue 20).
        Assert.Equal(30, await PointBalanceAsync());

        await Service.VoidAsync(new FaxOrderVoid(id, version, "二重入力のため"));

        var order = await LoadAsync(id);
        Assert.Equal((OrderStatus.Voided, "二重入力のため", 0), (order.Status, order.VoidReason, order.PointsEarned));
        Assert.All(order.Shipments, s => Assert.Equal(ShipmentStatus.Voided, s.Status));
        // The short line reserved nothing and gives nothing back.
        Assert.Equal((100, 5), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce)));
        Assert.Equal(0, await PointBalanceAsync());
        Assert.False((await Service.GetOrderAsync(id)).MayCorrect);
        await using var db = _database.CreateDbContext();
        Assert.Equal("二重入力のため", (await db.AuditEntries.SingleAsync(a => a.Action == "Ordering.FaxOrderVoided")).Note);
    }

    [Fact]
    public async Task A_void_needs_a_reason_and_the_version_the_agent_saw()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"));

        var noReason = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.VoidAsync(new FaxOrderVoid(id, version, "  ")));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.VoidAsync(new FaxOrderVoid(id, version - 1, "誤入力")));

        Assert.Equal("Ordering.ReasonRequired", noReason.Key);
        Assert.Equal("Ordering.OrderChanged", stale.Key);
        Assert.Equal(OrderStatus.Accepted, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Once_a_shipment_is_instructed_the_order_can_no_longer_be_voided_or_corrected()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"), Line(Desk, "1"));
        await using (var db = _database.CreateDbContext())
        {
            var furniture = await db.Shipments.SingleAsync(s => s.OrderId == id && s.DeliveryClass == DeliveryClass.Furniture);
            furniture.Status = ShipmentStatus.Instructed;
            await db.SaveChangesAsync();
        }

        var voiding = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.VoidAsync(new FaxOrderVoid(id, version, "誤入力")));
        var correcting = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service.CorrectAsync(new FaxOrderCorrection(id, version, Draft(Line(Pen, "1")), "数量誤り")));

        Assert.Equal("Ordering.BatchClosed", voiding.Key);
        Assert.Equal("Ordering.BatchClosed", correcting.Key);
        Assert.False((await Service.GetOrderAsync(id)).MayCorrect);
        Assert.Equal((97, 9), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Desk)));
    }

    [Fact]
    public async Task Correcting_replaces_the_lines_under_the_same_number_and_stock_and_points_follow()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"), Line(Tea, "1"));
        var number = (await LoadAsync(id)).OrderNumber;
        Assert.True((await Service.GetOrderAsync(id)).MayCorrect);

        var corrected = await Service.CorrectAsync(new FaxOrderCorrection(id, version, Draft(Line(Pen, "5"), Line(Scarce, "2")), "数量の読み違い"));

        var order = await LoadAsync(id);
        Assert.Equal((id, number), (corrected.OrderId!.Value, order.OrderNumber));
        Assert.Equal([(Pen, 5), (Scarce, 2)], order.Lines.OrderBy(l => l.LineNumber).Select(l => (l.ProductCode, l.Quantity)));
        Assert.Equal((5400, 54), (order.GoodsSubtotal, order.PointsEarned));
        Assert.Equal((95, 3, 100), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce), await _database.StockOfAsync(Tea)));
        Assert.Equal(54, await PointBalanceAsync());
        Assert.True(order.Version > version);

        // A second correction reverses only what the first one earned.
        await Service.CorrectAsync(new FaxOrderCorrection(id, order.Version, Draft(Line(Pen, "1")), "再訂正"));
        Assert.Equal(10, await PointBalanceAsync());
        Assert.Equal((99, 5), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce)));
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "Ordering.FaxOrderCorrected"));
    }

    [Fact]
    public async Task A_correction_cannot_move_the_order_to_another_customer()
    {
        var (id, version) = await SavedAsync(Line(Pen, "3"));
        var other = await _database.AddCustomerAsync("D1", "10000026");

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.CorrectAsync(new FaxOrderCorrection(id, version,
            new FaxOrderDraft(other.CustomerId, other.Id, null, Morning, null, [Line(Pen, "1")]), "お客様違い")));

        Assert.Equal("Ordering.CorrectionOtherCustomer", error.Key);
    }

    [Fact]
    public async Task Points_already_spent_are_reversed_from_other_lots_and_never_below_zero()
    {
        var (first, _) = await SavedAsync(Line(Pen, "3"));
        var (second, version) = await SavedAsync(Line(Pen, "5"));
        await using (var db = _database.CreateDbContext())
        {
            // A prize exchange spent 45 of the 80 points: all of the second order's lot but 5, and 0 of the first's.
            var lot = await db.PointLots.SingleAsync(l => l.OrderId == second);
            lot.Remaining -= 45;
            db.PointLedger.Add(new PointLedgerEntry
            {
                PointAccountId = lot.PointAccountId, PointLotId = lot.Id, Kind = PointEntryKind.Spend, Points = -45,
                BusinessDate = Wednesday, RecordedAt = Morning,
            });
            await db.SaveChangesAsync();
        }

        await Service.VoidAsync(new FaxOrderVoid(second, version, "誤入力"));

        // 5 from its own lot, the other 45 from the first order's lot: 30 − 30 = 0 left there, 15 short.
        Assert.Equal(0, await PointBalanceAsync());
        await using var check = _database.CreateDbContext();
        Assert.Equal(-35, await check.PointLedger.Where(e => e.OrderId == second && e.Kind == PointEntryKind.Reversal).SumAsync(e => e.Points));
        Assert.Equal(0, await check.PointLots.Where(l => l.OrderId == first).Select(l => l.Remaining).SingleAsync());
    }
}

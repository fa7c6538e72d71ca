using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>Quoting a draft: pricing, line refusals, the requested date, the acceptance day and cutoffs.</summary>
public sealed partial class FaxOrderServiceTests
{
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
            db.OrderLocks.AddRange(new OrderLock { CustomerId = _department.CustomerId, ProductId = pen.Id,
                RequestedBy = "総務 山田様" },
                new OrderLock { CustomerId = _department.CustomerId, CategoryId = toner.Id, RequestedBy = "総務 山田様" });
            await db.SaveChangesAsync();
        }

        var product = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(Draft(Line(Pen, "1")))));
        var category = await Assert.ThrowsAsync<BusinessRuleException>(() => Service.SaveAsync(Save(Draft(Line(Tea, "1"), Line(Toner,
            "1")))));

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
        var quote = await Service.QuoteAsync(Draft(Line(Pen, "1"), Line(Desk, "1"), Line(Special,
            "1")) with { RequestedDeliveryDate = requested });

        Assert.Empty(quote.Problems);
        Assert.Equal([DeliveryClass.Standard, DeliveryClass.Furniture, DeliveryClass.SpecialOrder],
            quote.Shipments.Select(s => s.DeliveryClass));
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

        var quote = await Service.QuoteAsync(Draft(Line(Pen, "1"), Line(Desk, "1")) with { FaxReceivedAt = TestDatabase.JapanTime(2026, 11,
            25, 14, 0) });

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
}

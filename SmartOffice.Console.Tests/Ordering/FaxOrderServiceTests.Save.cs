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

/// <summary>Saving: shipping with the additional-order rule, points, budget, the number, stock, once per form.</summary>
public sealed partial class FaxOrderServiceTests
{
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
        Assert.Equal((0, ShippingFeeReason.FreeAdditionalOrder), ((await LoadAsync(saved.OrderId!.Value)).ShippingFee,
            saved.Quote.ShippingFeeReason));
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
        Assert.Equal((97, 5, 9), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce),
            await _database.StockOfAsync(Desk)));
        // Issue 20: the short line waits on a back-order shipment of its own (docs/back-orders.md), in no batch.
        Assert.Equal([(DeliveryClass.Standard, ShipmentStatus.Open), (DeliveryClass.Standard, ShipmentStatus.BackOrdered),
            (DeliveryClass.Furniture, ShipmentStatus.Open)],
            order.Shipments.OrderBy(s => s.DeliveryClass).ThenBy(s => s.Status).Select(s => (s.DeliveryClass, s.Status)));
        Assert.Equal(ShipmentStatus.BackOrdered,
            order.Shipments.Single(s => s.Id == order.Lines.Single(l => l.ProductCode == Scarce).ShipmentId).Status);
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

        Assert.Equal(("株式会社テスト10000013", "03-1111-3333", saved.OrderNumber), (notice.CustomerName, notice.CustomerFax,
            notice.OrderNumber));
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

        Assert.Equal((first.OrderId, first.OrderNumber, false, true), (second.OrderId, second.OrderNumber, first.Replayed,
            second.Replayed));
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
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>
/// Return slips against docs/business-rules.md §4 on a real SQLite file, today 2026-11-25 (Japan): every refusal, partial returns
/// and two slips on one order, the credit with tax per rate and shipping, and the points reversal down to a shortfall.
/// </summary>
public sealed class ReturnSlipServiceTests : IAsyncLifetime
{
    private static readonly DateOnly DeliveredOn = new(2026, 11, 2);
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private PointAccount _account = default!;
    private Order _order = default!;
    private int _pen, _coffee, _file;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "40000001");
        // ￥5,000 of pens, ￥1,000 of coffee (8 %, non-returnable), ￥2,000 of files: ￥8,000, 80 points, free shipping.
        _order = await _database.AddDeliveredOrderAsync(_department, DeliveredOn,
            new("PEN01", 500, 10), new("COF01", 200, 5, Food: true), new("FIL01", 1000, 2));
        _account = await _database.AddAccountAsync(_department);
        await _database.EarnAsync(_account, _order.PointsEarned, DeliveredOn.AddDays(-1), _order.Id);
        _pen = await _database.OrderLineIdAsync(_order, "PEN01");
        _coffee = await _database.OrderLineIdAsync(_order, "COF01");
        _file = await _database.OrderLineIdAsync(_order, "FIL01");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ReturnSlipService Desk => _database.Returns(TestStaff.DeskAgent);

    private static DateTimeOffset Today(int hour = 9) => TestDatabase.JapanTime(2026, 11, 25, hour, 0);

    private Task<ReturnSlipRow> KeyAsync(Order order, params ReturnLineInput[] lines) =>
        Desk.CreateAsync(new ReturnSlipInput(order.Id, "40000001", Today(), lines));

    private Task<ReturnSlipRow> KeyAsync(params ReturnLineInput[] lines) => KeyAsync(_order, lines);

    private static ReturnLineInput Line(int orderLineId, int quantity, ReturnReason reason = ReturnReason.ImageDiffers,
        bool unopened = true) =>
        new(orderLineId, quantity, reason, unopened);

    /// <summary>受付 → 集荷手配 → 検品済 (every line accepted unless listed) → 返金処理.</summary>
    private async Task<ReturnSlip> CreditAsync(ReturnSlipRow row, params int[] refusedOrderLines)
    {
        await Desk.ArrangePickupAsync(row.Id, (await _database.SlipAsync(row.Id)).Version);
        var slip = await _database.SlipAsync(row.Id);
        await Desk.InspectAsync(row.Id, slip.Version, slip.Lines.Select(l => new LineInspection(l.Id,
            !refusedOrderLines.Contains(l.OrderLineId))).ToList());
        await Desk.CreditAsync(row.Id, (await _database.SlipAsync(row.Id)).Version);
        return await _database.SlipAsync(row.Id);
    }

    private async Task<string> RefusedAsync(Func<Task> act) => (await Assert.ThrowsAsync<BusinessRuleException>(act)).Key;

    [Fact]
    public async Task The_order_is_found_by_number_delivery_slip_or_customer_and_date_with_days_left_in_the_window()
    {
        var byNumber = await Desk.FindOrdersAsync(new(_order.OrderNumber.ToLowerInvariant(), null, null, null));
        var bySlip = await Desk.FindOrdersAsync(new(null, "ｄ" + (await ShipmentSlipAsync())[1..], null, null));
        var byDate = await Desk.FindOrdersAsync(new(null, null, "４００００００１", DeliveredOn));
        var byOrderDate = await Desk.FindOrdersAsync(new(null, null, "40000001", DeliveredOn.AddDays(-1)));

        Assert.All(new[] { byNumber, bySlip, byDate, byOrderDate }, hits => Assert.Equal(_order.Id, Assert.Single(hits).OrderId));
        Assert.Empty(await Desk.FindOrdersAsync(new(null, null, "40000001", DeliveredOn.AddDays(3))));
        Assert.Equal("Returns.LookupIncomplete", await RefusedAsync(() => Desk.FindOrdersAsync(new(null, null, "40000001", null))));

        var order = await Desk.GetOrderAsync(_order.Id);
        var pen = order.Lines.Single(l => l.OrderLineId == _pen);
        Assert.Equal((10, 0, 10), (pen.Delivered, pen.AlreadyReturned, pen.Returnable));
        Assert.Equal(new DateOnly(2027, 1, 31), pen.LastFormDay);   // delivered 2 Nov + 90 days
        Assert.Equal(67, pen.DaysLeft);
        Assert.True(order.Lines.Single(l => l.OrderLineId == _coffee).NonReturnable);
    }

    private async Task<string> ShipmentSlipAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Shipments.Where(s => s.OrderId == _order.Id).Select(s => s.DeliverySlipNumber!).SingleAsync();
    }

    [Fact]
    public async Task A_slip_is_received_with_its_lines_and_an_audit_entry()
    {
        var row = await KeyAsync(Line(_pen, 3), Line(_file, 1, ReturnReason.Other) with { Note = "サイズ違い" });

        Assert.Equal(ReturnSlipStatus.Received, row.Status);
        Assert.Matches("^R261125[0-9]{5}$", row.SlipNumber);
        Assert.Equal((2, 4), (row.LineCount, row.Quantity));
        var detail = await Desk.GetAsync(row.Id);
        Assert.Equal("Returns.Received", Assert.Single(detail.History).Action);
        Assert.Equal("田中 美咲", detail.History[0].StaffName);
        Assert.Equal("サイズ違い", detail.Lines.Single(l => l.OrderLineId == _file).Note);
    }

    [Fact]
    public async Task Every_refusal_names_the_rule_and_saves_nothing()
    {
        var late = await _database.AddDeliveredOrderAsync(_department, new DateOnly(2026, 8, 26), new DeliveredLine("PEN02", 500, 4));
        var latePen = await _database.OrderLineIdAsync(late, "PEN02");
        var other = await _database.AddCustomerAsync("D1", "40000002");
        var othersOrder = await _database.AddDeliveredOrderAsync(other, DeliveredOn, new DeliveredLine("PEN03", 500, 4));

        // 26 Aug + 90 days = 24 Nov: a form received on 25 Nov is one day late, even for damaged goods.
        Assert.Equal("Returns.TooLate", await RefusedAsync(() => KeyAsync(late, Line(latePen, 1))));
        Assert.Equal("Returns.TooLate", await RefusedAsync(() => KeyAsync(late, Line(latePen, 1, ReturnReason.DamagedOnArrival))));
        Assert.Equal("Returns.Opened", await RefusedAsync(() => KeyAsync(Line(_pen, 1, unopened: false))));
        Assert.Equal("Returns.NonReturnable", await RefusedAsync(() => KeyAsync(Line(_coffee, 1, ReturnReason.OrderedByMistake))));
        Assert.Equal("Returns.QuantityAboveReturnable", await RefusedAsync(() => KeyAsync(Line(_pen, 11))));
        Assert.Equal("Returns.NothingToReturn", await RefusedAsync(() => KeyAsync(Line(_pen, 0))));
        Assert.Equal("Returns.QuantityNegative", await RefusedAsync(() => KeyAsync(Line(_pen, -1))));
        Assert.Equal("Returns.NoteRequired", await RefusedAsync(() => KeyAsync(Line(_pen, 1, ReturnReason.Other))));
        Assert.Equal("Returns.DuplicateLine", await RefusedAsync(() => KeyAsync(Line(_pen, 1), Line(_pen, 2))));
        Assert.Equal("Returns.LineNotOnOrder", await RefusedAsync(() =>
            Desk.CreateAsync(new ReturnSlipInput(othersOrder.Id, "40000002", Today(), [Line(_pen, 1)]))));
        // The form's customer must be the order's: another customer's order is refused.
        Assert.Equal("Returns.OtherCustomer", await RefusedAsync(() => KeyAsync(othersOrder, Line(_pen, 1))));
        Assert.Equal("Returns.FaxReceivedInFuture", await RefusedAsync(() =>
            Desk.CreateAsync(new ReturnSlipInput(_order.Id, "40000001", Today(11), [Line(_pen, 1)]))));
        Assert.Equal("Returns.BeforeDelivery", await RefusedAsync(() =>
            Desk.CreateAsync(new ReturnSlipInput(_order.Id, "40000001", TestDatabase.JapanTime(2026, 11, 1, 9, 0), [Line(_pen, 1)]))));
        // Dealer reps read returns but never key them.
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Returns(TestStaff.DealerRep(1))
            .CreateAsync(new ReturnSlipInput(_order.Id, "40000001", Today(), [Line(_pen, 1)])));

        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.ReturnSlips.CountAsync());
    }

    [Fact]
    public async Task Damaged_or_wrong_goods_come_back_opened_and_non_returnable_within_the_window()
    {
        var row = await KeyAsync(Line(_coffee, 2, ReturnReason.DamagedOnArrival, unopened: false), Line(_pen, 1,
            ReturnReason.WrongItemDelivered, unopened: false));

        var slip = await CreditAsync(row);

        Assert.Equal(ReturnSlipStatus.Credited, slip.Status);
        Assert.Equal(900, slip.CreditAmount);           // 2 × 200 coffee + 1 × 500 pen
        Assert.Equal(32, slip.CreditTaxReduced);        // 8 % of 400
        Assert.Equal(50, slip.CreditTaxStandard);       // 10 % of 500
        Assert.Equal(0, slip.ShippingRefund);           // not a full return, and the order shipped free anyway
    }

    [Fact]
    public async Task Quantities_count_every_open_slip_and_a_rejected_slip_frees_them()
    {
        var first = await KeyAsync(Line(_pen, 6));
        Assert.Equal("Returns.QuantityAboveReturnable", await RefusedAsync(() => KeyAsync(Line(_pen, 5))));
        Assert.Equal(4, (await Desk.GetOrderAsync(_order.Id)).Lines.Single(l => l.OrderLineId == _pen).Returnable);

        await Desk.RejectAsync(first.Id, first.Version, "未開封ではなかった");

        var second = await KeyAsync(Line(_pen, 10));
        Assert.Equal(10, second.Quantity);
        var rejected = await Desk.GetAsync(first.Id);
        Assert.Equal(ReturnSlipStatus.Rejected, rejected.Slip.Status);
        Assert.Equal("未開封ではなかった", rejected.RejectReason);
        Assert.Equal("未開封ではなかった", rejected.History[0].Note);
    }

    [Fact]
    public async Task A_partial_return_reverses_the_points_the_remaining_goods_no_longer_earn()
    {
        var slip = await CreditAsync(await KeyAsync(Line(_pen, 3)));

        // ￥8,000 → ￥6,500 remains: 65 points instead of 80.
        Assert.Equal((1500, 150, 0), (slip.CreditAmount, slip.CreditTaxStandard, slip.CreditTaxReduced));
        Assert.Equal((15, 0), (slip.PointsReversed, slip.PointsShortfall));
        Assert.Equal(65, await _database.BalanceAsync(_account.Id));
        await using var db = _database.CreateDbContext();
        var entry = await db.PointLedger.SingleAsync(e => e.Kind == PointEntryKind.Reversal);
        Assert.Equal((-15, (int?)slip.Id, (int?)_order.Id), (entry.Points, entry.ReturnSlipId, entry.OrderId));
    }

    [Fact]
    public async Task Two_slips_on_one_order_reverse_only_what_each_adds()
    {
        var first = await CreditAsync(await KeyAsync(Line(_pen, 3)));
        var second = await CreditAsync(await KeyAsync(Line(_pen, 3), Line(_file, 1)));

        // After both: ￥8,000 − 1,500 − 2,500 = ￥4,000 → 40 points; the first took 15, the second 25.
        Assert.Equal(15, first.PointsReversed);
        Assert.Equal((2500, 25, 0), (second.CreditAmount, second.PointsReversed, second.PointsShortfall));
        Assert.Equal(40, await _database.BalanceAsync(_account.Id));
        Assert.Equal(4, (await Desk.GetOrderAsync(_order.Id)).Lines.Single(l => l.OrderLineId == _pen).Returnable);
    }

    [Fact]
    public async Task Points_already_spent_leave_the_balance_at_zero_and_the_shortfall_on_the_slip()
    {
        await using (var db = _database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await _database.Ledger(db).AdjustAsync(_account.Id, -70, "賞品交換の代わり", _database.BusinessClock.Today);
            await transaction.CommitAsync();
        }

        var slip = await CreditAsync(await KeyAsync(Line(_pen, 10)));

        // ￥3,000 remains → 30 points: 50 are due, only 10 are left.
        Assert.Equal((10, 40), (slip.PointsReversed, slip.PointsShortfall));
        Assert.Equal(0, await _database.BalanceAsync(_account.Id));
    }

    [Fact]
    public async Task A_full_return_that_was_our_fault_refunds_the_shipping_fee_a_customer_one_does_not()
    {
        var small = await _database.AddDeliveredOrderAsync(_department, DeliveredOn, new DeliveredLine("FIL02", 1000, 2));
        var line = await _database.OrderLineIdAsync(small, "FIL02");
        var customers = await _database.AddDeliveredOrderAsync(_department, DeliveredOn, new DeliveredLine("FIL03", 1000, 2));
        var customersLine = await _database.OrderLineIdAsync(customers, "FIL03");
        Assert.Equal(300, small.ShippingFee);

        var ourFault = await CreditAsync(await KeyAsync(small, Line(line, 2, ReturnReason.DamagedOnArrival, unopened: false)));
        var theirs = await CreditAsync(await KeyAsync(customers, Line(customersLine, 2, ReturnReason.OrderedByMistake)));

        Assert.Equal((2000, 300, 230), (ourFault.CreditAmount, ourFault.ShippingRefund, ourFault.CreditTaxStandard));
        Assert.Equal((2000, 0, 200), (theirs.CreditAmount, theirs.ShippingRefund, theirs.CreditTaxStandard));
    }

    [Fact]
    public async Task Inspection_refuses_lines_and_the_credit_counts_only_the_accepted_ones()
    {
        var row = await KeyAsync(Line(_pen, 2), Line(_file, 1));

        var slip = await CreditAsync(row, refusedOrderLines: _file);

        Assert.Equal(1000, slip.CreditAmount);
        Assert.Equal(InspectionResult.Rejected, slip.Lines.Single(l => l.OrderLineId == _file).Inspection);
        Assert.Equal(2, (await Desk.GetOrderAsync(_order.Id)).Lines.Single(l => l.OrderLineId == _file).Returnable);
    }

    [Fact]
    public async Task Steps_follow_the_workflow_refuse_stale_versions_and_record_who_and_when()
    {
        var row = await KeyAsync(Line(_pen, 1));
        Assert.Equal("Returns.WrongStatus", await RefusedAsync(() => Desk.CreditAsync(row.Id, row.Version)));
        await Desk.ArrangePickupAsync(row.Id, row.Version);
        // A second agent still looking at the received slip is refused, not silently applied.
        Assert.Equal("Returns.SlipChanged", await RefusedAsync(() => _database.Returns(TestStaff.Supervisor).RejectAsync(row.Id,
            row.Version, "重複")));
        var slip = await _database.SlipAsync(row.Id);
        Assert.Equal("Returns.InspectEveryLine", await RefusedAsync(() => Desk.InspectAsync(row.Id, slip.Version, [])));
        Assert.Equal("Returns.AllLinesRejected", await RefusedAsync(() =>
            Desk.InspectAsync(row.Id, slip.Version, [new LineInspection(slip.Lines[0].Id, false)])));
        Assert.Equal("Returns.RejectReasonRequired", await RefusedAsync(() => Desk.RejectAsync(row.Id, slip.Version, " ")));
        Assert.Equal("Returns.NoticeNotYet", await RefusedAsync(() => Desk.NoticeAsync(row.Id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Returns(TestStaff.DealerRep(1)).ArrangePickupAsync(row.Id,
            slip.Version));

        await CreditAsyncFromPickup(row.Id);
        await Desk.CompleteAsync(row.Id, (await _database.SlipAsync(row.Id)).Version);

        var detail = await Desk.GetAsync(row.Id);
        Assert.Equal(ReturnSlipStatus.Done, detail.Slip.Status);
        Assert.Equal(["Returns.Done", "Returns.Credited", "Returns.Inspected", "Returns.PickupArranged", "Returns.Received"],
            detail.History.Select(h => h.Action));
        Assert.All(detail.History, h => Assert.Equal(Today(10), h.At));
        var notice = await Desk.NoticeAsync(row.Id);
        Assert.Equal("0120-956-808", notice.Contact.Fax);
        Assert.Equal("03-1111-3333", notice.Detail.CustomerFax);
    }

    private async Task CreditAsyncFromPickup(int slipId)
    {
        var slip = await _database.SlipAsync(slipId);
        await Desk.InspectAsync(slipId, slip.Version, slip.Lines.Select(l => new LineInspection(l.Id, true)).ToList());
        await Desk.CreditAsync(slipId, (await _database.SlipAsync(slipId)).Version);
    }

    [Fact]
    public async Task Dealer_reps_see_their_own_customers_slips_only()
    {
        var row = await KeyAsync(Line(_pen, 1));
        int ownDealer, otherDealer;
        await using (var db = _database.CreateDbContext())
        {
            ownDealer = await db.Customers.Where(c => c.Id == _department.CustomerId).Select(c => c.DealerId).SingleAsync();
            otherDealer = ownDealer + 1000;
        }

        var own = await _database.Returns(TestStaff.DealerRep(ownDealer)).FindAsync(new ReturnSlipQuery(null, true, null, 0, 25));
        var others = await _database.Returns(TestStaff.DealerRep(otherDealer)).FindAsync(new ReturnSlipQuery(null, true, null, 0, 25));

        Assert.Equal(row.Id, Assert.Single(own.Rows).Id);
        Assert.Equal(0, others.Total);
        Assert.Equal("Returns.SlipNotFound",
            await RefusedAsync(() => _database.Returns(TestStaff.DealerRep(otherDealer)).GetAsync(row.Id)));
        Assert.Empty(await _database.Returns(TestStaff.DealerRep(otherDealer)).FindOrdersAsync(new(_order.OrderNumber, null, null, null)));
        var byText = await Desk.FindAsync(new ReturnSlipQuery(null, false, "４００００００１", 0, 25));
        Assert.Equal(1, byText.Total);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Console.Tests.Warehouse;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 入荷待ち on a real SQLite file through the real services (docs/back-orders.md): a line short of stock at save waits unbilled,
/// earning nothing and in no instruction; stock received serves the waiting lines oldest acceptance first, in part when it
/// covers part, never a later line before an earlier one; the served part ships as its own shipment, billed and earning points
/// on the day served; the desk cancels a waiting line with a reason.
/// </summary>
public sealed class BackOrderTests : IAsyncLifetime
{
    /// <summary>Thursday 26 Nov 2026, 10:00 Japan time.</summary>
    private static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 26, 10, 0);
    private readonly TestDatabase _database = new(Now);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> SaveAsync(DateTimeOffset received, params FaxOrderDraftLine[] lines)
    {
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, received, null, lines);
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()));
        return saved.OrderId!.Value;
    }

    private async Task<Order> OrderAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Shipments).AsSplitQuery().SingleAsync(o => o.Id == id);
    }

    private Task<StockReceiptResult> ReceiveAsync(string code, int quantity) =>
        _database.Stock().RecordReceiptAsync(new StockReceiptEntry(code, quantity.ToString(), "2026/11/26"));

    [Fact]
    public async Task A_short_line_waits_unbilled_without_points_and_the_threshold_counts_the_served_lines_only()
    {
        // 2,000 served + 1,200 short: over ¥2,500 as ordered, under it as served — shipping is charged.
        var id = await SaveAsync(Now.AddHours(-1), Line(Pen, "2"), Line(Scarce, "6"));

        var order = await OrderAsync(id);
        var waiting = order.Lines.Single(l => l.ProductCode == Scarce);
        Assert.Equal((BackOrderState.Waiting, 0, true), (waiting.BackOrder, waiting.Amount, waiting.ShortOfStock));
        Assert.Equal((2000, 20), (order.GoodsSubtotal, order.PointsEarned));
        Assert.True(order.ShippingFee > 0);
        Assert.Equal(ShipmentStatus.BackOrdered, order.Shipments.Single(s => s.Id == waiting.ShipmentId).Status);
        Assert.Equal(ShipmentStatus.Open,
            order.Shipments.Single(s => s.Id == order.Lines.Single(l => l.ProductCode == Pen).ShipmentId).Status);
        // Nothing reserved for the waiting line; only what was served earned points.
        Assert.Equal((98, 5), (await _database.StockOfAsync(Pen), await _database.StockOfAsync(Scarce)));
        await using var db = _database.CreateDbContext();
        Assert.Equal(20, await db.PointLots.Where(l => l.OrderId == id).SumAsync(l => l.Points));
    }

    [Fact]
    public async Task The_budget_counts_the_whole_order_back_orders_included()
    {
        await _database.UpdateAsync<Department>(_department.Id, d => (d.MonthlyBudget, d.BudgetKind) = (3000, BudgetKind.Hard));

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => SaveAsync(Now.AddHours(-1), Line(Pen, "2"), Line(Scarce, "6")));

        Assert.Equal("Ordering.BudgetHard", refused.Key);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Stock_serves_the_oldest_acceptance_first_in_part_and_never_a_later_line_before_an_earlier_one()
    {
        var first = await SaveAsync(Now.AddHours(-2), Line(Scarce, "6"));
        // 5 in stock would cover 3, but an earlier order of the product waits: this one waits behind it.
        var second = await SaveAsync(Now.AddHours(-1), Line(Scarce, "3"));
        Assert.Equal(BackOrderState.Waiting, (await OrderAsync(second)).Lines.Single().BackOrder);
        Assert.Equal(5, await _database.StockOfAsync(Scarce));

        var receipt = await ReceiveAsync(Scarce, 2);

        // 7 on hand: the first order's 6 in full, then 1 of the second's 3; 2 keep waiting.
        Assert.Equal((7, 0), (receipt.ServedQuantity, receipt.StockOnHand));
        var served = (await OrderAsync(first)).Lines.Single();
        Assert.Equal((BackOrderState.None, 6, 1200, (DateOnly?)new DateOnly(2026, 11, 26)), (served.BackOrder, served.Quantity,
            served.Amount, served.BackOrderServedOn));
        var part = await OrderAsync(second);
        Assert.Equal([(1, 2, BackOrderState.Waiting, 0), (2, 1, BackOrderState.None, 200)],
            part.Lines.OrderBy(l => l.LineNumber).Select(l => (l.LineNumber, l.Quantity, l.BackOrder, l.Amount)));
    }

    [Fact]
    public async Task A_served_back_order_ships_as_its_own_open_shipment_billed_and_earning_points_on_the_day_served()
    {
        var id = await SaveAsync(Now.AddHours(-1), Line(Pen, "3"), Line(Scarce, "10"));
        var before = await OrderAsync(id);
        var shipping = before.ShippingFee;
        // Served five days later, on Tuesday 1 Dec.
        _database.Clock.Advance(TimeSpan.FromDays(5));

        await _database.Stock().RecordReceiptAsync(new StockReceiptEntry(Scarce, "５", "2026/12/01"));

        var after = await OrderAsync(id);
        var served = after.Lines.Single(l => l.ProductCode == Scarce);
        var shipment = after.Shipments.Single(s => s.Id == served.ShipmentId);
        Assert.Equal((ShipmentStatus.Open, new DateOnly(2026, 12, 1)), (shipment.Status, shipment.AcceptanceDay));
        Assert.NotEqual(before.Lines.Single(l => l.ProductCode == Pen).ShipmentId, shipment.Id);
        // Billed as its own slip without shipping: 2,000 goods and 10 % tax on it; 20 more points.
        Assert.Equal((3000 + 2000, shipping, before.Total + 2000 + 200, 30 + 20),
            (after.GoodsSubtotal, after.ShippingFee, after.Total, after.PointsEarned));
        Assert.DoesNotContain(after.Shipments, s => s.Status == ShipmentStatus.BackOrdered);
        await using var db = _database.CreateDbContext();
        var lots = await db.PointLots.Where(l => l.OrderId == id).OrderBy(l => l.Id).Select(l => new { l.Points,
            l.EarnedOn }).ToListAsync();
        Assert.Equal([(30, new DateOnly(2026, 11, 26)), (20, new DateOnly(2026, 12, 1))], lots.Select(l => (l.Points, l.EarnedOn)));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Ordering.BackOrderServed" && a.EntityId == after.OrderNumber));
    }

    [Fact]
    public async Task The_desk_cancels_a_waiting_line_with_a_reason_and_an_audit_entry()
    {
        var id = await SaveAsync(Now.AddHours(-1), Line(Pen, "3"), Line(Scarce, "10"));
        var order = await OrderAsync(id);
        var service = new BackOrderService(_database, TestStaff.DeskAgent, _database.Clock);

        var noReason = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CancelAsync(new(id, order.Version, 2, " ")));
        Assert.Equal("Ordering.BackOrder.ReasonRequired", noReason.Key);
        var servedLine = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CancelAsync(new(id, order.Version, 1,
            "お客様のご依頼")));
        Assert.Equal("Ordering.BackOrder.NotWaiting", servedLine.Key);

        await service.CancelAsync(new(id, order.Version, 2, "お客様のご依頼(他社で購入)"));

        var after = await OrderAsync(id);
        var line = after.Lines.Single(l => l.LineNumber == 2);
        Assert.Equal((BackOrderState.Cancelled, "お客様のご依頼(他社で購入)"), (line.BackOrder, line.BackOrderCancelReason));
        Assert.Equal(ShipmentStatus.Voided, after.Shipments.Single(s => s.Id == line.ShipmentId).Status);
        Assert.Equal((order.GoodsSubtotal, order.PointsEarned), (after.GoodsSubtotal, after.PointsEarned));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CancelAsync(new(id, order.Version, 2, "二度押し")));
        Assert.Equal("Ordering.OrderChanged", stale.Key);
        await using var db = _database.CreateDbContext();
        Assert.Equal("お客様のご依頼(他社で購入)",
            await db.AuditEntries.Where(a => a.Action == "Ordering.BackOrderCancelled").Select(a => a.Note).SingleAsync());
        // A cancelled line is never served: the stock that comes stays in stock.
        Assert.Equal((0, 15), ((await ReceiveAsync(Scarce, 10)).ServedQuantity, await _database.StockOfAsync(Scarce)));
    }

    [Fact]
    public async Task Voiding_an_order_cancels_its_back_orders_and_nothing_is_served_to_it()
    {
        var id = await SaveAsync(Now.AddHours(-1), Line(Scarce, "10"));
        var order = await OrderAsync(id);

        await _database.FaxOrders().VoidAsync(new FaxOrderVoid(id, order.Version, "二重入力"));

        Assert.Equal(BackOrderState.Cancelled, (await OrderAsync(id)).Lines.Single().BackOrder);
        Assert.Equal(0, (await ReceiveAsync(Scarce, 10)).ServedQuantity);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 追加注文 (docs/business-rules.md §2, docs/text-and-order-rules.md): "earlier" means received earlier, whatever order the
/// FAXes are keyed
/// in; saving, voiding or correcting an order re-prices the other open orders of its group (customer, ship-to, 受付日, delivery
/// date) in the same transaction, audited; an order whose batch has closed keeps its fee and says why.
/// </summary>
public sealed class AdditionalOrderTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new(At(16, 0));
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>Wednesday 25 November 2026, Japan time.</summary>
    private static DateTimeOffset At(int hour, int minute) => TestDatabase.JapanTime(2026, 11, 25, hour, minute);

    /// <summary>
    /// A FAX of <paramref name="pens"/> × ¥1,000 received at <paramref name="received"/>, keyed at <paramref
    /// name="keyed"/>.
    /// </summary>
    private async Task<FaxOrderSaveResult> KeyAsync(string pens, DateTimeOffset received, DateTimeOffset keyed)
    {
        _database.Clock.SetUtcNow(keyed);
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, received, null, [Line(Pen, pens)]);
        return await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid(), DuplicateConfirmed: true));
    }

    private async Task<Order> OrderAsync(FaxOrderSaveResult saved)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == saved.OrderId);
    }

    [Fact]
    public async Task B_received_after_A_but_keyed_first_ships_free_once_A_is_saved()
    {
        var b = await KeyAsync("1", received: At(16, 30), keyed: At(16, 40));
        Assert.Equal((300, ShippingFeeReason.Charged), (b.Quote.ShippingFee, b.Quote.ShippingFeeReason));

        var a = await KeyAsync("3", received: At(16, 10), keyed: At(16, 50));

        var repriced = await OrderAsync(b);
        Assert.Equal((0, ShippingFeeReason.FreeAdditionalOrder), (repriced.ShippingFee, repriced.ShippingFeeReason));
        // Tax and total follow the fee: ¥1,000 + 10 % and no shipping.
        Assert.Equal((100, 1100), (repriced.TaxStandard, repriced.Total));
        Assert.Equal([b.OrderNumber!], a.RepricedOrderNumbers);
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "Ordering.ShippingRepriced");
        Assert.Equal((b.OrderNumber, a.OrderNumber), (audit.EntityId, audit.Note));
        Assert.Contains("\"ShippingFee\":300", audit.Before);
        Assert.Contains("\"ShippingFee\":0", audit.After);
    }

    [Fact]
    public async Task A_received_first_but_keyed_after_B_pays_its_own_shipping()
    {
        var b = await KeyAsync("3", received: At(16, 30), keyed: At(16, 40));

        var a = await KeyAsync("1", received: At(16, 10), keyed: At(16, 50));

        Assert.Equal((300, ShippingFeeReason.Charged), (a.Quote.ShippingFee, a.Quote.ShippingFeeReason));
        Assert.Equal(300, (await OrderAsync(a)).ShippingFee);
        Assert.Equal(ShippingFeeReason.FreeOverThreshold, (await OrderAsync(b)).ShippingFeeReason);
    }

    [Fact]
    public async Task A_third_and_a_fourth_order_of_the_group_ship_free_too_in_whatever_order_they_are_keyed()
    {
        var d = await KeyAsync("1", received: At(16, 45), keyed: At(16, 46));
        var c = await KeyAsync("2", received: At(16, 20), keyed: At(16, 47));
        var a = await KeyAsync("3", received: At(16, 10), keyed: At(16, 48));

        var (third, fourth) = (await OrderAsync(c), await OrderAsync(d));
        Assert.Equal((0, 0), (third.ShippingFee, fourth.ShippingFee));
        Assert.Equal(new[] { c.OrderNumber, d.OrderNumber }.Order(), a.RepricedOrderNumbers.Order());
    }

    [Fact]
    public async Task Voiding_the_first_order_charges_the_later_ones_again()
    {
        var a = await KeyAsync("3", received: At(16, 10), keyed: At(16, 20));
        var b = await KeyAsync("1", received: At(16, 30), keyed: At(16, 40));
        Assert.Equal(0, (await OrderAsync(b)).ShippingFee);

        var voided = await _database.FaxOrders().VoidAsync(new FaxOrderVoid(a.OrderId!.Value, (await OrderAsync(a)).Version,
            "二重入力"));

        var charged = await OrderAsync(b);
        Assert.Equal((300, ShippingFeeReason.Charged, 1430), (charged.ShippingFee, charged.ShippingFeeReason, charged.Total));
        Assert.Equal([b.OrderNumber!], voided.RepricedOrderNumbers);
    }

    [Fact]
    public async Task Correcting_the_first_order_under_the_threshold_charges_the_later_one()
    {
        var a = await KeyAsync("3", received: At(16, 10), keyed: At(16, 20));
        var b = await KeyAsync("1", received: At(16, 30), keyed: At(16, 40));
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, At(16, 10), null, [Line(Pen, "2")]);

        var corrected = await _database.FaxOrders().CorrectAsync(new FaxOrderCorrection(a.OrderId!.Value, (await OrderAsync(a)).Version,
            draft, "数量誤り"));

        Assert.Equal(300, (await OrderAsync(b)).ShippingFee);
        Assert.Equal([b.OrderNumber!], corrected.RepricedOrderNumbers);
    }

    [Fact]
    public async Task Once_its_batch_has_closed_an_order_keeps_its_fee_and_says_why()
    {
        var b = await KeyAsync("1", received: At(16, 30), keyed: At(16, 40));
        await using (var db = _database.CreateDbContext())
        {
            await db.Shipments.Where(s => s.OrderId == b.OrderId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status,
                ShipmentStatus.Instructed));
        }

        var a = await KeyAsync("3", received: At(16, 10), keyed: At(17, 20));

        var kept = await OrderAsync(b);
        Assert.Equal((300, ShippingFeeReason.KeptAfterBatchClosed, 1430), (kept.ShippingFee, kept.ShippingFeeReason, kept.Total));
        Assert.Empty(a.RepricedOrderNumbers);
        Assert.Equal(ShippingFeeReason.KeptAfterBatchClosed,
            (await _database.FaxOrders().GetOrderAsync(b.OrderId!.Value)).ShippingFeeReason);
        await using var check = _database.CreateDbContext();
        Assert.Equal(a.OrderNumber, (await check.AuditEntries.SingleAsync(e => e.Action == "Ordering.ShippingKept")).Note);
    }

    [Fact]
    public async Task Orders_to_another_address_or_date_or_received_after_the_cutoff_are_not_repriced()
    {
        var osaka = await _database.AddShipToAsync(_department.CustomerId, "大阪支店");
        _database.Clock.SetUtcNow(At(16, 40));
        var elsewhere = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(
            new FaxOrderDraft(_department.CustomerId, _department.Id, osaka.Id, At(16, 30), null, [Line(Pen, "1")]), Guid.NewGuid()));
        var late = await KeyAsync("1", received: At(17, 5), keyed: At(17, 6));

        var a = await KeyAsync("3", received: At(16, 10), keyed: At(17, 10));

        Assert.Equal(300, (await OrderAsync(elsewhere)).ShippingFee);
        // Received after 17:00: accepted the next day, another group.
        Assert.Equal(300, (await OrderAsync(late)).ShippingFee);
        Assert.Empty(a.RepricedOrderNumbers);
    }
}

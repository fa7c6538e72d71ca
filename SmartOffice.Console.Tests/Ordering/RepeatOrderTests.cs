using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// リピートオーダー on a real SQLite file (docs/product-enquiry-and-quotes.md): an earlier order copied into a new draft, lines and
/// quantities, priced again by today's rules; products no longer sold or locked are named and left out; dealer reps refused.
/// </summary>
public sealed class RepeatOrderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> OrderAsync(int? shipToId, params FaxOrderDraftLine[] lines)
    {
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, shipToId, Morning.AddHours(-1), new DateOnly(2026, 12, 4),
            lines);
        var saved = await _database.FaxOrders().SaveAsync(new(draft, Guid.NewGuid()));
        return saved.OrderId ?? throw new InvalidOperationException(string.Join(" ", saved.Quote.Problems));
    }

    private async Task<int> ProductIdAsync(string code)
    {
        await using var db = _database.CreateDbContext();
        return await db.Products.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Lines_and_quantities_are_copied_into_a_draft_received_now_and_the_order_itself_is_left_alone()
    {
        var shipTo = await _database.AddShipToAsync(_department.CustomerId, "大阪支店");
        var orderId = await OrderAsync(shipTo.Id, Line(Pen, "2", "会議用"), Line(Tea, "12"), Line(Desk, "1"));
        _database.Clock.Advance(TimeSpan.FromDays(7));

        var repeat = await _database.FaxOrders().RepeatAsync(orderId);

        var draft = repeat.Draft;
        Assert.Equal((_department.CustomerId, _department.Id, shipTo.Id, (int?)null), (draft.CustomerId, draft.DepartmentId, draft.ShipToId,
            draft.ShipToDepartmentId));
        Assert.Equal([(Pen, "2", (string?)null), (Tea, "12", null), (Desk, "1", null)],
            draft.Lines.Select(l => (l.ProductCode, l.Quantity, l.LineComment)).ToList());
        // A new order: received now (the agent sets the FAX's time), no requested date of the old one, no quote.
        Assert.Equal(_database.Clock.GetUtcNow(), draft.FaxReceivedAt);
        Assert.Null(draft.RequestedDeliveryDate);
        Assert.Null(draft.QuoteId);
        Assert.Empty(repeat.LeftOut);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(3, await db.OrderLines.CountAsync());
    }

    [Fact]
    public async Task The_copy_is_priced_with_todays_prices_not_the_old_orders()
    {
        var orderId = await OrderAsync(null, Line(Pen, "2"));
        await _database.UpdateAsync<Product>(await ProductIdAsync(Pen), p => p.UnitPrice = 1200);

        var repeat = await _database.FaxOrders().RepeatAsync(orderId);
        var quote = await _database.FaxOrders().QuoteAsync(repeat.Draft);

        Assert.Empty(quote.Problems);
        Assert.Equal([(Pen, 1200, 2400)], quote.Lines.Select(l => (l.ProductCode, l.UnitPrice, l.Amount)).ToList());
        await using var db = _database.CreateDbContext();
        Assert.Equal(2000, await db.OrderLines.Where(l => l.OrderId == orderId).Select(l => l.Amount).SingleAsync());
    }

    [Fact]
    public async Task Products_no_longer_sold_or_locked_are_named_and_left_out()
    {
        var orderId = await OrderAsync(null, Line(Pen, "2"), Line(Scarce, "3"), Line(Tea, "4"), Line(Toner, "1"));
        await _database.UpdateAsync<Product>(await ProductIdAsync(Scarce), p => p.IsActive = false);
        await using (var db = _database.CreateDbContext())
        {
            var tonerCategory = await db.ProductCategories.Where(c => c.Code == LockableCategory).Select(c => c.Id).SingleAsync();
            db.OrderLocks.AddRange(new OrderLock { CustomerId = _department.CustomerId, ProductId = await ProductIdAsync(Tea),
                RequestedBy = "総務 山田様" },
                new OrderLock { CustomerId = _department.CustomerId, CategoryId = tonerCategory, RequestedBy = "総務 山田様" });
            await db.SaveChangesAsync();
        }

        var repeat = await _database.FaxOrders().RepeatAsync(orderId);

        Assert.Equal([(Pen, "2")], repeat.Draft.Lines.Select(l => (l.ProductCode, l.Quantity)).ToList());
        Assert.Equal(
            [
                new RepeatLeftOut(2, Scarce, "付箋", RepeatLeftOutReason.NoLongerSold, null),
                new RepeatLeftOut(3, Tea, "緑茶 500ml", RepeatLeftOutReason.ProductLocked, null),
                new RepeatLeftOut(4, Toner, "トナーカートリッジ", RepeatLeftOutReason.CategoryLocked, "トナー"),
            ],
            repeat.LeftOut);
        Assert.Empty((await _database.FaxOrders().QuoteAsync(repeat.Draft)).Problems);
    }

    [Fact]
    public async Task A_product_gone_from_the_catalogue_is_named_by_the_old_orders_name()
    {
        var orderId = await OrderAsync(null, Line(Pen, "1"), Line(Scarce, "1"));
        await using (var db = _database.CreateDbContext())
            await db.OrderLines.Where(l => l.OrderId == orderId
                && l.ProductCode == Scarce).ExecuteUpdateAsync(s => s.SetProperty(l => l.ProductCode, "Z9999999"));

        var repeat = await _database.FaxOrders().RepeatAsync(orderId);

        Assert.Equal([new RepeatLeftOut(2, "Z9999999", "付箋", RepeatLeftOutReason.NoLongerSold, null)], repeat.LeftOut);
        Assert.Equal([Pen], repeat.Draft.Lines.Select(l => l.ProductCode).ToList());
    }

    [Fact]
    public async Task A_ship_to_no_longer_registered_is_dropped_so_the_copy_ships_to_the_department()
    {
        var shipTo = await _database.AddShipToAsync(_department.CustomerId, "大阪支店");
        var orderId = await OrderAsync(shipTo.Id, Line(Pen, "1"));
        await _database.UpdateAsync<ShipTo>(shipTo.Id, s => s.IsActive = false);

        var repeat = await _database.FaxOrders().RepeatAsync(orderId);

        Assert.Null(repeat.Draft.ShipToId);
        Assert.Empty((await _database.FaxOrders().QuoteAsync(repeat.Draft)).Problems);
    }

    [Fact]
    public async Task Dealer_reps_key_no_orders_and_are_refused_even_for_their_own_customer()
    {
        var orderId = await OrderAsync(null, Line(Pen, "1"));
        var dealer = await _database.DealerIdOfAsync(_department);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.FaxOrders(TestStaff.DealerRep(dealer)).RepeatAsync(orderId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.FaxOrders(TestStaff.Anonymous).RepeatAsync(orderId));
        Assert.Equal("Ordering.OrderNotFound",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => _database.FaxOrders().RepeatAsync(orderId + 99))).Key);
    }

    [Fact]
    public async Task An_order_of_a_customer_no_longer_active_is_refused()
    {
        var orderId = await OrderAsync(null, Line(Pen, "1"));
        await _database.UpdateAsync<Customer>(_department.CustomerId, c => c.IsActive = false);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => _database.FaxOrders().RepeatAsync(orderId));
        Assert.Equal("Ordering.CustomerNotFound", refused.Key);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>Order search and detail: filters, paging and sorting in the database, and the dealer rep's scope.</summary>
public sealed class OrderSearchServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private Department _own = default!;
    private Department _other = default!;
    private int _ownDealerId;
    private readonly List<string> _ownNumbers = [];
    private string _otherNumber = "";
    private int _otherOrderId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _own = await _database.AddCustomerAsync("D1", "10000013");
        _other = await _database.AddCustomerAsync("D2", "20000026");
        await using (var db = _database.CreateDbContext())
        {
            _ownDealerId = await db.Customers.Where(c => c.Id == _own.CustomerId).Select(c => c.DealerId).SingleAsync();
            var other = await db.Customers.SingleAsync(c => c.Id == _other.CustomerId);
            other.Name = "有限会社みどり商事";
            other.SearchKey = Domain.Text.JapaneseInput.SearchKey(other.Name, "ミドリショウジ");
            await db.SaveChangesAsync();
        }
        var orders = _database.FaxOrders();
        for (var i = 1; i <= 3; i++)
        {
            var saved = await orders.SaveAsync(new FaxOrderSaveRequest(
                new FaxOrderDraft(_own.CustomerId, _own.Id, null, Morning.AddMinutes(-i), null, [Line(Pen, $"{i}")]), Guid.NewGuid()));
            _ownNumbers.Add(saved.OrderNumber!);
        }
        var otherSaved = await orders.SaveAsync(new FaxOrderSaveRequest(
            new FaxOrderDraft(_other.CustomerId, _other.Id, null, Morning, null, [Line(Tea, "9")]), Guid.NewGuid()));
        (_otherNumber, _otherOrderId) = (otherSaved.OrderNumber!, otherSaved.OrderId!.Value);
        await _database.AddOrderAsync(_own, OrderChannel.Web, TestDatabase.JapanTime(2026, 11, 20, 12, 0), "W2611200000099");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static OrderSearchQuery All(int skip = 0, int take = 50) => new(null, null, null, null, null, null, skip, take);

    [Fact]
    public async Task The_desk_sees_every_order_newest_first_paged_in_the_database()
    {
        var search = _database.OrderSearch(TestStaff.DeskAgent);

        var first = await search.SearchAsync(All(take: 2));
        var second = await search.SearchAsync(All(skip: 2, take: 2));
        var third = await search.SearchAsync(All(skip: 4, take: 2));

        Assert.Equal(5, first.Total);
        Assert.Equal([_otherNumber, _ownNumbers[0], _ownNumbers[1], _ownNumbers[2], "W2611200000099"],
            first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.OrderNumber));
        var row = first.Rows[1];
        // Ships free: the third order, keyed last but received first, reached 2,500 yen (additional orders go by receipt).
        Assert.Equal(("10000013", "総務部", 1, OrderChannel.Fax, 1000 + 100), (row.CustomerCode, row.DepartmentName, row.LineCount,
            row.Channel, row.Total));
    }

    [Fact]
    public async Task Pages_reaching_past_the_recent_weeks_still_list_every_order_in_order()
    {
        await _database.AddOrderAsync(_own, OrderChannel.Web, TestDatabase.JapanTime(2026, 9, 1, 12, 0), "W2609010000001");
        var search = _database.OrderSearch(TestStaff.DealerRep(_ownDealerId));

        var first = await search.SearchAsync(All(take: 4));
        var second = await search.SearchAsync(All(skip: 1, take: 4));

        Assert.Equal([.. _ownNumbers, "W2611200000099"], first.Rows.Select(r => r.OrderNumber));
        Assert.Equal([_ownNumbers[1], _ownNumbers[2], "W2611200000099", "W2609010000001"], second.Rows.Select(r => r.OrderNumber));
        Assert.Equal(5, second.Total);
    }

    [Fact]
    public async Task A_dealer_rep_sees_only_their_own_dealers_customers_orders()
    {
        var search = _database.OrderSearch(TestStaff.DealerRep(_ownDealerId));

        var page = await search.SearchAsync(All());

        Assert.Equal(4, page.Total);
        Assert.DoesNotContain(page.Rows, r => r.OrderNumber == _otherNumber);
        Assert.Equal(0, (await search.SearchAsync(All() with { CustomerText = "みどり" })).Total);
        await Assert.ThrowsAsync<AccessDeniedException>(() => search.GetAsync(_otherOrderId));
        var own = await search.GetAsync(page.Rows[0].Id);
        Assert.False(own.MayCorrect);
    }

    [Fact]
    public async Task Orders_are_found_by_number_prefix_customer_name_or_code_channel_and_date()
    {
        var search = _database.OrderSearch(TestStaff.DeskAgent);

        Assert.Equal([_ownNumbers[1]],
            (await search.SearchAsync(All() with { OrderNumber = _ownNumbers[1].ToLowerInvariant() })).Rows.Select(r => r.OrderNumber));
        Assert.Equal(4, (await search.SearchAsync(All() with { OrderNumber = "ｆ２６" })).Total);
        Assert.Equal([_otherNumber],
            (await search.SearchAsync(All() with { CustomerText = "（有）ミドリ" })).Rows.Select(r => r.OrderNumber));
        Assert.Equal(4, (await search.SearchAsync(All() with { CustomerText = "10000013" })).Total);
        Assert.Equal(["W2611200000099"],
            (await search.SearchAsync(All() with { Channel = OrderChannel.Web })).Rows.Select(r => r.OrderNumber));
        var day = new DateOnly(2026, 11, 20);
        Assert.Equal(["W2611200000099"], (await search.SearchAsync(All() with { From = day, To = day })).Rows.Select(r => r.OrderNumber));
        Assert.Equal(4, (await search.SearchAsync(All() with { From = new DateOnly(2026, 11, 25) })).Total);
    }

    [Fact]
    public async Task Orders_sort_by_total_or_number_with_the_same_paging()
    {
        var search = _database.OrderSearch(TestStaff.DeskAgent);

        var byTotal = await search.SearchAsync(All() with { SortBy = "Total", Descending = false });
        var byNumber = await search.SearchAsync(All() with { SortBy = "OrderNumber", Descending = false });

        Assert.Equal(byTotal.Rows.Select(r => r.Total).Order(), byTotal.Rows.Select(r => r.Total));
        Assert.Equal(byNumber.Rows.Select(r => r.OrderNumber).Order(StringComparer.Ordinal), byNumber.Rows.Select(r => r.OrderNumber));
    }

    [Fact]
    public async Task The_detail_shows_lines_shipments_and_totals()
    {
        var detail = await _database.OrderSearch(TestStaff.Supervisor).GetAsync(_otherOrderId);

        Assert.Equal((_otherNumber, "有限会社みどり商事", OrderStatus.Accepted), (detail.OrderNumber, detail.Customer.Name,
            detail.Status));
        var line = Assert.Single(detail.Lines);
        Assert.Equal((Tea, 9, 333, 2997, TaxClass.Reduced8), (line.ProductCode, line.Quantity, line.UnitPrice, line.Amount, line.TaxClass));
        Assert.Equal(new DateOnly(2026, 11, 26), Assert.Single(detail.Shipments).DeliveryDate);
        Assert.Equal((2997, 0, 239, 2997 + 239), (detail.GoodsSubtotal, detail.ShippingFee, detail.TaxReduced, detail.Total));
        Assert.True(detail.MayCorrect);
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>在庫納期照会 on a real SQLite file: the search folds as customer search does; dates are order entry's.</summary>
public sealed class ProductEnquiryTests : IAsyncLifetime
{
    /// <summary>Wednesday 25 Nov 2026, 10:00 Japan time: before the 13:00 furniture and 17:00 Honshu FAX cutoffs.</summary>
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

    private async Task<IReadOnlyList<string>> CodesAsync(string text) =>
        (await _database.ProductEnquiry().SearchAsync(new ProductEnquiryQuery(text, null))).Rows.Select(r => r.Code).ToList();

    [Theory]
    [InlineData("ボールペン")]
    [InlineData("ぼーるぺん")]
    [InlineData("ﾎﾞｰﾙﾍﾟﾝ")]
    [InlineData("ボ-ルペン")]
    [InlineData("ボールペン　１０本")]
    public async Task A_name_is_found_however_it_is_typed(string typed)
    {
        Assert.Equal([Pen], await CodesAsync(typed));
    }

    [Fact]
    public async Task Code_maker_and_category_find_products_an_exact_code_first_and_no_product_no_longer_sold()
    {
        Assert.Equal(Pen, (await CodesAsync("ａ００００００１"))[0]);
        Assert.Equal([Special, Desk], await CodesAsync("家具"));
        var byMaker = await CodesAsync("てすとめーかー");
        Assert.Contains(Tea, byMaker);
        Assert.DoesNotContain(Discontinued, byMaker);
        Assert.Empty(await CodesAsync("  "));
    }

    [Fact]
    public async Task Before_the_cutoff_the_customer_gets_todays_acceptance_and_the_next_delivery_day_per_class()
    {
        var result = await _database.ProductEnquiry().SearchAsync(new ProductEnquiryQuery("テスト", _department.CustomerId));

        Assert.Equal(new TimeOnly(17, 0), result.Customer!.FaxCutoff);
        var pen = result.Rows.Single(r => r.Code == Pen).Delivery!;
        Assert.Equal((new TimeOnly(17, 0), new DateOnly(2026, 11, 25), true, new DateOnly(2026, 11, 26)),
            (pen.Cutoff, pen.AcceptanceDay, pen.BeforeCutoff, pen.DeliveryDate));
        var desk = result.Rows.Single(r => r.Code == Desk).Delivery!;
        Assert.Equal((new TimeOnly(13, 0), new DateOnly(2026, 11, 27)), (desk.Cutoff, desk.DeliveryDate));
        Assert.Null(result.Rows.Single(r => r.Code == Special).Delivery!.DeliveryDate);
    }

    [Fact]
    public async Task After_the_cutoff_the_order_is_accepted_the_next_acceptance_day()
    {
        // 17:00:00 is too late for 17:00; furniture missed 13:00 and arrives the second delivery day after Thursday: Monday.
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 25, 17, 0));

        var rows = (await _database.ProductEnquiry().SearchAsync(new ProductEnquiryQuery("テスト", _department.CustomerId))).Rows;

        var pen = rows.Single(r => r.Code == Pen).Delivery!;
        Assert.Equal((new DateOnly(2026, 11, 26), false, new DateOnly(2026, 11, 27)), (pen.AcceptanceDay, pen.BeforeCutoff,
            pen.DeliveryDate));
        Assert.Equal(new DateOnly(2026, 11, 30), rows.Single(r => r.Code == Desk).Delivery!.DeliveryDate);
    }

    [Fact]
    public async Task The_customers_price_locks_and_stock_outs_are_shown()
    {
        await _database.UpdateAsync<Customer>(_department.CustomerId, c => c.VolumeDiscountRate = 0.05m);
        await using (var db = _database.CreateDbContext())
        {
            var toner = await db.ProductCategories.SingleAsync(c => c.Code == LockableCategory);
            db.OrderLocks.Add(new OrderLock { CustomerId = _department.CustomerId, CategoryId = toner.Id,
                RequestedBy = "総務 山田様" });
            await db.Products.Where(p => p.Code == Scarce).ExecuteUpdateAsync(s => s.SetProperty(p => p.StockOnHand, 0));
            await db.SaveChangesAsync();
        }

        var rows = (await _database.ProductEnquiry().SearchAsync(new ProductEnquiryQuery("テスト", _department.CustomerId))).Rows;

        Assert.Equal((1000, 950), (rows.Single(r => r.Code == Pen).ListPrice, rows.Single(r => r.Code == Pen).CustomerUnitPrice));
        Assert.True(rows.Single(r => r.Code == Toner).Locked);
        Assert.False(rows.Single(r => r.Code == Pen).Locked);
        Assert.True(rows.Single(r => r.Code == Scarce).Delivery!.BackOrdered);
    }

    [Fact]
    public async Task A_dealer_rep_sees_dates_for_their_own_customers_only()
    {
        var dealer = await _database.DealerIdOfAsync(_department);
        var own = await _database.ProductEnquiry(TestStaff.DealerRep(dealer)).SearchAsync(new ProductEnquiryQuery("ペン",
            _department.CustomerId));
        Assert.NotNull(own.Customer);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _database.ProductEnquiry(TestStaff.DealerRep(dealer + 1)).SearchAsync(new ProductEnquiryQuery("ペン",
                _department.CustomerId)));
        Assert.Empty(await _database.ProductEnquiry(TestStaff.DealerRep(dealer + 1)).FindCustomersAsync("10000013"));
    }

    [Fact]
    public async Task A_renamed_product_is_found_by_its_new_name()
    {
        await using (var db = _database.CreateDbContext())
        {
            var pen = await db.Products.SingleAsync(p => p.Code == Pen);
            pen.Name = "ゲルインクペン";
            await db.SaveChangesAsync();
        }

        Assert.Equal([Pen], await CodesAsync("げるいんく"));
        Assert.Empty(await CodesAsync("ボールペン"));
    }
}

using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>簡易見積書 on a real SQLite file: issued from a draft without an order, listed, turned into an order once.</summary>
public sealed class QuoteTests : IAsyncLifetime
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

    private FaxOrderDraft Draft(params FaxOrderDraftLine[] lines) => new(_department.CustomerId, _department.Id, null, Morning, null,
        lines);

    [Fact]
    public async Task A_quote_is_priced_like_an_order_and_saves_no_order_and_reserves_no_stock()
    {
        var issued = await _database.Quotes().IssueAsync(Draft(Line(Tea, "3"), Line(Scarce, "2"), Line(null, null)));

        Assert.Equal("Q261125" + issued.Id.ToString("D7"), issued.QuoteNumber);
        var sheet = await _database.Quotes().GetAsync(issued.Id);
        Assert.Equal(new DateOnly(2026, 12, 9), sheet.ValidUntil);
        Assert.Equal([(1, Tea, 3, 333, 999), (2, Scarce, 2, 200, 400)],
            sheet.Lines.Select(l => (l.LineNumber, l.ProductCode, l.Quantity, l.UnitPrice, l.Amount)).ToList());
        // 1,399 yen is under the 2,500 threshold: 300 yen shipping, taxed at 10 % with the goods; the tea at 8 %.
        Assert.Equal((1399, 300, ShippingFeeReason.Charged), (sheet.GoodsSubtotal, sheet.ShippingFee, sheet.ShippingFeeReason));
        Assert.Equal([(10, 700, 70), (8, 999, 79)], sheet.Taxes.Select(t => (t.RatePercent, t.Taxable, t.Tax)).ToList());
        Assert.Equal(1399 + 300 + 70 + 79, sheet.Total);
        Assert.Equal(new DeskContactOptions().Phone, sheet.Desk.Phone);

        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync());
        Assert.Equal(5, await db.Products.Where(p => p.Code == Scarce).Select(p => p.StockOnHand).SingleAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Ordering.QuoteIssued" && a.EntityId == issued.QuoteNumber));
    }

    [Fact]
    public async Task A_line_short_of_stock_is_quoted_and_counted_in_the_totals_like_every_other_line()
    {
        // Scarce has 5 in stock: an order would back-order 6, but a quote reserves nothing and its sheet must add up.
        var issued = await _database.Quotes().IssueAsync(Draft(Line(Tea, "3"), Line(Scarce, "6")));

        var sheet = await _database.Quotes().GetAsync(issued.Id);
        Assert.Equal([(1, Tea, 999), (2, Scarce, 1200)], sheet.Lines.Select(l => (l.LineNumber, l.ProductCode, l.Amount)).ToList());
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), sheet.GoodsSubtotal);
        // 2,199 yen is under the 2,500 threshold: 300 yen shipping, taxed at 10 % with the scarce goods; the tea at 8 %.
        Assert.Equal((2199, 300), (sheet.GoodsSubtotal, sheet.ShippingFee));
        Assert.Equal([(10, 1500, 150), (8, 999, 79)], sheet.Taxes.Select(t => (t.RatePercent, t.Taxable, t.Tax)).ToList());
        Assert.Equal(2199 + 300 + 150 + 79, sheet.Total);
    }

    [Fact]
    public async Task The_valid_until_follows_the_setting()
    {
        var issued = await _database.Quotes(rules: new RulesOptions { QuoteValidDays = 30 }).IssueAsync(Draft(Line(Pen, "1")));

        Assert.Equal(new DateOnly(2026, 12, 25), (await _database.Quotes().GetAsync(issued.Id)).ValidUntil);
    }

    [Fact]
    public async Task A_draft_with_a_bad_line_is_refused_and_nothing_is_saved()
    {
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Quotes().IssueAsync(Draft(Line(Pen, "1"),
            Line("ZZZ999", "1"))));
        Assert.Equal("Ordering.UnknownProduct", refused.Key);
        await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Quotes().IssueAsync(Draft(Line(Discontinued, "1"))));
        await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Quotes().IssueAsync(Draft(Line(Pen, "0"))));
        await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Quotes().IssueAsync(Draft()));

        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Quotes.CountAsync());
    }

    [Fact]
    public async Task Quotes_are_listed_per_customer_and_by_number_and_a_dealer_rep_reads_only_their_own()
    {
        var first = await _database.Quotes().IssueAsync(Draft(Line(Pen, "1")));
        var second = await _database.Quotes().IssueAsync(Draft(Line(Pen, "2")));

        Assert.Equal([second.Id, first.Id], (await _database.Quotes().ListAsync("10000013")).Select(q => q.Id).ToList());
        Assert.Equal([first.Id], (await _database.Quotes().ListAsync(first.QuoteNumber.ToLowerInvariant())).Select(q => q.Id).ToList());
        Assert.Equal(2, (await _database.Quotes().ListAsync("てすと")).Count);
        var dealer = await _database.DealerIdOfAsync(_department);
        Assert.Equal(2, (await _database.Quotes(TestStaff.DealerRep(dealer)).ListAsync("10000013")).Count);
        Assert.Empty(await _database.Quotes(TestStaff.DealerRep(dealer + 1)).ListAsync("10000013"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Quotes(TestStaff.DealerRep(dealer + 1)).GetAsync(first.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Quotes(TestStaff.DealerRep(dealer)).IssueAsync(Draft(Line(Pen,
            "1"))));
    }

    [Fact]
    public async Task A_quote_faxed_back_is_priced_again_its_price_rises_flagged_and_it_becomes_one_order()
    {
        var issued = await _database.Quotes().IssueAsync(Draft(Line(Pen, "3"), Line(Tea, "1")));
        await using (var db = _database.CreateDbContext())
            await db.Products.Where(p => p.Code == Pen).ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitPrice, 1100));
        _database.Clock.Advance(TimeSpan.FromDays(15));

        var review = await _database.Quotes().ReviewAsync(issued.Id);

        Assert.True(review.Quote.Expired);
        Assert.Equal([(1, Pen, 1000, 1100)], review.PriceRises.Select(r => (r.LineNumber, r.ProductCode, r.QuotedUnitPrice,
            r.UnitPriceNow)).ToList());
        Assert.Equal(issued.Id, review.Draft.QuoteId);
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(review.Draft, Guid.NewGuid()));
        Assert.NotNull(saved.OrderId);
        Assert.Equal(3300 + 333, saved.Quote.GoodsSubtotal);
        var sheet = await _database.Quotes().GetAsync(issued.Id);
        Assert.Equal((saved.OrderId, saved.OrderNumber), (sheet.OrderId, sheet.OrderNumber));

        var again = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(review.Draft, Guid.NewGuid())));
        Assert.Equal("Ordering.QuoteAlreadyOrdered", again.Key);
        Assert.Equal("Ordering.QuoteAlreadyOrdered",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Quotes().ReviewAsync(issued.Id))).Key);
        await using var check = _database.CreateDbContext();
        Assert.Equal(1, await check.Orders.CountAsync());
    }

    [Fact]
    public async Task A_quote_cannot_close_another_customers_order()
    {
        var issued = await _database.Quotes().IssueAsync(Draft(Line(Pen, "1")));
        var other = await _database.AddCustomerAsync("D1", "10000021");

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(
            new FaxOrderDraft(other.CustomerId, other.Id, null, Morning, null, [Line(Pen, "1")], QuoteId: issued.Id), Guid.NewGuid())));

        Assert.Equal("Ordering.QuoteOtherCustomer", refused.Key);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync());
    }
}

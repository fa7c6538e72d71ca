using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// A day typed without its year (docs/text-and-order-rules.md): a FAX's received or upload date is the most recent such day
/// that is not in the future — 「12/30」 keyed on 4 January is last year's — and a requested delivery date the coming one.
/// </summary>
public sealed class ReceivedDateTests
{
    private static readonly DateOnly FourthOfJanuary = new(2027, 1, 4);

    private static BusinessClock ClockAt(DateTimeOffset now) => new(new FakeTimeProvider(now), Options.Create(new RulesOptions()));

    [Theory]
    [InlineData("12/30", 2026, 12, 30)]
    [InlineData("１２／２８", 2026, 12, 28)]
    [InlineData("1228", 2026, 12, 28)]
    [InlineData("12月25日", 2026, 12, 25)]
    [InlineData("1/4", 2027, 1, 4)]
    [InlineData("1/5", 2026, 1, 5)]
    [InlineData("2026/12/30", 2026, 12, 30)]
    public void A_received_day_is_the_most_recent_one_not_in_the_future(string typed, int year, int month, int day)
    {
        Assert.True(EntryDates.TryParseRecent(typed, FourthOfJanuary, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("1/8", 2026, 12, 28, 2027, 1, 8)]
    [InlineData("12/30", 2027, 1, 4, 2027, 12, 30)]
    [InlineData("11/27", 2026, 11, 25, 2026, 11, 27)]
    [InlineData("11/20", 2026, 11, 25, 2026, 11, 20)]
    public void A_requested_day_is_the_coming_one(string typed, int todayYear, int todayMonth, int todayDay, int year, int month, int day)
    {
        Assert.True(EntryDates.TryParseUpcoming(typed, new DateOnly(todayYear, todayMonth, todayDay), out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2/29", 2028, 3, 1, 2028, 2, 29)]
    [InlineData("2/29", 2028, 2, 28, 2024, 2, 29)]
    public void The_29th_of_February_is_the_most_recent_one(string typed, int todayYear, int todayMonth, int todayDay, int year, int month,
        int day)
    {
        Assert.True(EntryDates.TryParseRecent(typed, new DateOnly(todayYear, todayMonth, todayDay), out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2/30")]
    [InlineData("13/1")]
    [InlineData("")]
    public void Not_a_day_is_refused(string typed) => Assert.False(EntryDates.TryParseRecent(typed, FourthOfJanuary, out _));

    [Fact]
    public void On_the_4th_of_January_a_FAX_of_the_30th_of_December_keyed_as_12_30_is_last_years()
    {
        var clock = ClockAt(TestDatabase.JapanTime(2027, 1, 4, 9, 30));
        var form = new OrderEntryForm { Customer = Customer(), DepartmentId = 11, ReceivedDate = "12/30", ReceivedTime = "16:10" };

        var draft = form.ToDraft(clock);

        Assert.NotNull(draft);
        Assert.Equal(TestDatabase.JapanTime(2026, 12, 30, 16, 10), draft.FaxReceivedAt);
        Assert.Null(form.HeaderProblemKey(clock));
    }

    [Fact]
    public async Task The_domain_takes_that_FAX_without_calling_it_future_and_accepts_it_after_the_closure()
    {
        await using var database = await new TestDatabase(TestDatabase.JapanTime(2027, 1, 4, 9, 30)).InitializeAsync();
        await database.SeedCatalogAsync();
        var department = await database.AddCustomerAsync("D1", "10000013");
        var form = new OrderEntryForm { Customer = Customer(department), DepartmentId = department.Id, ReceivedDate = "12/30",
            ReceivedTime = "16:10" };
        form.Lines[0].Code = OrderingTestData.Pen;
        form.Lines[0].Quantity = "3";

        var quote = await database.FaxOrders().QuoteAsync(form.ToDraft(database.BusinessClock)!);

        Assert.Empty(quote.Problems);
        // 29 December – 3 January are closure days: the FAX of the 30th is accepted on Monday 4 January.
        Assert.Equal(FourthOfJanuary, quote.Shipments.Single().AcceptanceDay);
    }

    private static OrderingCustomer Customer(Department? department = null) => new(
        new OrderingCustomerMatch(department?.CustomerId ?? 7, "10000013", "株式会社テスト", "テスト", "03-1111-3333",
            "03-1111-2222", "本州", "販売店"),
        0m, false, new TimeOnly(17, 0), [new OrderingDepartment(department?.Id ?? 11, "01", "総務部", "東京都", null,
            BudgetKind.Soft)], [],
            null);
}

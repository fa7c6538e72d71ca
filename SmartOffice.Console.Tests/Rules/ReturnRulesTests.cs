using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Rules.TestValues;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>返品 — お届け日より90日以内で未使用、未開封であれば返品可能です。但し飲料、食品、書籍等の例外もあります。</summary>
public class ReturnRulesTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();
    private static readonly ReturnRules Returns = new(new RulesOptions());

    [Theory]
    [InlineData("2026-08-01", "2026-08-01", true, false, ReturnVerdict.Accepted)]
    [InlineData("2026-08-01", "2026-10-30", true, false, ReturnVerdict.Accepted)]    // day 90: the last day
    [InlineData("2026-08-01", "2026-10-31", true, false, ReturnVerdict.TooLate)]     // day 91
    [InlineData("2026-08-01", "2026-09-01", false, false, ReturnVerdict.Opened)]
    [InlineData("2026-08-01", "2026-09-01", true, true, ReturnVerdict.NonReturnable)]
    // several fail: TooLate before Opened before NonReturnable
    [InlineData("2026-08-01", "2026-10-31", false, true, ReturnVerdict.TooLate)]
    [InlineData("2026-08-01", "2026-09-01", false, true, ReturnVerdict.Opened)]
    // across a leap February: 2028-01-01 + 90 days = 2028-03-31
    [InlineData("2028-01-01", "2028-03-31", true, false, ReturnVerdict.Accepted)]
    [InlineData("2028-01-01", "2028-04-01", true, false, ReturnVerdict.TooLate)]
    public void Customer_returns_within_90_days_unopened_and_returnable(string deliveredOn, string formReceivedOn, bool unopened,
        bool nonReturnable, ReturnVerdict verdict)
    {
        Assert.Equal(verdict, Rules.CheckReturn(Day(deliveredOn), Day(formReceivedOn), unopened, nonReturnable));
    }

    [Fact]
    public void Delivered_1_August_the_last_return_day_is_30_October()
    {
        Assert.Equal(Day("2026-10-30"), Returns.LastFormDay(Day("2026-08-01")));
    }

    [Fact]
    public void A_form_before_the_delivery_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Rules.CheckReturn(Day("2026-08-01"), Day("2026-07-31"), true, false));
        Assert.Throws<ArgumentException>(() => Returns.CheckOurFaultReturn(Day("2026-08-01"), Day("2026-07-31")));
    }

    [Theory]
    [InlineData("2026-09-01", ReturnVerdict.Accepted)]
    [InlineData("2026-10-30", ReturnVerdict.Accepted)]
    [InlineData("2026-10-31", ReturnVerdict.TooLate)]
    public void Goods_damaged_or_wrong_on_our_side_are_taken_back_opened_or_not_but_within_90_days(string formReceivedOn,
        ReturnVerdict verdict)
    {
        Assert.Equal(verdict, Returns.CheckOurFaultReturn(Day("2026-08-01"), Day(formReceivedOn)));
    }

    [Fact]
    public void The_window_is_a_setting()
    {
        var returns = new ReturnRules(new RulesOptions { ReturnWindowDays = 30 });

        Assert.Equal(ReturnVerdict.Accepted, returns.CheckCustomerReturn(Day("2026-08-01"), Day("2026-08-31"), true, false));
        Assert.Equal(ReturnVerdict.TooLate, returns.CheckCustomerReturn(Day("2026-08-01"), Day("2026-09-01"), true, false));
    }
}

using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Rules.TestValues;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>ポイントは購入金額いくらに対して… / ポイントの有効期限は? / 今月消えてしまうポイント….</summary>
public class PointRulesTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();
    private static readonly PointRules Points = new(new RulesOptions());

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]       // 100円(税抜)につき1ポイント
    [InlineData(2400, 24)]     // an order of 2,400 yen plus 300 yen shipping: shipping earns nothing
    [InlineData(2599, 25)]     // rounded down per order
    [InlineData(123456, 1234)]
    public void One_point_per_100_yen_of_goods_ex_tax(int goodsSubtotalExTax, int points)
    {
        Assert.Equal(points, Rules.PointsEarned(goodsSubtotalExTax));
    }

    [Fact]
    public void An_opted_out_customer_earns_nothing()
    {
        Assert.Equal(0, Points.PointsEarned(10000, optedOut: true));
    }

    [Fact]
    public void A_negative_subtotal_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.PointsEarned(-100));
    }

    [Theory]
    [InlineData("2026-11-15", "2027-11-30")]   // the FAQ's example
    [InlineData("2026-11-01", "2027-11-30")]
    [InlineData("2026-11-30", "2027-11-30")]
    [InlineData("2026-12-31", "2027-12-31")]
    [InlineData("2027-01-31", "2028-01-31")]
    [InlineData("2027-02-10", "2028-02-29")]   // into a leap year
    [InlineData("2028-02-29", "2029-02-28")]   // out of a leap year
    public void Points_are_valid_until_the_end_of_the_same_month_next_year(string acceptanceDay, string validThrough)
    {
        Assert.Equal(Day(validThrough), Rules.PointsValidThrough(Day(acceptanceDay)));
    }

    [Fact]
    public void The_rate_and_validity_are_settings()
    {
        var points = new PointRules(new RulesOptions { YenPerPoint = 200, PointValidityMonths = 6 });

        Assert.Equal(12, points.PointsEarned(2599));
        Assert.Equal(Day("2027-05-31"), points.ValidThrough(Day("2026-11-15")));
    }
}

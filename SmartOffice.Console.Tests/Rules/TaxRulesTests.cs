using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>消費税: 10 %, 軽減税率 8 %, once per slip per rate, rounded down; volume-discounted unit prices.</summary>
public class TaxRulesTests
{
    private static readonly TaxRules Tax = new(new RulesOptions());

    [Fact]
    public void Tax_is_computed_once_per_rate_on_the_slip_and_rounded_down()
    {
        // 8 % goods 1,234 yen → 98.72 → 98; 10 % goods 999 yen → 99.9 → 99
        var slip = Tax.ForSlip([new(TaxClass.Reduced8, 1234), new(TaxClass.Standard10, 999)], shippingFeeExTax: 0);

        Assert.Equal([new RateTax(8, 1234, 98), new RateTax(10, 999, 99)], slip.PerRate);
        Assert.Equal(197, slip.TotalTax);
    }

    [Fact]
    public void The_shipping_fee_is_taxed_at_10_percent_with_the_standard_goods()
    {
        // 10 %: (999 + 300) × 10 % = 129.9 → 129
        var slip = Tax.ForSlip([new(TaxClass.Reduced8, 1234), new(TaxClass.Standard10, 999)], shippingFeeExTax: 300);

        Assert.Equal([new RateTax(8, 1234, 98), new RateTax(10, 1299, 129)], slip.PerRate);
        Assert.Equal(129, slip.TaxAt(10));
        Assert.Equal(98, slip.TaxAt(8));
    }

    [Theory]
    // Per line the tax would be 99 + 99 = 198 and 8 + 8 = 16
    [InlineData(TaxClass.Standard10, 999, 999, 10, 199)]
    [InlineData(TaxClass.Reduced8, 110, 110, 8, 17)]
    public void Lines_of_one_rate_are_summed_before_rounding(TaxClass taxClass, int line1, int line2, int rate, int tax)
    {
        var slip = Tax.ForSlip([new(taxClass, line1), new(taxClass, line2)], shippingFeeExTax: 0);

        Assert.Equal(tax, slip.TaxAt(rate));
    }

    [Fact]
    public void A_slip_without_amounts_has_no_tax()
    {
        var slip = Tax.ForSlip([], shippingFeeExTax: 0);

        Assert.Empty(slip.PerRate);
        Assert.Equal(0, slip.TotalTax);
        Assert.Equal(0, slip.TaxAt(10));
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tax.ForSlip([new(TaxClass.Standard10, -1)], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tax.ForSlip([], -300));
    }

    [Theory]
    [InlineData(TaxRounding.Floor, 1235, 10, 123)]
    [InlineData(TaxRounding.Round, 1235, 10, 124)]     // 123.5 rounds half up (四捨五入)
    [InlineData(TaxRounding.Round, 1234, 10, 123)]
    [InlineData(TaxRounding.Ceiling, 1231, 10, 124)]
    [InlineData(TaxRounding.Ceiling, 1230, 10, 123)]
    [InlineData(TaxRounding.Floor, 1234, 8, 98)]
    [InlineData(TaxRounding.Round, 1234, 8, 99)]
    public void The_rounding_direction_is_a_setting(TaxRounding rounding, int amountExTax, int ratePercent, int tax)
    {
        var rules = new TaxRules(new RulesOptions { TaxRounding = rounding });

        Assert.Equal(tax, rules.Tax(amountExTax, ratePercent));
    }

    [Theory]
    [InlineData(TaxClass.Standard10, 10)]
    [InlineData(TaxClass.Reduced8, 8)]
    public void Tax_classes_map_to_the_configured_rates(TaxClass taxClass, int ratePercent)
    {
        Assert.Equal(ratePercent, Tax.RatePercent(taxClass));
    }

    [Theory]
    [InlineData(1980, "0.05", 1881)]
    [InlineData(999, "0.05", 949)]     // 949.05
    [InlineData(1234, "0.07", 1147)]   // 1,147.62
    [InlineData(100, "0.333", 66)]     // 66.7
    [InlineData(1000, "0", 1000)]
    public void A_discounted_unit_price_is_the_list_price_less_the_rate_rounded_down(int listPrice, string rate, int unitPrice)
    {
        Assert.Equal(unitPrice, TaxRules.DiscountedUnitPrice(listPrice,
            decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(-1, "0.05")]
    [InlineData(1000, "-0.01")]
    [InlineData(1000, "1")]
    public void Impossible_prices_and_rates_are_refused(int listPrice, string rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => TaxRules.DiscountedUnitPrice(listPrice, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

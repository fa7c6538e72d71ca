namespace SmartOffice.Domain.Rules;

/// <summary>A product's consumption-tax class: 10 %, or the reduced 8 % for food and beverages (軽減税率).</summary>
public enum TaxClass { Standard10, Reduced8 }

public enum TaxRounding { Floor, Round, Ceiling }

/// <summary>Goods of one tax class on a slip, yen ex-tax (several per class are summed).</summary>
public sealed record TaxableAmount(TaxClass TaxClass, int AmountExTax);

/// <summary>The taxable base (yen ex-tax) and the tax of one rate on a slip.</summary>
public sealed record RateTax(int RatePercent, int TaxableExTax, int Tax);

/// <summary>消費税 of one slip, one entry per rate in ascending rate order.</summary>
public sealed record SlipTax(IReadOnlyList<RateTax> PerRate)
{
    public int TotalTax => PerRate.Sum(rate => rate.Tax);

    /// <summary>The tax at the given rate, 0 when the slip has none at that rate.</summary>
    public int TaxAt(int ratePercent) => PerRate.FirstOrDefault(rate => rate.RatePercent == ratePercent)?.Tax ?? 0;
}

/// <summary>Prices and consumption tax: tax once per slip per rate (インボイス制度), rounded by setting.</summary>
public sealed class TaxRules(RulesOptions options)
{
    public int RatePercent(TaxClass taxClass) => taxClass switch
    {
        TaxClass.Standard10 => options.StandardTaxRatePercent,
        TaxClass.Reduced8 => options.ReducedTaxRatePercent,
        _ => throw new ArgumentOutOfRangeException(nameof(taxClass), taxClass, null),
    };

    /// <summary>Sums the goods per rate, adds the shipping fee at the shipping rate, and taxes each rate once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount or fee.</exception>
    public SlipTax ForSlip(IEnumerable<TaxableAmount> goods, int shippingFeeExTax)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shippingFeeExTax);
        var perRate = goods
            .Select(line => (Rate: RatePercent(line.TaxClass), Amount: NonNegative(line.AmountExTax)))
            .Append((Rate: options.ShippingTaxRatePercent, Amount: shippingFeeExTax))
            .Where(line => line.Amount > 0)
            .GroupBy(line => line.Rate, line => line.Amount)
            .OrderBy(rate => rate.Key)
            .Select(rate => (Rate: rate.Key, Taxable: rate.Sum()))
            .Select(rate => new RateTax(rate.Rate, rate.Taxable, Tax(rate.Taxable, rate.Rate)))
            .ToList();
        return new SlipTax(perRate);
    }

    /// <summary>Tax on one rate's total, rounded per <see cref="RulesOptions.TaxRounding"/>.</summary>
    public int Tax(int amountExTax, int ratePercent)
    {
        var exact = NonNegative(amountExTax) * (decimal)ratePercent / 100m;
        return (int)(options.TaxRounding switch
        {
            TaxRounding.Floor => decimal.Floor(exact),
            TaxRounding.Round => decimal.Round(exact, MidpointRounding.AwayFromZero),
            TaxRounding.Ceiling => decimal.Ceiling(exact),
            _ => throw new InvalidOperationException($"Unknown tax rounding {options.TaxRounding}."),
        });
    }

    /// <summary>Volume-discounted unit price: floor(list × (1 − rate)), e.g. rate 0.05m for 5 %.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative price, or a rate outside 0 ≤ rate &lt; 1.</exception>
    public static int DiscountedUnitPrice(int listPrice, decimal discountRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(listPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(discountRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(discountRate, 1m);
        return (int)decimal.Floor(listPrice * (1m - discountRate));
    }

    private static int NonNegative(int amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return amount;
    }
}

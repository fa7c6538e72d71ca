namespace SmartOffice.Domain.Rules;

/// <summary>smartoffice point collection: earning and expiry (有効期限).</summary>
public sealed class PointRules(RulesOptions options)
{
    /// <summary>1 point per 100 yen of goods ex-tax, rounded down per order; shipping is not in the subtotal.</summary>
    /// <param name="goodsSubtotalExTax">Discounted goods subtotal, yen ex-tax, without shipping.</param>
    /// <param name="optedOut">The customer opted out of the point programme (公費): earns nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative subtotal.</exception>
    public int PointsEarned(int goodsSubtotalExTax, bool optedOut = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(goodsSubtotalExTax);
        return optedOut ? 0 : goodsSubtotalExTax / options.YenPerPoint;
    }

    /// <summary>
    /// 注文した月の翌年同月まで: the last day of the month <see cref="RulesOptions.PointValidityMonths"/> after
    /// the acceptance day's month (2026-11-15 → 2027-11-30; 2027-02-10 → 2028-02-29).
    /// </summary>
    public DateOnly ValidThrough(DateOnly acceptanceDay)
    {
        var month = new DateOnly(acceptanceDay.Year, acceptanceDay.Month, 1).AddMonths(options.PointValidityMonths);
        return month.AddDays(DateTime.DaysInMonth(month.Year, month.Month) - 1);
    }
}

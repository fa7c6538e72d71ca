namespace SmartOffice.Domain.Rules;

/// <summary>
/// The public entry point to the business rules, for one region's cutoffs over one business calendar.
/// A thin facade over <see cref="DeliveryRules"/>, <see cref="ShippingRules"/>, <see cref="PointRules"/>,
/// <see cref="LockoutRules"/> and <see cref="ReturnRules"/>, so the app (region cutoffs, the database
/// calendar) and <see cref="CreateDefault"/> give the same answers for a Honshu customer.
/// </summary>
public sealed class SmartOfficeRules
{
    private readonly IBusinessCalendar _calendar;
    private readonly RegionCutoffs _region;
    private readonly DeliveryRules _delivery;
    private readonly ShippingRules _shipping;
    private readonly PointRules _points;
    private readonly LockoutRules _lockout;
    private readonly ReturnRules _returns;

    public SmartOfficeRules(IBusinessCalendar calendar, RulesOptions options, RegionCutoffs region)
    {
        _calendar = calendar;
        _region = region;
        _delivery = new DeliveryRules(calendar, options);
        _shipping = new ShippingRules(options);
        _points = new PointRules(options);
        _lockout = new LockoutRules(options);
        _returns = new ReturnRules(options);
    }

    /// <summary>
    /// Defaults: Honshu cutoffs (FAX 17:00, Web 17:30), furniture 13:00 and the 2nd delivery day,
    /// national holidays, closure days 29 Dec – 3 Jan.
    /// </summary>
    public static SmartOfficeRules CreateDefault()
    {
        var options = new RulesOptions();
        return new SmartOfficeRules(new StaticBusinessCalendar(options), options, RegionCutoffs.Honshu(options));
    }

    /// <summary>
    /// The national holidays of <paramref name="year"/> in date order (closure days are not holidays), named as
    /// the law named them that year, with 振替休日 and 国民の休日 for substitute and citizens' holidays.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2099 (default calendar).</exception>
    public IReadOnlyDictionary<DateOnly, string> Holidays(int year)
    {
        var holidays = new SortedDictionary<DateOnly, string>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            if (_calendar.HolidayName(day) is { } name)
                holidays.Add(day, name);
        }
        return holidays.AsReadOnly();
    }

    /// <summary>受付日: Monday–Saturday, not a national holiday or closure day.</summary>
    public bool IsAcceptanceDay(DateOnly day) => _delivery.IsAcceptanceDay(day);

    /// <summary>The acceptance day and earliest delivery date; <paramref name="receivedAt"/> may carry any offset.</summary>
    public DeliveryQuote QuoteDelivery(DateTimeOffset receivedAt, OrderChannel channel,
                                       DeliveryClass deliveryClass, bool saturdayRequested = false) =>
        _delivery.Quote(receivedAt, channel, deliveryClass, _region, saturdayRequested);

    /// <summary>
    /// お届け日指定 with no product flagged against Saturday: a Saturday only for a standard order (then the earliest
    /// date counts Saturdays); SpecialOrder: always false (its date is advised individually).
    /// </summary>
    public bool IsAllowedDeliveryDate(DateTimeOffset receivedAt, OrderChannel channel,
                                      DeliveryClass deliveryClass, DateOnly requested) =>
        _delivery.CheckRequestedDate(receivedAt, channel, deliveryClass, _region, requested, saturdayAllowed: true).IsAllowed;

    /// <summary>The basic rule, without the additional-order rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount.</exception>
    public int ShippingFee(int goodsSubtotalExTax) => _shipping.BasicFee(goodsSubtotalExTax);

    public int PointsEarned(int goodsSubtotalExTax) => _points.PointsEarned(goodsSubtotalExTax);

    public DateOnly PointsValidThrough(DateOnly acceptanceDay) => _points.ValidThrough(acceptanceDay);

    public bool IsLockedOut(int failedPasswordAttempts) => _lockout.IsLockedOut(failedPasswordAttempts);

    /// <summary>
    /// Customer-reason returns (unopened = unused and unopened); when several fail, the first in this order:
    /// TooLate, Opened, NonReturnable.
    /// </summary>
    /// <exception cref="ArgumentException">The form precedes the delivery.</exception>
    public ReturnVerdict CheckReturn(DateOnly deliveredOn, DateOnly formReceivedOn, bool unopened, bool nonReturnable) =>
        _returns.CheckCustomerReturn(deliveredOn, formReceivedOn, unopened, nonReturnable);
}

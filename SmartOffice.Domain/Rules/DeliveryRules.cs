namespace SmartOffice.Domain.Rules;

/// <summary>
/// 受付日 (acceptance day), 締時刻 (cutoff) and delivery dates. Acceptance days are Monday–Saturday;
/// delivery days Monday–Friday (plus Saturday when one is requested); neither on a national holiday
/// or closure day.
/// </summary>
public sealed class DeliveryRules
{
    private readonly IBusinessCalendar _calendar;
    private readonly RulesOptions _options;
    private readonly TimeZoneInfo _businessZone;

    public DeliveryRules(IBusinessCalendar calendar, RulesOptions options)
    {
        _calendar = calendar;
        _options = options;
        _businessZone = TimeZoneInfo.FindSystemTimeZoneById(options.BusinessTimeZone);
    }

    /// <summary>The instant as a wall-clock time in the business time zone (Japan time).</summary>
    public DateTime ToBusinessTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _businessZone).DateTime;

    public bool IsAcceptanceDay(DateOnly day) =>
        day.DayOfWeek != DayOfWeek.Sunday && IsOpen(day);

    public bool IsDeliveryDay(DateOnly day, bool saturdayCounts) =>
        day.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => saturdayCounts && IsOpen(day),
            _ => IsOpen(day),
        };

    /// <summary>The 締時刻 that applies: furniture has its own; standard and special orders use the channel's.</summary>
    public TimeOnly CutoffFor(OrderChannel channel, DeliveryClass deliveryClass, RegionCutoffs region) =>
        deliveryClass == DeliveryClass.Furniture ? _options.FurnitureCutoff : region.CutoffFor(channel);

    /// <summary>
    /// The receipt day when it is an acceptance day and the order arrived strictly before the cutoff
    /// (16:59:59 is in time for 17:00, 17:00:00 is not); otherwise the next acceptance day.
    /// FAX orders count from the FAX's receipt time, not from when they were keyed.
    /// </summary>
    public DateOnly AcceptanceDay(DateTimeOffset receivedAt, TimeOnly cutoff)
    {
        var local = ToBusinessTime(receivedAt);
        var day = DateOnly.FromDateTime(local);
        if (IsAcceptanceDay(day) && TimeOnly.FromDateTime(local) < cutoff)
            return day;
        do
            day = day.AddDays(1);
        while (!IsAcceptanceDay(day));
        return day;
    }

    /// <summary>
    /// The earliest delivery date after <paramref name="acceptanceDay"/>: the next delivery day for standard
    /// items, the <see cref="RulesOptions.FurnitureDeliveryDays"/>th for furniture (翌々日), each plus the
    /// region's extra lead days; null for a special order. Saturday counts only for a standard order
    /// with a Saturday request.
    /// </summary>
    public DateOnly? EarliestDelivery(DateOnly acceptanceDay, DeliveryClass deliveryClass, RegionCutoffs region, bool saturdayRequested)
    {
        if (deliveryClass == DeliveryClass.SpecialOrder)
            return null;

        var deliveryDays = deliveryClass == DeliveryClass.Furniture ? _options.FurnitureDeliveryDays : 1;
        var saturdayCounts = saturdayRequested && deliveryClass == DeliveryClass.Standard;
        var day = acceptanceDay;
        for (var remaining = deliveryDays + region.ExtraLeadDays; remaining > 0;)
        {
            day = day.AddDays(1);
            if (IsDeliveryDay(day, saturdayCounts))
                remaining--;
        }
        return day;
    }

    public DeliveryQuote Quote(DateTimeOffset receivedAt, OrderChannel channel, DeliveryClass deliveryClass,
                               RegionCutoffs region, bool saturdayRequested = false)
    {
        var acceptanceDay = AcceptanceDay(receivedAt, CutoffFor(channel, deliveryClass, region));
        return new DeliveryQuote(acceptanceDay, EarliestDelivery(acceptanceDay, deliveryClass, region, saturdayRequested));
    }

    /// <summary>
    /// お届け日指定: on or after the earliest date, never a Sunday, holiday or closure day; a Saturday only
    /// for a standard order whose lines all allow Saturday (<paramref name="saturdayAllowed"/>: no truck or
    /// phone mark, no product flagged against Saturday), and then the earliest date counts Saturdays.
    /// </summary>
    public RequestedDateCheck CheckRequestedDate(DateOnly acceptanceDay, DeliveryClass deliveryClass, RegionCutoffs region,
                                                 DateOnly requested, bool saturdayAllowed)
    {
        if (deliveryClass == DeliveryClass.SpecialOrder)
            return new RequestedDateCheck(RequestedDateRejection.SpecialOrderHasNoDate, null);

        var saturdayPossible = saturdayAllowed && deliveryClass == DeliveryClass.Standard;
        var saturday = requested.DayOfWeek == DayOfWeek.Saturday;
        var earliest = EarliestDelivery(acceptanceDay, deliveryClass, region, saturdayRequested: saturday && saturdayPossible);
        var rejection =
            _calendar.IsClosureDay(requested) ? RequestedDateRejection.ClosureDay
            : _calendar.IsNationalHoliday(requested) ? RequestedDateRejection.Holiday
            : requested.DayOfWeek == DayOfWeek.Sunday ? RequestedDateRejection.Sunday
            : saturday && !saturdayPossible ? RequestedDateRejection.SaturdayNotAllowed
            : requested < earliest ? RequestedDateRejection.TooEarly
            : (RequestedDateRejection?)null;
        return new RequestedDateCheck(rejection, earliest);
    }

    /// <inheritdoc cref="CheckRequestedDate(DateOnly, DeliveryClass, RegionCutoffs, DateOnly, bool)"/>
    public RequestedDateCheck CheckRequestedDate(DateTimeOffset receivedAt, OrderChannel channel, DeliveryClass deliveryClass,
                                                 RegionCutoffs region, DateOnly requested, bool saturdayAllowed) =>
        CheckRequestedDate(AcceptanceDay(receivedAt, CutoffFor(channel, deliveryClass, region)),
                           deliveryClass, region, requested, saturdayAllowed);

    private bool IsOpen(DateOnly day) => !_calendar.IsNationalHoliday(day) && !_calendar.IsClosureDay(day);
}

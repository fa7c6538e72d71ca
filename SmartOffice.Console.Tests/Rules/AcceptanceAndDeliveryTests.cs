using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Rules.TestValues;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>受付日 and お届け日 — 注文したらどのくらいで届きますか? / 土曜に注文した場合… / 日曜や祝日に注文した場合….</summary>
public class AcceptanceAndDeliveryTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();
    private static readonly RulesOptions Options = new();

    /// <summary>A region with earlier cutoffs and one extra day (test values; real ones are supervisor settings).</summary>
    private static readonly RegionCutoffs Remote = new(new TimeOnly(16, 0), new TimeOnly(16, 30), ExtraLeadDays: 1);

    [Theory]
    // 土曜日の締時刻までの注文は月曜お届け
    [InlineData("2026-06-06T10:00:00+09:00", OrderChannel.Web, "2026-06-06", "2026-06-08")]
    // 日曜日の注文の場合、月曜受付となり、火曜お届け
    [InlineData("2026-06-07T10:00:00+09:00", OrderChannel.Web, "2026-06-08", "2026-06-09")]
    // 最短翌営業日: a weekday order before the cutoff arrives the next day
    [InlineData("2026-06-02T10:00:00+09:00", OrderChannel.Fax, "2026-06-02", "2026-06-03")]
    // A FAX received 16:55 and keyed 17:20 counts from 16:55: before the 17:00 cutoff
    [InlineData("2026-06-05T16:55:00+09:00", OrderChannel.Fax, "2026-06-05", "2026-06-08")]
    // 祝日の注文は翌営業日の受付: 2026-09-21 敬老の日, 09-22 国民の休日, 09-23 秋分の日
    [InlineData("2026-09-21T10:00:00+09:00", OrderChannel.Web, "2026-09-24", "2026-09-25")]
    // Saturday after its cutoff: accepted Monday, delivered Tuesday
    [InlineData("2026-06-06T17:30:00+09:00", OrderChannel.Web, "2026-06-08", "2026-06-09")]
    public void Standard_orders_follow_the_FAQ(string receivedAt, OrderChannel channel, string acceptanceDay, string earliest)
    {
        var quote = Rules.QuoteDelivery(Instant(receivedAt), channel, DeliveryClass.Standard);

        Assert.Equal(new DeliveryQuote(Day(acceptanceDay), Day(earliest)), quote);
    }

    [Theory]
    // 本州 cutoffs FAX 17:00 / Web 17:30: strictly before is in time
    [InlineData("2026-06-02T16:59:59+09:00", OrderChannel.Fax, "2026-06-02")]
    [InlineData("2026-06-02T17:00:00+09:00", OrderChannel.Fax, "2026-06-03")]
    [InlineData("2026-06-02T17:29:59+09:00", OrderChannel.Web, "2026-06-02")]
    [InlineData("2026-06-02T17:30:00+09:00", OrderChannel.Web, "2026-06-03")]
    [InlineData("2026-06-02T17:15:00+09:00", OrderChannel.Fax, "2026-06-03")]
    [InlineData("2026-06-02T17:15:00+09:00", OrderChannel.Web, "2026-06-02")]
    // The same instants given in UTC are converted to Japan time
    [InlineData("2026-06-02T07:59:59Z", OrderChannel.Fax, "2026-06-02")]
    [InlineData("2026-06-02T08:00:00Z", OrderChannel.Fax, "2026-06-03")]
    [InlineData("2026-06-02T08:29:59+00:00", OrderChannel.Web, "2026-06-02")]
    [InlineData("2026-06-02T08:30:00+00:00", OrderChannel.Web, "2026-06-03")]
    // 2026-06-01 23:30 UTC is already Tuesday 08:30 in Japan; 03:59:59 at UTC−5 is 17:59:59 JST
    [InlineData("2026-06-01T23:30:00Z", OrderChannel.Fax, "2026-06-02")]
    [InlineData("2026-06-02T03:59:59-05:00", OrderChannel.Fax, "2026-06-03")]
    public void An_order_is_accepted_that_day_only_strictly_before_its_cutoff_in_Japan_time(string receivedAt, OrderChannel channel,
        string acceptanceDay)
    {
        var quote = Rules.QuoteDelivery(Instant(receivedAt), channel, DeliveryClass.Standard);

        Assert.Equal(Day(acceptanceDay), quote.AcceptanceDay);
    }

    [Theory]
    // トラックマーク: 13時が締時刻、翌々日のお届け
    [InlineData("2026-06-02T12:59:59+09:00", OrderChannel.Fax, "2026-06-02", "2026-06-04")]
    [InlineData("2026-06-02T13:00:00+09:00", OrderChannel.Fax, "2026-06-03", "2026-06-05")]
    [InlineData("2026-06-02T13:00:00+09:00", OrderChannel.Web, "2026-06-03", "2026-06-05")]
    // Friday: Monday is the first delivery day, Tuesday the second
    [InlineData("2026-06-05T10:00:00+09:00", OrderChannel.Web, "2026-06-05", "2026-06-09")]
    [InlineData("2026-06-06T10:00:00+09:00", OrderChannel.Web, "2026-06-06", "2026-06-09")]
    public void Furniture_has_a_1pm_cutoff_and_arrives_the_second_delivery_day(string receivedAt, OrderChannel channel,
        string acceptanceDay, string earliest)
    {
        var quote = Rules.QuoteDelivery(Instant(receivedAt), channel, DeliveryClass.Furniture);

        Assert.Equal(new DeliveryQuote(Day(acceptanceDay), Day(earliest)), quote);
    }

    [Theory]
    // 電話マーク: お取り寄せ, delivery date advised individually; the channel's cutoff decides the acceptance day
    [InlineData("2026-06-02T16:59:59+09:00", OrderChannel.Fax, "2026-06-02")]
    [InlineData("2026-06-02T17:00:00+09:00", OrderChannel.Fax, "2026-06-03")]
    [InlineData("2026-06-02T17:15:00+09:00", OrderChannel.Web, "2026-06-02")]
    public void Special_orders_get_an_acceptance_day_but_no_delivery_date(string receivedAt, OrderChannel channel, string acceptanceDay)
    {
        var quote = Rules.QuoteDelivery(Instant(receivedAt), channel, DeliveryClass.SpecialOrder, saturdayRequested: true);

        Assert.Equal(new DeliveryQuote(Day(acceptanceDay), null), quote);
    }

    [Theory]
    // With a Saturday request, Saturday counts as a delivery day (standard items only)
    [InlineData(DeliveryClass.Standard, false, "2026-06-08")]
    [InlineData(DeliveryClass.Standard, true, "2026-06-06")]
    [InlineData(DeliveryClass.Furniture, false, "2026-06-09")]
    [InlineData(DeliveryClass.Furniture, true, "2026-06-09")]
    public void A_Saturday_request_lets_a_Friday_standard_order_arrive_Saturday(DeliveryClass deliveryClass, bool saturdayRequested,
        string earliest)
    {
        var quote = Rules.QuoteDelivery(Instant("2026-06-05T10:00:00+09:00"), OrderChannel.Web, deliveryClass, saturdayRequested);

        Assert.Equal(Day(earliest), quote.EarliestDelivery);
    }

    [Theory]
    // Golden Week 2026: 4/29 (Wed) 昭和の日, 5/3 (Sun) 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日
    [InlineData("2026-04-28T10:00:00+09:00", DeliveryClass.Standard, "2026-04-28", "2026-04-30")]
    [InlineData("2026-04-28T18:00:00+09:00", DeliveryClass.Standard, "2026-04-30", "2026-05-01")]
    [InlineData("2026-04-29T10:00:00+09:00", DeliveryClass.Standard, "2026-04-30", "2026-05-01")]
    [InlineData("2026-05-01T10:00:00+09:00", DeliveryClass.Standard, "2026-05-01", "2026-05-07")]
    [InlineData("2026-05-01T18:00:00+09:00", DeliveryClass.Standard, "2026-05-02", "2026-05-07")]
    [InlineData("2026-05-02T10:00:00+09:00", DeliveryClass.Standard, "2026-05-02", "2026-05-07")]
    [InlineData("2026-05-02T18:00:00+09:00", DeliveryClass.Standard, "2026-05-07", "2026-05-08")]
    [InlineData("2026-05-05T10:00:00+09:00", DeliveryClass.Standard, "2026-05-07", "2026-05-08")]
    [InlineData("2026-05-06T10:00:00+09:00", DeliveryClass.Standard, "2026-05-07", "2026-05-08")]
    [InlineData("2026-05-01T12:00:00+09:00", DeliveryClass.Furniture, "2026-05-01", "2026-05-08")]
    // 年末年始 (closure 12/29–1/3): 12/28 is the last acceptance day of 2026, 2027-01-04 (Mon) the first of 2027
    [InlineData("2026-12-25T10:00:00+09:00", DeliveryClass.Standard, "2026-12-25", "2026-12-28")]
    [InlineData("2026-12-26T10:00:00+09:00", DeliveryClass.Standard, "2026-12-26", "2026-12-28")]
    [InlineData("2026-12-28T10:00:00+09:00", DeliveryClass.Standard, "2026-12-28", "2027-01-04")]
    [InlineData("2026-12-28T17:00:00+09:00", DeliveryClass.Standard, "2027-01-04", "2027-01-05")]
    [InlineData("2026-12-30T10:00:00+09:00", DeliveryClass.Standard, "2027-01-04", "2027-01-05")]
    [InlineData("2027-01-02T10:00:00+09:00", DeliveryClass.Standard, "2027-01-04", "2027-01-05")]
    [InlineData("2026-12-28T10:00:00+09:00", DeliveryClass.Furniture, "2026-12-28", "2027-01-05")]
    public void Golden_Week_and_the_year_end_move_acceptance_and_delivery(string faxReceivedAt, DeliveryClass deliveryClass,
        string acceptanceDay, string earliest)
    {
        var quote = Rules.QuoteDelivery(Instant(faxReceivedAt), OrderChannel.Fax, deliveryClass);

        Assert.Equal(new DeliveryQuote(Day(acceptanceDay), Day(earliest)), quote);
    }

    [Theory]
    [InlineData("2026-06-06", true)]    // Saturday
    [InlineData("2026-06-07", false)]   // Sunday
    [InlineData("2026-06-08", true)]
    [InlineData("2026-05-06", false)]   // 振替休日
    [InlineData("2026-09-22", false)]   // 国民の休日
    [InlineData("2026-12-28", true)]
    [InlineData("2026-12-29", false)]   // closure, not a holiday
    [InlineData("2027-01-02", false)]   // closure on a Saturday
    [InlineData("2027-01-04", true)]
    public void Acceptance_days_are_Monday_to_Saturday_except_holidays_and_closure_days(string day, bool expected)
    {
        Assert.Equal(expected, Rules.IsAcceptanceDay(Day(day)));
    }

    [Theory]
    [InlineData("2026-06-02T15:59:59+09:00", OrderChannel.Fax, DeliveryClass.Standard, false, "2026-06-02", "2026-06-04")]
    [InlineData("2026-06-02T16:00:00+09:00", OrderChannel.Fax, DeliveryClass.Standard, false, "2026-06-03", "2026-06-05")]
    [InlineData("2026-06-02T16:15:00+09:00", OrderChannel.Web, DeliveryClass.Standard, false, "2026-06-02", "2026-06-04")]
    [InlineData("2026-06-02T16:00:00+09:00", OrderChannel.Fax, DeliveryClass.SpecialOrder, false, "2026-06-03", null)]
    // furniture keeps its 13:00 cutoff and adds the region's day to 翌々日
    [InlineData("2026-06-02T12:59:59+09:00", OrderChannel.Fax, DeliveryClass.Furniture, false, "2026-06-02", "2026-06-05")]
    // the extra day may be a requested Saturday
    [InlineData("2026-06-04T10:00:00+09:00", OrderChannel.Web, DeliveryClass.Standard, true, "2026-06-04", "2026-06-06")]
    [InlineData("2026-06-04T10:00:00+09:00", OrderChannel.Web, DeliveryClass.Standard, false, "2026-06-04", "2026-06-08")]
    public void Other_regions_use_their_own_cutoffs_and_extra_lead_days(string receivedAt, OrderChannel channel,
        DeliveryClass deliveryClass,
                                                                         bool saturdayRequested, string acceptanceDay, string? earliest)
    {
        var delivery = new DeliveryRules(new StaticBusinessCalendar(Options), Options);

        var quote = delivery.Quote(Instant(receivedAt), channel, deliveryClass, Remote, saturdayRequested);

        Assert.Equal(new DeliveryQuote(Day(acceptanceDay), OptionalDay(earliest)), quote);
    }

    [Fact]
    public void Closure_days_come_from_the_settings()
    {
        // お盆 added as a closure: Wednesday's order waits for Monday
        var options = new RulesOptions { ClosureDays = "12-29..01-03, 08-13..08-15" };
        var delivery = new DeliveryRules(new StaticBusinessCalendar(options), options);

        var quote = delivery.Quote(Instant("2026-08-12T10:00:00+09:00"), OrderChannel.Web, DeliveryClass.Standard,
            RegionCutoffs.Honshu(options));

        Assert.Equal(new DeliveryQuote(Day("2026-08-12"), Day("2026-08-17")), quote);
    }

    [Fact]
    public void The_rules_see_the_business_calendar_only_through_its_interface()
    {
        // e.g. a supervisor adds a one-off holiday to the calendar table
        var calendar = new OneHolidayCalendar(Day("2026-06-03"));
        var delivery = new DeliveryRules(calendar, Options);

        var quote = delivery.Quote(Instant("2026-06-02T18:00:00+09:00"), OrderChannel.Web, DeliveryClass.Standard,
            RegionCutoffs.Honshu(Options));

        Assert.Equal(new DeliveryQuote(Day("2026-06-04"), Day("2026-06-05")), quote);
    }

    private sealed class OneHolidayCalendar(DateOnly holiday) : IBusinessCalendar
    {
        public bool IsNationalHoliday(DateOnly day) => day == holiday;

        public bool IsClosureDay(DateOnly day) => false;

        public string? HolidayName(DateOnly day) => day == holiday ? "臨時休日" : null;
    }
}

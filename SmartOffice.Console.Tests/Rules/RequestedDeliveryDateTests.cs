using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Rules.TestValues;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>お届け日指定 — お届け日を指定したい / 土日でも配送してもらえますか?.</summary>
public class RequestedDeliveryDateTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();
    private static readonly RulesOptions Options = new();
    private static readonly DeliveryRules Delivery = new(new StaticBusinessCalendar(Options), Options);
    private static readonly RegionCutoffs Honshu = RegionCutoffs.Honshu(Options);

    [Theory]
    // FAX on Tuesday 2026-06-02 10:00: earliest standard Wednesday 06-03, furniture Thursday 06-04
    [InlineData(DeliveryClass.Standard, "2026-06-03", true)]
    [InlineData(DeliveryClass.Standard, "2026-06-02", false)]   // before the earliest date
    [InlineData(DeliveryClass.Standard, "2026-06-19", true)]
    [InlineData(DeliveryClass.Standard, "2026-06-07", false)]   // 日曜
    [InlineData(DeliveryClass.Standard, "2026-07-20", false)]   // 祝日 (海の日)
    [InlineData(DeliveryClass.Standard, "2026-09-22", false)]   // 国民の休日
    [InlineData(DeliveryClass.Standard, "2026-12-29", false)]   // 年末年始
    [InlineData(DeliveryClass.Standard, "2027-01-02", false)]   // 年末年始 on a Saturday
    [InlineData(DeliveryClass.Standard, "2026-06-06", true)]    // 土曜 on request
    [InlineData(DeliveryClass.Furniture, "2026-06-04", true)]
    [InlineData(DeliveryClass.Furniture, "2026-06-03", false)]
    [InlineData(DeliveryClass.Furniture, "2026-06-06", false)]  // トラックマーク: no Saturday
    [InlineData(DeliveryClass.SpecialOrder, "2026-06-10", false)] // 電話マーク: advised individually
    public void Requested_dates_follow_the_FAQ(DeliveryClass deliveryClass, string requested, bool allowed)
    {
        Assert.Equal(allowed, Rules.IsAllowedDeliveryDate(Instant("2026-06-02T10:00:00+09:00"), OrderChannel.Fax, deliveryClass,
            Day(requested)));
    }

    [Theory]
    // Friday before the cutoff: with Saturday counting, the next day is already possible
    [InlineData("2026-06-05T10:00:00+09:00", "2026-06-06", true)]
    // Friday after the cutoff is accepted Saturday: the next Saturday delivery day is a week later
    [InlineData("2026-06-05T17:30:00+09:00", "2026-06-06", false)]
    [InlineData("2026-06-05T17:30:00+09:00", "2026-06-13", true)]
    // Golden Week 2026: Friday 05-01's order may be delivered on Saturday 05-02, not on 05-04..05-06
    [InlineData("2026-05-01T10:00:00+09:00", "2026-05-02", true)]
    [InlineData("2026-05-01T10:00:00+09:00", "2026-05-06", false)]
    [InlineData("2026-05-01T10:00:00+09:00", "2026-05-07", true)]
    public void A_requested_Saturday_is_checked_against_the_earliest_date_counting_Saturdays(string receivedAt, string requested,
        bool allowed)
    {
        Assert.Equal(allowed, Rules.IsAllowedDeliveryDate(Instant(receivedAt), OrderChannel.Web, DeliveryClass.Standard, Day(requested)));
    }

    [Theory]
    [InlineData(DeliveryClass.Standard, "2026-06-03", true, null)]
    [InlineData(DeliveryClass.Standard, "2026-06-02", true, RequestedDateRejection.TooEarly)]
    [InlineData(DeliveryClass.Standard, "2026-06-07", true, RequestedDateRejection.Sunday)]
    [InlineData(DeliveryClass.Standard, "2026-07-20", true, RequestedDateRejection.Holiday)]
    [InlineData(DeliveryClass.Standard, "2026-12-29", true, RequestedDateRejection.ClosureDay)]
    [InlineData(DeliveryClass.Standard, "2027-01-01", true, RequestedDateRejection.ClosureDay)]  // 元日 too: the closure names it
    [InlineData(DeliveryClass.Standard, "2026-06-06", true, null)]
    // a product flagged against Saturday, or any truck-mark line, rules Saturday out
    [InlineData(DeliveryClass.Standard, "2026-06-06", false, RequestedDateRejection.SaturdayNotAllowed)]
    [InlineData(DeliveryClass.Furniture, "2026-06-06", true, RequestedDateRejection.SaturdayNotAllowed)]
    [InlineData(DeliveryClass.Furniture, "2026-06-03", true, RequestedDateRejection.TooEarly)]
    [InlineData(DeliveryClass.SpecialOrder, "2026-06-10", true, RequestedDateRejection.SpecialOrderHasNoDate)]
    public void A_refused_date_says_why(DeliveryClass deliveryClass, string requested, bool saturdayAllowed,
        RequestedDateRejection? rejection)
    {
        var check = Delivery.CheckRequestedDate(Day("2026-06-02"), deliveryClass, Honshu, Day(requested), saturdayAllowed);

        Assert.Equal(rejection, check.Rejection);
        Assert.Equal(rejection is null, check.IsAllowed);
    }

    [Theory]
    [InlineData("2026-06-10", DeliveryClass.Standard, "2026-06-11")]      // weekday request: earliest without Saturday
    [InlineData("2026-06-05", DeliveryClass.Standard, "2026-06-06")]      // Saturday request counts Saturday
    [InlineData("2026-06-05", DeliveryClass.Furniture, "2026-06-09")]
    public void The_check_reports_the_earliest_date_it_used(string acceptanceDay, DeliveryClass deliveryClass, string earliest)
    {
        var requested = Day(acceptanceDay).AddDays(1);

        var check = Delivery.CheckRequestedDate(Day(acceptanceDay), deliveryClass, Honshu, requested, saturdayAllowed: true);

        Assert.Equal(Day(earliest), check.EarliestDelivery);
    }
}

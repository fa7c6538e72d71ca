namespace SmartOffice.Domain.Rules;

/// <summary>A delivery region's 締時刻 per channel and the delivery days it adds to the earliest date.</summary>
public sealed record RegionCutoffs(TimeOnly FaxCutoff, TimeOnly WebCutoff, int ExtraLeadDays)
{
    /// <summary>本州: the only cutoffs the FAQ states (FAX 17:00 / Web 17:30), no extra days.</summary>
    public static RegionCutoffs Honshu(RulesOptions options) =>
        new(options.DefaultHonshuFaxCutoff, options.DefaultHonshuWebCutoff, 0);

    public TimeOnly CutoffFor(OrderChannel channel) => channel switch
    {
        OrderChannel.Fax => FaxCutoff,
        OrderChannel.Web => WebCutoff,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}

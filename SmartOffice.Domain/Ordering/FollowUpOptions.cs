using Microsoft.Extensions.Options;

namespace SmartOffice.Domain.Ordering;

/// <summary>
/// Settings section <c>FollowUp</c>: the desk's follow-up of stock-outs and special orders
/// (docs/stock-out-and-special-orders.md).
/// </summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>
    /// Days a back order has waited at which the next age band starts, ascending (e.g. [3, 7]: 0–2 days, 3–6 days, 7 days and
    /// more). Null takes <see cref="DefaultBands"/>; configuration binding appends to a list set here, so it stays null.
    /// </summary>
    public int[]? BackOrderAgeBands { get; set; }

    /// <summary>The latest advised date accepted, in days after today: a date further away is a typing mistake.</summary>
    public int AdvisedDateMaxDays { get; set; } = 365;

    public static readonly int[] DefaultBands = [3, 7];

    public IReadOnlyList<int> Bands => BackOrderAgeBands is { Length: > 0 } bands ? bands : DefaultBands;
}

internal sealed class FollowUpSettingsCheck : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions o)
    {
        var check = new SettingsCheck(FollowUpOptions.Section);
        var bands = o.Bands;
        check.Require(bands.Count <= 5 && bands[0] > 0 && bands.Zip(bands.Skip(1)).All(p => p.First < p.Second),
            nameof(o.BackOrderAgeBands), string.Join(",", bands),
                "are not age bands: use up to 5 whole days, each above 0 and larger than the one before, e.g. [3, 7].");
        check.Require(o.AdvisedDateMaxDays is >= 30 and <= 3650, nameof(o.AdvisedDateMaxDays), o.AdvisedDateMaxDays,
            "is out of range: use 30 to 3650 days.");
        return check.Result;
    }
}

using Microsoft.Extensions.Options;

namespace SmartOffice.Domain.Rules;

/// <summary>The <c>Rules</c> section at start: a time zone this machine knows, readable closure days, amounts and
/// limits in range.</summary>
internal sealed class RulesSettingsCheck : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions o)
    {
        var check = new SettingsCheck(RulesOptions.SectionName);
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(o.BusinessTimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            check.Fail(nameof(o.BusinessTimeZone), o.BusinessTimeZone,
                "is not a time zone this machine knows: use an IANA name such as Asia/Tokyo.");
        }
        try
        {
            ClosureDayRange.ParseList(o.ClosureDays ?? "");
        }
        catch (FormatException e)
        {
            check.Fail(nameof(o.ClosureDays), o.ClosureDays,
                $"cannot be read ({e.Message}): write month-day ranges separated by commas, e.g. 12-29..01-03, 08-13..08-15.");
        }
        check.Range(o.FurnitureDeliveryDays, 0, 30, nameof(o.FurnitureDeliveryDays), "days");
        check.Range(o.FreeShippingThreshold, 0, 10_000_000, nameof(o.FreeShippingThreshold), "yen");
        check.Range(o.ShippingFee, 0, 100_000, nameof(o.ShippingFee), "yen");
        check.Range(o.ShippingTaxRatePercent, 0, 100, nameof(o.ShippingTaxRatePercent), "percent");
        check.Range(o.StandardTaxRatePercent, 0, 100, nameof(o.StandardTaxRatePercent), "percent");
        check.Range(o.ReducedTaxRatePercent, 0, 100, nameof(o.ReducedTaxRatePercent), "percent");
        check.Range(o.YenPerPoint, 1, 1_000_000, nameof(o.YenPerPoint), "yen");
        check.Range(o.PointValidityMonths, 1, 120, nameof(o.PointValidityMonths), "months");
        check.Range(o.LockoutThreshold, 1, 100, nameof(o.LockoutThreshold), "failed sign-ins");
        check.Range(o.MinimumWebPasswordLength, 1, 64, nameof(o.MinimumWebPasswordLength), "characters");
        check.Range(o.ReturnWindowDays, 0, 3650, nameof(o.ReturnWindowDays), "days");
        check.Range(o.MaximumLineQuantity, 1, 1_000_000, nameof(o.MaximumLineQuantity), "units");
        // The order line's comment column holds 100 characters.
        check.Range(o.MaximumLineCommentLength, 1, 100, nameof(o.MaximumLineCommentLength), "characters");
        check.Range(o.QuoteValidDays, 1, 365, nameof(o.QuoteValidDays), "days");
        return check.Result;
    }
}

namespace SmartOffice.Domain.Rules;

/// <summary>
/// The rules' settings, bound from the <c>"Rules"</c> section of appsettings. Every number that
/// the FAQ does not state lives here (docs/business-rules.md), never as a literal in rule code.
/// </summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    /// <summary>All business dates and cutoffs are in this zone (Japan time, no DST).</summary>
    public string BusinessTimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>締時刻 of truck-mark items (furniture), whatever the channel.</summary>
    public TimeOnly FurnitureCutoff { get; set; } = new(13, 0);

    /// <summary>Furniture arrives on this delivery day after the acceptance day (翌々日 = 2).</summary>
    public int FurnitureDeliveryDays { get; set; } = 2;

    /// <summary>Goods subtotal (yen ex-tax) from which one order ships free.</summary>
    public int FreeShippingThreshold { get; set; } = 2500;

    /// <summary>配送料, yen ex-tax.</summary>
    public int ShippingFee { get; set; } = 300;

    public int ShippingTaxRatePercent { get; set; } = 10;

    /// <summary>1 point per this many yen of goods ex-tax.</summary>
    public int YenPerPoint { get; set; } = 100;

    /// <summary>Points stay valid until the end of the month this many months after the order month.</summary>
    public int PointValidityMonths { get; set; } = 12;

    /// <summary>A web user is locked out when the failed password count exceeds this.</summary>
    public int LockoutThreshold { get; set; } = 10;

    /// <summary>The shortest password a web user may choose (assumption: the FAQ names none).</summary>
    public int MinimumWebPasswordLength { get; set; } = 8;

    /// <summary>The return form must arrive on or before delivery date + this many days.</summary>
    public int ReturnWindowDays { get; set; } = 90;

    public int StandardTaxRatePercent { get; set; } = 10;

    /// <summary>軽減税率 for food and beverages.</summary>
    public int ReducedTaxRatePercent { get; set; } = 8;

    /// <summary>Rounding of the tax per slip and rate (インボイス制度: once per slip per rate).</summary>
    public TaxRounding TaxRounding { get; set; } = TaxRounding.Floor;

    /// <summary>
    /// Company closure days (特別休業日) as comma-separated month-day ranges, e.g.
    /// <c>"12-29..01-03, 08-13..08-15"</c>; a range may span the new year. One string rather than a
    /// list because configuration binding appends list items to a list's defaults instead of replacing them.
    /// </summary>
    public string ClosureDays { get; set; } = "12-29..01-03";

    /// <summary>The largest quantity one order line may carry; more is taken for a typing error (assumption: the FAQ names none).</summary>
    public int MaximumLineQuantity { get; set; } = 9999;

    /// <summary>行コメント length limit, characters (the delivery slip prints this many; the column holds at most 100).</summary>
    public int MaximumLineCommentLength { get; set; } = 100;

    /// <summary>
    /// How long a console instance uses its copy of the business calendar before reading the table again: an edit made on
    /// another instance sharing the database is seen within this many minutes (on the editing instance, at once).
    /// </summary>
    public int CalendarCacheMinutes { get; set; } = 1;

    /// <summary>簡易見積書: a quote is valid until this many days after the day it is issued (assumption: the issue asks for 14).</summary>
    public int QuoteValidDays { get; set; } = 14;

    public TimeOnly DefaultHonshuFaxCutoff { get; set; } = new(17, 0);

    public TimeOnly DefaultHonshuWebCutoff { get; set; } = new(17, 30);
}

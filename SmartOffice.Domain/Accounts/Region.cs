using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// 地域 — a delivery region with its own cutoffs (締時刻) and extra lead days.
/// Only Honshu's FAX 17:00 / Web 17:30 come from the FAQ; the rest are supervisor settings.
/// </summary>
public class Region : IVersioned
{
    public int Id { get; set; }
    /// <summary>Stable key: Honshu, Hokkaido, Shikoku, Kyushu, Okinawa, Islands.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public TimeOnly FaxCutoff { get; set; }
    public TimeOnly WebCutoff { get; set; }
    /// <summary>Delivery days added to the standard earliest delivery date.</summary>
    public int ExtraLeadDays { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }

    /// <summary>The cutoffs the rules use for this region (not mapped: it has no setter).</summary>
    public RegionCutoffs Cutoffs => new(FaxCutoff, WebCutoff, ExtraLeadDays);
}

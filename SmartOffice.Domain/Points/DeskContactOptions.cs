namespace SmartOffice.Domain.Points;

/// <summary>
/// The customer desk's contact block printed at the foot of every faxed reply (DOMAIN.md, "Customer desk contact"),
/// bound from the <c>"DeskContact"</c> section of appsettings; the defaults are DOMAIN.md's.
/// </summary>
public sealed class DeskContactOptions
{
    public const string SectionName = "DeskContact";

    public string Name { get; set; } = "smartoffice カスタマーデスク";
    public string Phone { get; set; } = "0120-956-707";
    public string Fax { get; set; } = "0120-956-808";
    public string Email { get; set; } = "customer-desk@smartoffice.jp";
    public string Hours { get; set; } = "月〜土(祝日を除く) 9:00〜18:00";
}

namespace SmartOffice.Domain;

/// <summary>
/// The customer desk's contact details printed at the bottom of every sheet faxed back (stock-out notices, point
/// balances…), bound from the <c>"Desk"</c> section; the defaults are DOMAIN.md's.
/// </summary>
public sealed class DeskContactOptions
{
    public const string SectionName = "Desk";

    public string Name { get; set; } = "smartoffice カスタマーデスク";
    public string Phone { get; set; } = "0120-956-707";
    public string Fax { get; set; } = "0120-956-808";
    public string Email { get; set; } = "customer-desk@smartoffice.jp";
    public string Hours { get; set; } = "月〜土(祝日を除く) 9:00〜18:00";
}

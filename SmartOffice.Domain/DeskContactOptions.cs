namespace SmartOffice.Domain;

/// <summary>
/// The customer desk's contact details printed at the bottom of every sheet faxed back (stock-out notices, point
/// balances…), bound from the <c>"Desk"</c> section; the defaults are in docs/business-rules.md.
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

/// <summary>The <c>Desk</c> section at start: what every sheet faxed back must print.</summary>
internal sealed class DeskContactSettingsCheck : Microsoft.Extensions.Options.IValidateOptions<DeskContactOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DeskContactOptions o)
    {
        var check = new SettingsCheck(DeskContactOptions.SectionName);
        check.NotBlank(o.Name, nameof(o.Name), "the desk's name as sheets print it");
        check.NotBlank(o.Phone, nameof(o.Phone), "the desk's phone number");
        check.NotBlank(o.Fax, nameof(o.Fax), "the desk's FAX number");
        return check.Result;
    }
}

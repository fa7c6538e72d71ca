namespace SmartOffice.Domain.Persistence;

/// <summary>One region's starting values, from the <c>Regions</c> section (supervisors edit them afterwards).</summary>
public sealed class RegionDefault
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public TimeOnly FaxCutoff { get; set; }
    public TimeOnly WebCutoff { get; set; }
    public int ExtraLeadDays { get; set; }
}

/// <summary>Values an empty database starts with: the <c>Regions</c> section.</summary>
public sealed class ReferenceDataOptions
{
    public List<RegionDefault> Regions { get; set; } = [];
}

/// <summary>The <c>Regions</c> section at start: at least one region, each with a code of its own, a name and a lead time in range.</summary>
internal sealed class ReferenceDataSettingsCheck : Microsoft.Extensions.Options.IValidateOptions<ReferenceDataOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ReferenceDataOptions o)
    {
        var check = new SettingsCheck("Regions");
        check.Require(o.Regions.Count > 0, "", "(none)", "lists no region: an empty database needs its regions (see appsettings.json).");
        for (var i = 0; i < o.Regions.Count; i++)
        {
            var region = o.Regions[i];
            check.NotBlank(region.Code, $"{i}:Code", "the region's code, e.g. Honshu");
            check.NotBlank(region.Name, $"{i}:Name", "the region's name, e.g. 本州");
            check.Require(o.Regions.Take(i).All(r => r.Code != region.Code), $"{i}:Code", region.Code, "is used by an earlier region too: give each region its own code.");
            check.Range(region.ExtraLeadDays, 0, 30, $"{i}:ExtraLeadDays", "days");
        }
        return check.Result;
    }
}

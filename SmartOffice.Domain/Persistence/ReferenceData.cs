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

/// <summary>The <c>Regions</c> section at start: at least one region, each with a code of its own, a name and a lead
/// time in range.</summary>
/// <remarks>
/// The configuration binder drops a list element it cannot convert (「25:00」 as a cutoff) without a word, so the region would
/// simply be missing; the raw section's cutoffs are read here too.
/// </remarks>
internal sealed class ReferenceDataSettingsCheck(Microsoft.Extensions.Configuration.IConfiguration configuration)
    : Microsoft.Extensions.Options.IValidateOptions<ReferenceDataOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ReferenceDataOptions o)
    {
        var check = new SettingsCheck("Regions");
        foreach (var region in configuration.GetSection("Regions").GetChildren())
        {
            foreach (var cutoff in new[] { nameof(RegionDefault.FaxCutoff), nameof(RegionDefault.WebCutoff) })
            {
                var text = region[cutoff];
                check.Require(text is null || TimeOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _),
                    $"{region.Key}:{cutoff}", text, "is not a time of day: write it as HH:mm, e.g. 17:00.");
            }
        }
        check.Require(o.Regions.Count > 0, "", "(none)", "lists no region: an empty database needs its regions (see appsettings.json).");
        for (var i = 0; i < o.Regions.Count; i++)
        {
            var region = o.Regions[i];
            check.NotBlank(region.Code, $"{i}:Code", "the region's code, e.g. Honshu");
            check.NotBlank(region.Name, $"{i}:Name", "the region's name, e.g. 本州");
            check.Require(o.Regions.Take(i).All(r => r.Code != region.Code), $"{i}:Code", region.Code,
                "is used by an earlier region too: give each region its own code.");
            check.Range(region.ExtraLeadDays, 0, 30, $"{i}:ExtraLeadDays", "days");
        }
        return check.Result;
    }
}

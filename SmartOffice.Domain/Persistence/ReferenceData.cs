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

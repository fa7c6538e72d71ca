namespace SmartOffice.Domain.Demo;

public enum DemoSize
{
    /// <summary>A working desk: ~1,000 customers, 15 months of orders.</summary>
    Standard,
    /// <summary>For benchmarks only: ≥ 2,000,000 order lines. Never by default.</summary>
    Large,
}

/// <summary>The <c>Demo</c> section: fill an empty database with deterministic Japanese demo data.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>True in the repository's appsettings.json; false in production.</summary>
    public bool Enabled { get; set; }
    public DemoSize Size { get; set; } = DemoSize.Standard;
    /// <summary>Same seed, same data.</summary>
    public int Seed { get; set; } = 20261125;
}

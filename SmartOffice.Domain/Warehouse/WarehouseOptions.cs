namespace SmartOffice.Domain.Warehouse;

/// <summary>The <c>Warehouse</c> section of appsettings.json (docs/warehouse-files.md).</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>Where the warehouse drops its results files (出荷実績); relative to the app's content root.</summary>
    public string ResultsFolder { get; set; } = "data/warehouse/results";

    /// <summary>Where the warehouse drops its stock-receipt files (入荷実績); relative to the app's content root.</summary>
    public string StockFolder { get; set; } = "data/warehouse/stock";

    /// <summary>Applied files are moved here, by import day.</summary>
    public string ArchiveFolder { get; set; } = "data/warehouse/archive";

    /// <summary>Refused files are moved here whole, by import day; the /warehouse page names every bad row.</summary>
    public string QuarantineFolder { get; set; } = "data/warehouse/quarantine";

    /// <summary>Off in test hosts that import by hand.</summary>
    public bool WatcherEnabled { get; set; } = true;

    /// <summary>How often the results folder is looked at.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A file is imported once its size and time held still over this many scans (the warehouse may still be
    /// writing it).</summary>
    public int StableScans { get; set; } = 1;

    /// <summary>A bigger file is refused whole without being parsed: no honest batch comes near it.</summary>
    public int MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Demo mode only: the simulated warehouse runs (off in test hosts, which drop results files themselves).</summary>
    public bool DemoWarehouseEnabled { get; set; } = true;

    /// <summary>Demo mode only: the simulated warehouse answers each shipping instruction this long after it was written.</summary>
    public TimeSpan DemoAnswerDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Demo mode only: the simulated warehouse sends stock for a back order this long after its FAX came.</summary>
    public TimeSpan DemoStockDelay { get; set; } = TimeSpan.FromMinutes(5);
}

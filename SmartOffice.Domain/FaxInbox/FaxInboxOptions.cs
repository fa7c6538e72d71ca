namespace SmartOffice.Domain.FaxInbox;

/// <summary>The <c>FaxInbox</c> section of appsettings.json: where the FAX server drops files and how their names read.</summary>
public sealed class FaxInboxOptions
{
    public const string Section = "FaxInbox";

    /// <summary>Off: no folder is watched (uploads by hand still work).</summary>
    public bool WatcherEnabled { get; set; } = true;

    /// <summary>The folder the FAX server drops received FAXes into; relative to the app's content root.</summary>
    public string DropFolder { get; set; } = "data/fax/inbox";

    /// <summary>Where originals go once imported (by received day); never deleted by the console.</summary>
    public string ArchiveFolder { get; set; } = "data/fax/archive";

    /// <summary>Where files that cannot be imported go (damaged, not a FAX), listed on the inbox page.</summary>
    public string QuarantineFolder { get; set; } = "data/fax/quarantine";

    /// <summary>How often the drop folder is scanned.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Scans a file must be seen unchanged (size and time) before it is imported, so a file the FAX server is still
    /// writing is left alone. 0 imports at first sight.
    /// </summary>
    public int StableScans { get; set; } = 1;

    /// <summary>
    /// A regular expression on the file name (without extension) with the groups <c>received</c> (when the FAX arrived,
    /// read with <see cref="ReceivedFormat"/>, Japan time) and <c>sender</c> (the sender's FAX number). A name that
    /// does not match is imported with the file's time and no sender.
    /// </summary>
    public string FileNamePattern { get; set; } = @"^(?<received>\d{14})_(?<sender>[0-9-]+)";

    /// <summary>The format of the <c>received</c> group (.NET custom date format).</summary>
    public string ReceivedFormat { get; set; } = "yyyyMMddHHmmss";

    /// <summary>The region whose FAX cutoff counts for a sender no customer matches (締時刻 of an unknown sender).</summary>
    public string UnmatchedRegionCode { get; set; } = "Honshu";

    /// <summary>Larger files are quarantined (a FAX of many pages is a few MB at most).</summary>
    public int MaxFileMegabytes { get; set; } = 30;

    public int MaxPages { get; set; } = 50;

    /// <summary>
    /// Pages declaring more pixels are quarantined, checked from the file's headers before anything is decoded (a few KB
    /// can declare billions). The largest page a FAX machine sends, A3 at 400 dpi, is 4,864 × 6,614 ≈ 32 million.
    /// </summary>
    public long MaxPagePixels { get; set; } = 35_000_000;

    /// <summary>Pages wider than this are scaled down for the screen (a 200 dpi A4 FAX is 1,728 px).</summary>
    public int MaxPageWidth { get; set; } = 1800;
}

namespace SmartOffice.Domain.FaxInbox;

/// <summary>
/// 取込中の印: written before a file from the drop folder is decoded and removed once the file is imported or quarantined.
/// A mark still there at the file's next attempt means its import did not finish — the process ended while decoding it
/// (a file that exhausts memory kills it) — so the file is quarantined instead of decoded again after every restart.
/// </summary>
public class FaxIntakeAttempt
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The process that began it: machine, process id and start time.</summary>
    public required string Instance { get; set; }
}

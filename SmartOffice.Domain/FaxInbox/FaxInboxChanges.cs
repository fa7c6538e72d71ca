namespace SmartOffice.Domain.FaxInbox;

/// <summary>
/// Tells every open inbox page (one per agent's circuit) that the queue changed — a FAX arrived, was claimed, released or
/// closed — so it re-reads without a reload. One per process; pages subscribe and unsubscribe.
/// </summary>
public sealed class FaxInboxChanges
{
    public event Action? Changed;

    /// <summary>Only the inbox's own services announce changes; pages listen.</summary>
    internal void Raise() => Changed?.Invoke();
}

/// <summary>The folders the watcher works with.</summary>
public enum FaxFolder { Drop, Archive, Quarantine }

/// <summary>
/// A folder the watcher cannot work with right now, since when, and why: <see cref="Reason"/> is the technical detail
/// (the system's message), <see cref="Message"/> the words for staff in the UI language.
/// </summary>
public sealed record FaxFolderAlert(FaxFolder Folder, string Path, string ReasonKey, string Reason, DateTimeOffset Since, int FilesWaiting)
{
    public string Message => DomainText.Format(ReasonKey);
}

/// <summary>
/// The watcher's view of its folders (in memory: it describes this process's watcher). Each problem is logged once when it
/// starts and once when it clears, not at every scan, and the inbox page shows what is current.
/// </summary>
public sealed class FaxIntakeStatus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<FaxFolder, FaxFolderAlert> _alerts = [];

    public DateTimeOffset? LastScanAt { get; private set; }

    public IReadOnlyList<FaxFolderAlert> Alerts
    {
        get
        {
            lock (_gate)
                return _alerts.Values.OrderBy(a => a.Folder).ToList();
        }
    }

    /// <summary>Records the problem; true when it is new (or its reason changed), i.e. worth a log line.</summary>
    internal bool Report(FaxFolder folder, string path, string reasonKey, string reason, DateTimeOffset now, int filesWaiting = 0)
    {
        lock (_gate)
        {
            var isNew = !_alerts.TryGetValue(folder, out var current) || current.Reason != reason;
            _alerts[folder] = new FaxFolderAlert(folder, path, reasonKey, reason, isNew ? now : current!.Since, filesWaiting);
            return isNew;
        }
    }

    /// <summary>Clears the folder's problem; true when there was one.</summary>
    internal bool Clear(FaxFolder folder)
    {
        lock (_gate)
            return _alerts.Remove(folder);
    }

    internal void Scanned(DateTimeOffset at) => LastScanAt = at;
}

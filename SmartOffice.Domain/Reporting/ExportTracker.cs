using System.Collections.Concurrent;

namespace SmartOffice.Domain.Reporting;

public enum ExportState { Running, Done, Cancelled, Failed }

/// <summary>One running download as the page sees it: lines written of the planned total, and how it ended.</summary>
public sealed class ExportProgress(string ticket, string staffId, int total, DateTimeOffset startedAt) : IProgress<int>
{
    private int _written;
    public string Ticket { get; } = ticket;
    public string StaffId { get; } = staffId;
    public int Total { get; } = total;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public int Written => Volatile.Read(ref _written);
    public ExportState State { get; private set; }
    public int ReplacedCharacters { get; private set; }
    internal CancellationTokenSource Cancellation { get; } = new();
    public CancellationToken Token => Cancellation.Token;

    public void Report(int value) => Volatile.Write(ref _written, value);

    public void Complete(ExportResult result)
    {
        Report(result.Lines);
        ReplacedCharacters = result.ReplacedCharacters;
        State = ExportState.Done;
    }

    public void End(ExportState state)
    {
        if (State == ExportState.Running)
            State = state;
    }
}

/// <summary>
/// Streaming downloads in flight, by a ticket the page makes up: the download endpoint reports progress here,
/// the page polls it and may cancel. Only the staff member who started a download sees or cancels it.
/// </summary>
public sealed class ExportTracker(TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ExportProgress> _exports = new();

    public ExportProgress Start(string ticket, string staffId, int total)
    {
        var now = time.GetUtcNow();
        foreach (var old in _exports.Values.Where(e => now - e.StartedAt > KeepFor))
            _exports.TryRemove(old.Ticket, out _);
        var progress = new ExportProgress(ticket, staffId, total, now);
        _exports[ticket] = progress;
        return progress;
    }

    public ExportProgress? Find(string ticket, string staffId) =>
        _exports.TryGetValue(ticket, out var progress) && progress.StaffId == staffId ? progress : null;

    public bool Cancel(string ticket, string staffId)
    {
        if (Find(ticket, staffId) is not { State: ExportState.Running } progress)
            return false;
        progress.Cancellation.Cancel();
        return true;
    }
}

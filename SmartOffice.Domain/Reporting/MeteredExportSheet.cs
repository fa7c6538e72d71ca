using SmartOffice.Domain.Diagnostics;

namespace SmartOffice.Domain.Reporting;

/// <summary>
/// Counts an export's rows into the console's meter as they are flushed (rows per second while it streams) and records its
/// duration when it finishes, whatever the list (docs/performance.md).
/// </summary>
internal sealed class MeteredExportSheet(IExportSheet inner, ConsoleMetrics metrics, string format) : IExportSheet
{
    private readonly long _started = ConsoleMetrics.Start();
    private int _unreported;

    public int ReplacedCharacters => inner.ReplacedCharacters;

    public ValueTask WriteRowAsync(object?[] values, CancellationToken cancellationToken)
    {
        _unreported++;
        return inner.WriteRowAsync(values, cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Report();
        return inner.FlushAsync(cancellationToken);
    }

    public async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        await inner.FinishAsync(cancellationToken);
        Report();
        metrics.Exported(_started, format);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Report()
    {
        metrics.ExportRows(_unreported, format);
        _unreported = 0;
    }
}

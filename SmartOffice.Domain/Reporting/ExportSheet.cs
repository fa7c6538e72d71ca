using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SmartOffice.Domain.Diagnostics;

namespace SmartOffice.Domain.Reporting;

/// <summary>The download formats of every export: xlsx, CSV in Shift_JIS (CP932) for Excel in Japan, CSV in UTF-8 with a BOM.</summary>
public enum ExportFormat { Xlsx, CsvShiftJis, CsvUtf8 }

/// <summary>How many rows an export wrote, and how many characters Shift_JIS could not hold (replaced by 〓).</summary>
public sealed record ExportResult(int Lines, int ReplacedCharacters);

/// <summary>One sheet of an export being written a row at a time, whatever the format; nothing holds more than a row.</summary>
public interface IExportSheet : IAsyncDisposable
{
    /// <summary>One row; values match the columns (string, int/long/decimal, DateOnly, DateTime in Japan time, or null).</summary>
    ValueTask WriteRowAsync(object?[] values, CancellationToken cancellationToken);

    /// <summary>Writes what is buffered to the output (CSV), so a long export reaches the browser as it goes.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>Ends the file; an unfinished sheet is no valid file.</summary>
    ValueTask FinishAsync(CancellationToken cancellationToken);

    int ReplacedCharacters { get; }
}

/// <summary>
/// Streams rows into a sheet: the rows are read on a thread of their own, in batches, while the sheet writes the previous ones
/// (the database read and the writing each take about half of a download). At most <see cref="ReadAheadBatches"/> batches wait,
/// so memory stays flat whatever the row count; the reader stops when the writer stops (cancelled download, failed write).
/// </summary>
public static class ExportPipeline
{
    /// <summary>Progress is reported (and CSV flushed) every this many rows.</summary>
    public const int ProgressStep = 2_000;

    private const int ReadAheadBatch = 1_000, ReadAheadBatches = 4;

    /// <summary>Opens a sheet of the format; with <paramref name="metrics"/>, its rows and time are counted into the
    /// console's meter.</summary>
    public static async ValueTask<IExportSheet> OpenAsync(ExportFormat format, Stream output, string sheetName,
        IReadOnlyList<ExportColumn> columns,
        CancellationToken cancellationToken, ConsoleMetrics? metrics = null)
    {
        var sheet = format == ExportFormat.Xlsx
            ? await SpreadsheetSheet.OpenAsync(output, sheetName, columns, cancellationToken)
            : new CsvExportWriter(output, format == ExportFormat.CsvShiftJis, columns);
        return metrics is null ? sheet : new MeteredExportSheet(sheet, metrics, MeterName(format));
    }

    private static string MeterName(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.CsvShiftJis => "csv-sjis",
        _ => "csv-utf8",
    };

    /// <summary>The file name's extension, the response's content type and the name's suffix (so the two CSVs are told apart).</summary>
    public static (string Extension, string ContentType, string Suffix) FileOf(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ""),
        ExportFormat.CsvShiftJis => ("csv", "text/csv; charset=shift_jis", "_sjis"),
        _ => ("csv", "text/csv; charset=utf-8", "_utf8"),
    };

    /// <summary>Writes every row (filled by <paramref name="fill"/>) and finishes the sheet; <paramref
    /// name="progress"/> gets rows written so far.</summary>
    public static async Task<ExportResult> WriteAsync<T>(IAsyncEnumerable<T> rows, int columns, Action<T, object?[]> fill,
        IExportSheet sheet,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var values = new object?[columns];
        var count = 0;
        await foreach (var batch in ReadAheadAsync(rows, cancellationToken))
            foreach (var row in batch)
            {
                fill(row, values);
                await sheet.WriteRowAsync(values, cancellationToken);
                if (++count % ProgressStep == 0)
                {
                    await sheet.FlushAsync(cancellationToken);
                    progress?.Report(count);
                }
            }
        await sheet.FinishAsync(cancellationToken);
        progress?.Report(count);
        return new ExportResult(count, sheet.ReplacedCharacters);
    }

    private static async IAsyncEnumerable<List<T>> ReadAheadAsync<T>(IAsyncEnumerable<T> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<List<T>>(
            new BoundedChannelOptions(ReadAheadBatches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                var batch = new List<T>(ReadAheadBatch);
                await foreach (var row in rows.WithCancellation(stop.Token))
                {
                    batch.Add(row);
                    if (batch.Count < ReadAheadBatch)
                        continue;
                    await channel.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<T>(ReadAheadBatch);
                }
                if (batch.Count > 0)
                    await channel.Writer.WriteAsync(batch, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
                yield return batch;
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }
}

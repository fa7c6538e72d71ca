using System.Globalization;
using System.Text;

namespace SmartOffice.Domain.Reporting;

/// <summary>
/// CSV for Excel users in Japan: Shift_JIS (code page 932) or UTF-8 with a BOM, CRLF lines, text fields quoted,
/// formula-like text prefixed with an apostrophe. In CP932 a character it cannot hold (emoji, some kanji variants)
/// becomes 〓 and is counted, never dropped silently.
/// </summary>
public sealed class CsvExportWriter : IExportSheet, IDisposable
{
    /// <summary>The visible stand-in (〓, ゲタ記号) for a character Shift_JIS cannot hold.</summary>
    public const string Replacement = "〓";

    private readonly StreamWriter _writer;
    private readonly CountingFallback? _fallback;
    private readonly IReadOnlyList<ExportColumn> _columns;

    static CsvExportWriter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvExportWriter(Stream output, bool shiftJis, IReadOnlyList<ExportColumn> columns)
    {
        _columns = columns;
        Encoding encoding;
        if (shiftJis)
        {
            _fallback = new CountingFallback();
            encoding = Encoding.GetEncoding(932, _fallback, DecoderFallback.ReplacementFallback);
        }
        else
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        _writer = new StreamWriter(output, encoding, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        WriteFields(columns.Select(c => (object?)c.Header).ToArray());
    }

    /// <summary>Characters replaced so far (always 0 in UTF-8). Exact once the writer is flushed.</summary>
    public int ReplacedCharacters => _fallback?.Count ?? 0;

    public void WriteRow(ReadOnlySpan<object?> values) => WriteFields(values);

    private void WriteFields(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                _writer.Write(',');
            switch (values[i])
            {
                case null:
                    break;
                case DateOnly date:
                    WriteFormatted(date, "yyyy/MM/dd");
                    break;
                case DateTime at:
                    WriteFormatted(at, "yyyy/MM/dd HH:mm");
                    break;
                case int number:
                    WriteFormatted(number, default);
                    break;
                case long number:
                    WriteFormatted(number, default);
                    break;
                case decimal number:
                    WriteFormatted(number, default);
                    break;
                case var value:
                    _writer.Write('"');
                    _writer.Write(ExportCells.Neutralise(value.ToString()).Replace("\"", "\"\""));
                    _writer.Write('"');
                    break;
            }
        }
        _writer.WriteLine();
    }

    // Formatted straight into the writer's buffer: no string per number and date (four per line).
    private void WriteFormatted<T>(T value, ReadOnlySpan<char> format) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[32];
        if (!value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A number or date longer than 32 characters.");
        _writer.Write(buffer[..written]);
    }

    public ValueTask WriteRowAsync(object?[] values, CancellationToken cancellationToken)
    {
        WriteFields(values);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => new(_writer.FlushAsync(cancellationToken));

    public ValueTask FinishAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Replaces each unencodable character (a surrogate pair counts once) with 〓 and counts it.</summary>
    private sealed class CountingFallback : EncoderFallback
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public override int MaxCharCount => 1;
        public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : EncoderFallbackBuffer
        {
            private int _left;

            public override bool Fallback(char charUnknown, int index) => Take();

            public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index) => Take();

            private bool Take()
            {
                Interlocked.Increment(ref owner._count);
                _left = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_left == 0)
                    return '\0';
                _left--;
                return Replacement[0];
            }

            public override bool MovePrevious()
            {
                if (_left != 0)
                    return false;
                _left = 1;
                return true;
            }

            public override int Remaining => _left;

            public override void Reset() => _left = 0;
        }
    }
}

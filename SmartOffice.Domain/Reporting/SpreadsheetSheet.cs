using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SmartOffice.Domain.Reporting;

/// <summary>
/// xlsx through SpreadCheetah (MIT), a streaming writer: each row goes to a small buffer and on into the zip on the output
/// (which may be an HTTP response), so memory stays flat whatever the row count (docs/exports-and-audit.md has the
/// measurements against the hand-written writer it replaced). Header row bold and frozen, autofilter on the header, yen as
/// <c>"¥"#,##0</c>, dates <c>yyyy/mm/dd</c>, times <c>yyyy/mm/dd hh:mm</c>. Text that looks like a formula is a text cell in the
/// Text format (@), so Excel keeps it text even when someone edits the cell.
/// </summary>
internal sealed class SpreadsheetSheet : IExportSheet
{
    private readonly Spreadsheet _book;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly StyledCell[] _cells;
    private readonly StyleId _date, _dateTime, _yen, _number, _text;

    private SpreadsheetSheet(Spreadsheet book, IReadOnlyList<ExportColumn> columns)
    {
        _book = book;
        _columns = columns;
        _cells = new StyledCell[columns.Count];
        _date = book.AddStyle(new Style { Format = NumberFormat.Custom("yyyy/mm/dd") });
        _dateTime = book.AddStyle(new Style { Format = NumberFormat.Custom("yyyy/mm/dd hh:mm") });
        _yen = book.AddStyle(new Style { Format = NumberFormat.Custom("\"¥\"#,##0") });
        _number = book.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.ThousandsSeparator) });
        _text = book.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
    }

    public static async ValueTask<IExportSheet> OpenAsync(Stream output, string sheetName, IReadOnlyList<ExportColumn> columns,
        CancellationToken cancellationToken)
    {
        var book = await Spreadsheet.CreateNewAsync(output,
            new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest },
            cancellationToken);
        var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{ColumnName(columns.Count)}1") };
        for (var i = 0; i < columns.Count; i++)
            options.Column(i + 1).Width = columns[i].Width;
        await book.StartWorksheetAsync(sheetName, options, cancellationToken);
        var sheet = new SpreadsheetSheet(book, columns);
        var header = book.AddStyle(new Style
        {
            Font = { Bold = true }, Fill = { Color = Color.FromArgb(0xD9, 0xE1, 0xF2) },
                Alignment = { Horizontal = HorizontalAlignment.Center },
        });
        await book.AddRowAsync(columns.Select(c => new StyledCell(c.Header, header)).ToArray(), cancellationToken);
        return sheet;
    }

    public int ReplacedCharacters => 0;

    public ValueTask WriteRowAsync(object?[] values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _cells.Length; i++)
            _cells[i] = values[i] switch
            {
                null => new StyledCell((string?)null, null),
                DateOnly date => new StyledCell(date.ToDateTime(TimeOnly.MinValue), _date),
                DateTime at => new StyledCell(at, _dateTime),
                int number => new StyledCell(number, Numeric(i)),
                long number => new StyledCell(number, Numeric(i)),
                decimal number => new StyledCell(number, Numeric(i)),
                var value => Text(value.ToString()!),
            };
        return _book.AddRowAsync(_cells, cancellationToken);
    }

    private StyleId Numeric(int column) => _columns[column].Kind == CellKind.Yen ? _yen : _number;

    private StyledCell Text(string text)
    {
        var safe = ExportCells.XmlSafe(text);
        return new StyledCell(safe, ExportCells.LooksLikeFormula(safe) ? _text : null);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask FinishAsync(CancellationToken cancellationToken) => _book.FinishAsync(cancellationToken);

    // An export cancelled half-way leaves no valid file; the endpoint aborts the response anyway.
    public ValueTask DisposeAsync() => _book.DisposeAsync();

    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
            name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }
}

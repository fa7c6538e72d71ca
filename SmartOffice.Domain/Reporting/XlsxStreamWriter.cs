using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;

namespace SmartOffice.Domain.Reporting;

/// <summary>
/// Writes one worksheet straight into a <see cref="ZipArchive"/> with a forward-only <see cref="XmlWriter"/> (SAX style), a
/// row at a time: no workbook model, no shared-string table (inline strings), no element object per cell, so memory stays
/// flat and time stays linear whatever the row count. The zip works on a non-seekable stream (an HTTP response). Header row
/// frozen, autofilter over all rows, yen as <c>¥#,##0</c>, dates as <c>yyyy/mm/dd</c>. Text that looks like a formula gets
/// Excel's quotePrefix style.
/// </summary>
public sealed class XlsxStreamWriter : IExportSheet, IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Style indexes into the cellXfs of Styles below, as the s attribute writes them.
    private const string Header = "1", DateStyle = "2", YenStyle = "3", NumberStyle = "4", QuotedText = "5";

    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly string _sheetName;
    private readonly Stream _sheetStream;
    private readonly XmlWriter _sheet;
    private int _rowIndex;
    private bool _finished;

    public XlsxStreamWriter(Stream output, string sheetName, IReadOnlyList<ExportColumn> columns)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _columns = columns;
        _sheetName = sheetName;
        WriteText("[Content_Types].xml", ContentTypes);
        WriteText("_rels/.rels", RootRels);
        WriteText("xl/_rels/workbook.xml.rels", WorkbookRels);
        WriteText("xl/styles.xml", Styles);

        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _sheet = XmlWriter.Create(_sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteAttributeString("xmlns", "r", null, Relationships);
        // Frozen header row.
        _sheet.WriteStartElement("sheetViews", Main);
        _sheet.WriteStartElement("sheetView", Main);
        _sheet.WriteAttributeString("tabSelected", "1");
        _sheet.WriteAttributeString("workbookViewId", "0");
        _sheet.WriteStartElement("pane", Main);
        _sheet.WriteAttributeString("ySplit", "1");
        _sheet.WriteAttributeString("topLeftCell", "A2");
        _sheet.WriteAttributeString("activePane", "bottomLeft");
        _sheet.WriteAttributeString("state", "frozen");
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("selection", Main);
        _sheet.WriteAttributeString("pane", "bottomLeft");
        _sheet.WriteAttributeString("activeCell", "A2");
        _sheet.WriteAttributeString("sqref", "A2");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("cols", Main);
        for (var i = 0; i < columns.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            _sheet.WriteStartElement("col", Main);
            _sheet.WriteAttributeString("min", number);
            _sheet.WriteAttributeString("max", number);
            _sheet.WriteAttributeString("width", columns[i].Width.ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("customWidth", "1");
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData", Main);
        BeginRow();
        foreach (var column in columns)
            TextCell(column.Header, Header);
        _sheet.WriteEndElement();
    }

    public int RowsWritten => _rowIndex - 1;

    public int ReplacedCharacters => 0;

    public ValueTask WriteRowAsync(object?[] values, CancellationToken cancellationToken)
    {
        WriteRow(values);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        Finish();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One data row; values match the columns (string, int/long, DateOnly or null).</summary>
    public void WriteRow(ReadOnlySpan<object?> values)
    {
        BeginRow();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            switch (value)
            {
                case null:
                    break;
                case DateOnly date:
                    NumberCell(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle);
                    break;
                case int or long or decimal or double:
                    NumberCell(Convert.ToString(value, CultureInfo.InvariantCulture)!, _columns[i].Kind == CellKind.Yen ? YenStyle : NumberStyle);
                    break;
                default:
                    var text = value.ToString()!;
                    TextCell(text, ExportCells.LooksLikeFormula(text) ? QuotedText : null);
                    break;
            }
        }
        _sheet.WriteEndElement();
    }

    private void BeginRow()
    {
        _rowIndex++;
        _sheet.WriteStartElement("row", Main);
        _sheet.WriteAttributeString("r", _rowIndex.ToString(CultureInfo.InvariantCulture));
    }

    private void NumberCell(string value, string style)
    {
        _sheet.WriteStartElement("c", Main);
        _sheet.WriteAttributeString("s", style);
        _sheet.WriteElementString("v", Main, value);
        _sheet.WriteEndElement();
    }

    private void TextCell(string text, string? style)
    {
        _sheet.WriteStartElement("c", Main);
        if (style is not null)
            _sheet.WriteAttributeString("s", style);
        _sheet.WriteAttributeString("t", "inlineStr");
        _sheet.WriteStartElement("is", Main);
        _sheet.WriteStartElement("t", Main);
        _sheet.WriteAttributeString("xml", "space", null, "preserve");
        _sheet.WriteString(ExportCells.XmlSafe(text));
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    /// <summary>Closes the sheet (autofilter over the written rows) and writes the workbook part.</summary>
    public void Finish()
    {
        if (_finished)
            return;
        _finished = true;
        _sheet.WriteEndElement(); // sheetData
        _sheet.WriteStartElement("autoFilter", Main);
        _sheet.WriteAttributeString("ref", $"A1:{ColumnName(_columns.Count)}{Math.Max(_rowIndex, 1)}");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement(); // worksheet
        _sheet.WriteEndDocument();
        _sheet.Dispose();
        _sheetStream.Dispose();
        WriteText("xl/workbook.xml", Workbook(SecurityElement.Escape(_sheetName), SecurityElement.Escape($"'{_sheetName.Replace("'", "''")}'!$A$1:${ColumnName(_columns.Count)}${Math.Max(_rowIndex, 1)}")));
    }

    public void Dispose()
    {
        // An export cancelled half-way leaves an unusable zip; the caller aborts the response anyway.
        if (!_finished)
        {
            _sheet.Dispose();
            _sheetStream.Dispose();
        }
        _zip.Dispose();
    }

    private void WriteText(string name, string content)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(content);
    }

    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
            name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string RootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    private static string Workbook(string sheetName, string filterRange) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{filterRange}</definedName></definedNames></workbook>
        """;

    // 0 default, 1 header (bold, grey, centred), 2 date, 3 yen, 4 #,##0, 5 text with quotePrefix.
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font><font><b/><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;
}

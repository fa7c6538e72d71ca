using ClosedXML.Excel;

namespace SmartOffice.Domain.Reporting;

/// <summary>
/// A small report table: column header keys (the page translates them), rows of string/int/decimal/DateOnly,
/// and which numeric columns a chart plots against the first column. <see cref="CellKind"/> Label cells hold
/// resource keys too.
/// </summary>
public sealed record ReportTable(string TitleKey, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows,
    IReadOnlyList<int> ChartColumns)
{
    public IEnumerable<double> Series(int column) => Rows.Select(r => Convert.ToDouble(r[column] ?? 0));
}

public enum ReportCellKind { Text, Label, Number, Yen, Percent, Date }

public sealed record ReportColumn(string HeaderKey, ReportCellKind Kind);

/// <summary>
/// Formatted small workbooks with ClosedXML (one sheet per table): bold frozen header, autofilter, yen, % and
/// date formats, fixed widths (AdjustToContents needs libgdiplus on Linux — docs/stack-pitfalls.md).
/// </summary>
public static class ReportWorkbook
{
    /// <summary>Writes the tables; <paramref name="text"/> translates header and label keys (the caller's language).</summary>
    public static void Write(Stream output, IEnumerable<ReportTable> tables, Func<string, string> text)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var name = SheetName(text(table.TitleKey), workbook);
            var sheet = workbook.Worksheets.Add(name);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var header = sheet.Cell(1, c + 1);
                header.Value = text(table.Columns[c].HeaderKey);
                header.Style.Font.Bold = true;
                header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
                sheet.Column(c + 1).Width = table.Columns[c].Kind is ReportCellKind.Text or ReportCellKind.Label ? 24 : 14;
            }
            for (var r = 0; r < table.Rows.Count; r++)
                for (var c = 0; c < table.Columns.Count; c++)
                    SetCell(sheet.Cell(r + 2, c + 1), table.Columns[c].Kind, table.Rows[r][c], text);
            sheet.SheetView.FreezeRows(1);
            sheet.Range(1, 1, Math.Max(1, table.Rows.Count + 1), table.Columns.Count).SetAutoFilter();
        }
        workbook.SaveAs(output);
    }

    private static void SetCell(IXLCell cell, ReportCellKind kind, object? value, Func<string, string> text)
    {
        switch (value)
        {
            case null:
                return;
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.NumberFormat.Format = "yyyy/mm/dd";
                return;
            case int or long or decimal or double:
                cell.Value = Convert.ToDouble(value);
                cell.Style.NumberFormat.Format = kind switch
                {
                    ReportCellKind.Yen => "\"¥\"#,##0",
                    ReportCellKind.Percent => "0.0%",
                    _ => "#,##0.##",
                };
                return;
            default:
                var s = kind == ReportCellKind.Label ? text(value.ToString()!) : value.ToString()!;
                // A string is never a formula here, but Excel would take one typed back in: keep the quote prefix.
                cell.SetValue(s);
                if (ExportCells.LooksLikeFormula(s))
                    cell.Style.IncludeQuotePrefix = true;
                return;
        }
    }

    private static string SheetName(string title, XLWorkbook workbook)
    {
        var name = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        name = name.Length > 28 ? name[..28] : name;
        var unique = name;
        for (var i = 2; workbook.Worksheets.Contains(unique); i++)
            unique = $"{name}{i}";
        return unique;
    }
}

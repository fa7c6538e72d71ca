using System.Globalization;
using System.Text;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// What every file from the warehouse shares (docs/warehouse-files.md): CSV, UTF-8 with BOM or Shift_JIS (told apart by the
/// bytes), a fixed header row, then data rows of a fixed column count. Reads every row and names every problem; a row's fields
/// are checked by its kind of file. A formula (= + - @ first) is never a number, a date or a code.
/// </summary>
internal static class WarehouseCsv
{
    private const int MaxRowChars = 1_000;
    public static readonly string[] DateFormats = Text.KeyedDate.Formats;

    static WarehouseCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every data row through <paramref name="parse"/> (null when the row had a problem, which it adds).</summary>
    public static (List<TRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read<TRow>(byte[] content, string[] header,
        Func<int, List<string>, List<WarehouseRowProblem>, TRow?> parse) where TRow : class
    {
        var problems = new List<WarehouseRowProblem>();
        var rows = new List<TRow>();
        if (Decode(content) is not { } text)
            return (rows, [new(0, "Warehouse.File.Encoding")], 0);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0 || lines[0].Length > MaxRowChars || !Split(lines[0], out var found)
            || !found.Select(h => h.Trim()).SequenceEqual(header))
            return (rows, [new(0, "Warehouse.File.Header", string.Join(",", header))], 0);
        if (!text.EndsWith('\n'))
            problems.Add(new(lines.Count - 1, "Warehouse.Row.Truncated"));
        for (var i = 1; i < lines.Count; i++)
        {
            if (Fields(i, lines[i], header.Length, problems) is { } fields && parse(i, fields, problems) is { } row)
                rows.Add(row);
        }
        if (lines.Count == 1)
            problems.Add(new(0, "Warehouse.File.NoRows"));
        return (rows, problems, lines.Count - 1);
    }

    private static List<string>? Fields(int row, string line, int columns, List<WarehouseRowProblem> problems)
    {
        if (line.Length > MaxRowChars)
        {
            problems.Add(new(row, "Warehouse.Row.TooLong", MaxRowChars));
            return null;
        }
        if (!Split(line, out var fields))
        {
            problems.Add(new(row, "Warehouse.Row.Quote"));
            return null;
        }
        if (fields.Count != columns)
        {
            problems.Add(new(row, "Warehouse.Row.Columns", fields.Count, columns));
            return null;
        }
        return fields;
    }

    /// <summary>UTF-8 after its BOM, else strict UTF-8 (plain ASCII reads alike in both), else strict Shift_JIS; null
    /// when neither reads.</summary>
    private static string? Decode(byte[] content)
    {
        var encodings = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
            ? [new UTF8Encoding(false, throwOnInvalidBytes: true)]
            : new Encoding[] { new UTF8Encoding(false, throwOnInvalidBytes: true),
                Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback) };
        var start = encodings.Length == 1 ? 3 : 0;
        foreach (var encoding in encodings)
        {
            try
            {
                var text = encoding.GetString(content, start, content.Length - start);
                // NULs and other controls mean UTF-16 or a binary file, whatever a lenient decoder made of it.
                return text.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t') ? null : text;
            }
            catch (DecoderFallbackException)
            {
            }
        }
        return null;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>A formula (= + - @ first) is never a number, a date or a code: a spreadsheet would run it.</summary>
    public static bool IsFormula(string field) => field.TrimStart() is [ '=' or '+' or '-' or '@', ..];

    public static int? Number(int row, string field, string column, List<WarehouseRowProblem> problems)
    {
        var text = field.Trim();
        if (!IsFormula(text) && text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit))
            return int.Parse(text, CultureInfo.InvariantCulture);
        problems.Add(new(row, IsFormula(text) ? "Warehouse.Row.Formula" : "Warehouse.Row.Number", column, Shown(field)));
        return null;
    }

    public static DateOnly? Date(int row, string field, string column, List<WarehouseRowProblem> problems)
    {
        var text = field.Trim();
        if (!IsFormula(text) && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        problems.Add(new(row, IsFormula(text) ? "Warehouse.Row.Formula" : "Warehouse.Row.Date", column, Shown(field)));
        return null;
    }

    public static string? Code(int row, string field, string column, int length, List<WarehouseRowProblem> problems)
    {
        var text = field.Trim();
        if (!IsFormula(text) && text.Length is > 0 && text.Length <= length && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return text.ToUpperInvariant();
        problems.Add(new(row, IsFormula(text) ? "Warehouse.Row.Formula" : "Warehouse.Row.Code", column, Shown(field), length));
        return null;
    }

    /// <summary>A field as the message quotes it: short, so a huge cell never floods the alert.</summary>
    public static string Shown(string field) => field.Length <= 24 ? field : field[..24] + "…";

    /// <summary>One CSV row (RFC 4180 quoting, no line breaks inside a field); false when a quote is left open.</summary>
    private static bool Split(string line, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        return !quoted;
    }
}

using System.Globalization;
using System.Text;

namespace SmartOffice.Domain.Warehouse;

/// <summary>One problem of a results file: the data row (0 = the file itself), a message key and its arguments.</summary>
public sealed record WarehouseRowProblem(int Row, string Key, params object?[] Args)
{
    public string Text => DomainText.Format(Key, Args);
}

/// <summary>A well-formed data row of a results file, before it is checked against the orders.</summary>
internal sealed record WarehouseResultRow(int Row, int ShipmentId, int LineNumber, int Quantity, DateOnly ShippedOn, string DeliverySlipNumber,
    string Carrier, string TrackingNumber, DateOnly? CarrierDeliveryDate);

/// <summary>
/// 出荷実績ファイル as docs/warehouse-files.md describes it: CSV, UTF-8 with BOM or Shift_JIS (told apart by the bytes),
/// the header row, then one row per shipped part. Reads every row and names every problem; nothing here touches the database.
/// </summary>
internal static class WarehouseResultsFormat
{
    public static readonly string[] Header = ["出荷番号", "行", "出荷数", "出荷日", "納品書番号", "運送会社", "問い合わせ番号", "お届け予定日"];

    private const int MaxRowChars = 1_000;
    private const int SlipLength = 20;
    private const int TrackingLength = 30;
    private const int CarrierLength = 60;
    private static readonly string[] DateFormats = ["yyyy/MM/dd", "yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d"];

    static WarehouseResultsFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (List<WarehouseResultRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read(byte[] content)
    {
        var problems = new List<WarehouseRowProblem>();
        var rows = new List<WarehouseResultRow>();
        if (Decode(content) is not { } text)
            return (rows, [new(0, "Warehouse.File.Encoding")], 0);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0 || lines[0].Length > MaxRowChars || !Split(lines[0], out var header) || !header.Select(h => h.Trim()).SequenceEqual(Header))
            return (rows, [new(0, "Warehouse.File.Header", string.Join(",", Header))], 0);
        if (!text.EndsWith('\n'))
            problems.Add(new(lines.Count - 1, "Warehouse.Row.Truncated"));
        for (var i = 1; i < lines.Count; i++)
        {
            var row = ParseRow(i, lines[i], problems);
            if (row is not null)
                rows.Add(row);
        }
        if (lines.Count == 1)
            problems.Add(new(0, "Warehouse.File.NoRows"));
        return (rows, problems, lines.Count - 1);
    }

    /// <summary>UTF-8 after its BOM, else strict UTF-8 (plain ASCII reads alike in both), else strict Shift_JIS; null when neither reads.</summary>
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

    private static WarehouseResultRow? ParseRow(int row, string line, List<WarehouseRowProblem> problems)
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
        if (fields.Count != Header.Length)
        {
            problems.Add(new(row, "Warehouse.Row.Columns", fields.Count, Header.Length));
            return null;
        }
        var before = problems.Count;
        var shipment = Number(row, fields[0], Header[0], problems);
        var lineNumber = Number(row, fields[1], Header[1], problems);
        var quantity = Number(row, fields[2], Header[2], problems);
        var shipped = Date(row, fields[3], Header[3], problems);
        var slip = Code(row, fields[4], Header[4], SlipLength, problems);
        var carrier = fields[5];
        if (carrier.Trim().Length == 0 || carrier.Length > CarrierLength)
            problems.Add(new(row, "Warehouse.Row.Text", Header[5], CarrierLength));
        var tracking = Code(row, fields[6], Header[6], TrackingLength, problems);
        var delivery = fields[7].Trim().Length == 0 ? null : Date(row, fields[7], Header[7], problems);
        if (quantity == 0)
            problems.Add(new(row, "Warehouse.Row.ZeroQuantity"));
        if (shipped is { } s && delivery is { } d && d < s)
            problems.Add(new(row, "Warehouse.Row.DeliveryBeforeShipped", Day(d), Day(s)));
        return problems.Count > before
            ? null
            : new WarehouseResultRow(row, shipment!.Value, lineNumber!.Value, quantity!.Value, shipped!.Value, slip!, carrier, tracking!, delivery);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>A formula (= + - @ first) is never a number, a date or a code: a spreadsheet would run it.</summary>
    private static bool IsFormula(string field) => field.TrimStart() is [ '=' or '+' or '-' or '@', ..];

    private static int? Number(int row, string field, string column, List<WarehouseRowProblem> problems)
    {
        var text = field.Trim();
        if (!IsFormula(text) && text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit))
            return int.Parse(text, CultureInfo.InvariantCulture);
        problems.Add(new(row, IsFormula(text) ? "Warehouse.Row.Formula" : "Warehouse.Row.Number", column, Shown(field)));
        return null;
    }

    private static DateOnly? Date(int row, string field, string column, List<WarehouseRowProblem> problems)
    {
        var text = field.Trim();
        if (!IsFormula(text) && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        problems.Add(new(row, IsFormula(text) ? "Warehouse.Row.Formula" : "Warehouse.Row.Date", column, Shown(field)));
        return null;
    }

    private static string? Code(int row, string field, string column, int length, List<WarehouseRowProblem> problems)
    {
        var text = field.Trim();
        if (!IsFormula(text) && text.Length is > 0 && text.Length <= length && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return text.ToUpperInvariant();
        problems.Add(new(row, IsFormula(text) ? "Warehouse.Row.Formula" : "Warehouse.Row.Code", column, Shown(field), length));
        return null;
    }

    /// <summary>A field as the message quotes it: short, so a huge cell never floods the alert.</summary>
    private static string Shown(string field) => field.Length <= 24 ? field : field[..24] + "…";

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

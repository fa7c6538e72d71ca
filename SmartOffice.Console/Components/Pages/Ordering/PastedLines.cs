namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>One row of a block copied from Excel: code, quantity and comment as typed (the domain normalises them).</summary>
public sealed record PastedLine(string Code, string Quantity, string Comment);

/// <summary>
/// Reads a block of order lines copied from Excel or a text file: one line per row, cells separated by TAB
/// ("code⇥qty⇥comment"; quantity and comment may be missing). Excel quotes a cell that contains a line break or a
/// quote: such a cell is unquoted and its line breaks become spaces (a line comment is one line on the slip).
/// </summary>
public static class PastedLines
{
    /// <summary>More than a FAX form holds: a paste of a whole sheet by mistake stops here.</summary>
    public const int MaxLines = 200;

    public static IReadOnlyList<PastedLine> Parse(string? text)
    {
        var lines = new List<PastedLine>();
        if (string.IsNullOrEmpty(text))
            return lines;
        foreach (var row in Rows(text))
        {
            var cells = row.Select(c => c.Trim()).ToList();
            if (cells.All(c => c.Length == 0))
                continue;
            lines.Add(new PastedLine(Cell(cells, 0), Cell(cells, 1), Cell(cells, 2)));
            if (lines.Count == MaxLines)
                break;
        }
        return lines;
    }

    private static string Cell(List<string> cells, int index) => index < cells.Count ? cells[index] : "";

    /// <summary>Splits TSV as Excel writes it: rows by CR/LF, cells by TAB, quoted cells may hold both.</summary>
    private static IEnumerable<List<string>> Rows(string text)
    {
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    cell.Append(c is '\r' or '\n' ? ' ' : c);
            }
            else if (c == '"' && cell.Length == 0)
                quoted = true;
            else if (c == '\t')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                row.Add(cell.ToString());
                cell.Clear();
                yield return row;
                row = [];
            }
            else
                cell.Append(c);
        }
        row.Add(cell.ToString());
        yield return row;
    }
}

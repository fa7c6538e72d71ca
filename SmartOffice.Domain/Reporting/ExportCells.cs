namespace SmartOffice.Domain.Reporting;

/// <summary>How a column's values are written: text, a whole number, yen, a date, or a date and time (Japan time).</summary>
public enum CellKind { Text, Number, Yen, Date, DateTime }

public sealed record ExportColumn(string Header, CellKind Kind, double Width);

/// <summary>Cell rules shared by every export format.</summary>
public static class ExportCells
{
    /// <summary>
    /// Text that a spreadsheet could take for a formula (CSV/formula injection): = + - @, their full-width forms (Japanese
    /// Excel turns a typed ＝ into a formula; line comments keep what was typed), and the tab/CR that some programs strip
    /// before them. Numbers are never text here, so a negative amount stays a number.
    /// </summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠' or '\t' or '\r';

    /// <summary>CSV: a leading apostrophe makes Excel treat the cell as text.</summary>
    public static string Neutralise(string? text) => LooksLikeFormula(text) ? "'" + text : text ?? "";

    /// <summary>XML 1.0 cannot hold most control characters; they would make an xlsx unreadable.</summary>
    public static string XmlSafe(string text)
    {
        foreach (var c in text)
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r')
                return string.Create(text.Length, text, (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                        span[i] = source[i] < 0x20 && source[i] is not '\t' and not '\n' and not '\r' ? ' ' : source[i];
                });
        return text;
    }
}

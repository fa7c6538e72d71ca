using System.Globalization;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// Dates as the desk types them from a FAX form: 2026/11/27, 2026-11-27, 20261127, 2026年11月27日, or without the year as
/// 11/27, 1127 or 11月27日, full-width too. Which year a day without one is in depends on what the field holds
/// (docs/text-and-order-rules.md): a day that has happened (<see cref="TryParseRecent"/>) or one to come (<see cref="TryParseUpcoming"/>).
/// </summary>
public static class EntryDates
{
    private static readonly string[] FullFormats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    /// <summary>
    /// A FAX's received or upload date, a search's from/to: the most recent such day that is not after <paramref name="today"/>
    /// (「12/30」 keyed on 4 January is last year's; 「2/29」 the last leap year's).
    /// </summary>
    public static bool TryParseRecent(string? input, DateOnly today, out DateOnly date)
    {
        date = default;
        if (!TryRead(input, out var full, out var month, out var day))
            return false;
        if (full is { } typed)
        {
            date = typed;
            return true;
        }
        for (var year = today.Year; year >= today.Year - 8; year--)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= today)
            {
                date = new DateOnly(year, month, day);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A requested delivery date: this year's day, or next year's when this year's passed more than a month ago (a FAX in
    /// late December asking for early January). A day of the last month stays this year's, so the domain can say it is too early.
    /// </summary>
    public static bool TryParseUpcoming(string? input, DateOnly today, out DateOnly date)
    {
        date = default;
        if (!TryRead(input, out var full, out var month, out var day))
            return false;
        if (full is { } typed)
        {
            date = typed;
            return true;
        }
        var year = today.Year;
        if (new DateOnly(year, month, 1).AddMonths(1) < new DateOnly(today.Year, today.Month, 1))
            year++;
        if (day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A full date, or a month and day (1–12, 1–31; 2/29 allowed) without the year.</summary>
    private static bool TryRead(string? input, out DateOnly? full, out int month, out int day)
    {
        (full, month, day) = (null, 0, 0);
        var text = JapaneseInput.NormalizeCode(input).Replace('年', '/').Replace('月', '/').TrimEnd('日');
        if (text.Length == 0)
            return false;
        if (DateOnly.TryParseExact(text, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            full = date;
            return true;
        }
        var parts = text.Split('/', '-', '.');
        if (parts.Length == 2 && int.TryParse(parts[0], out month) && int.TryParse(parts[1], out day)) { }
        else if (text.Length is 3 or 4 && text.All(char.IsAsciiDigit))
        {
            month = int.Parse(text[..^2], CultureInfo.InvariantCulture);
            day = int.Parse(text[^2..], CultureInfo.InvariantCulture);
        }
        else
            return false;
        return month is >= 1 and <= 12 && day >= 1 && day <= (month == 2 ? 29 : DateTime.DaysInMonth(2001, month));
    }
}

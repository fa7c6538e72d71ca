using System.Globalization;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// Dates as the desk types them from a FAX form: 2026/11/27, 2026-11-27, 20261127, 11/27 or 1127 (this year, or next
/// year when that day has passed by more than a month — a FAX in late December asking for early January), full-width too.
/// </summary>
public static class EntryDates
{
    private static readonly string[] FullFormats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    public static bool TryParse(string? input, DateOnly today, out DateOnly date)
    {
        date = default;
        var text = JapaneseInput.NormalizeCode(input).Replace('年', '/').Replace('月', '/').TrimEnd('日');
        if (text.Length == 0)
            return false;
        if (DateOnly.TryParseExact(text, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        int month, day;
        var parts = text.Split('/', '-', '.');
        if (parts.Length == 2 && int.TryParse(parts[0], out month) && int.TryParse(parts[1], out day)) { }
        else if (text.Length is 3 or 4 && text.All(char.IsAsciiDigit))
        {
            month = int.Parse(text[..^2], CultureInfo.InvariantCulture);
            day = int.Parse(text[^2..], CultureInfo.InvariantCulture);
        }
        else
            return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(today.Year, month) && !(month == 2 && day == 29))
            return false;
        var year = today.Year;
        if (new DateOnly(year, month, 1).AddMonths(1) < new DateOnly(today.Year, today.Month, 1))
            year++;
        if (day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}

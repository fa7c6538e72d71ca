using System.Globalization;

namespace SmartOffice.Domain.Rules;

/// <summary>
/// A yearly recurring closure period from one month-day to another, inclusive, e.g. <c>12-29..01-03</c>
/// (spans the new year) or a single day <c>08-15</c>.
/// </summary>
public sealed record ClosureDayRange(int StartMonth, int StartDay, int EndMonth, int EndDay)
{
    private const string MonthDayFormat = "MM-dd";

    public bool Contains(DateOnly day)
    {
        var key = Key(day.Month, day.Day);
        var start = Key(StartMonth, StartDay);
        var end = Key(EndMonth, EndDay);
        return start <= end ? key >= start && key <= end : key >= start || key <= end;
    }

    /// <summary>Parses <c>"MM-dd..MM-dd"</c> or <c>"MM-dd"</c>.</summary>
    /// <exception cref="FormatException">Not a month-day or a range of two.</exception>
    public static ClosureDayRange Parse(string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length > 2)
            throw new FormatException($"Closure day range '{text}' must be MM-dd or MM-dd..MM-dd.");
        var (startMonth, startDay) = ParseMonthDay(parts[0]);
        var (endMonth, endDay) = ParseMonthDay(parts[^1]);
        return new ClosureDayRange(startMonth, startDay, endMonth, endDay);
    }

    /// <summary>Parses a comma-separated list as kept in <see cref="RulesOptions.ClosureDays"/>; empty means none.</summary>
    public static IReadOnlyList<ClosureDayRange> ParseList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Parse)
            .ToList();

    private static (int Month, int Day) ParseMonthDay(string text)
    {
        // Parsed against a leap year so that 02-29 is accepted.
        if (!DateOnly.TryParseExact($"2000-{text}", $"yyyy-{MonthDayFormat}", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date))
            throw new FormatException($"'{text}' is not a month-day in the form MM-dd.");
        return (date.Month, date.Day);
    }

    private static int Key(int month, int day) => month * 100 + day;
}

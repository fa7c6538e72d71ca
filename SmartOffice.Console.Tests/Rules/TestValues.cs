using System.Globalization;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>Parses the ISO strings that theory data is written in (InlineData cannot hold dates).</summary>
internal static class TestValues
{
    public static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    public static DateOnly? OptionalDay(string? date) => date is null ? null : Day(date);

    /// <summary>An instant with its offset, e.g. <c>2026-06-02T16:59:59+09:00</c> or <c>2026-06-02T07:59:59Z</c>.</summary>
    public static DateTimeOffset Instant(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}

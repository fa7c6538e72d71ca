using System.Globalization;
using SmartOffice.Domain.Calendar;

namespace SmartOffice.Console.Components;

/// <summary>
/// One way to show yen, dates and times everywhere (docs/keying-screens.md): ￥1,234 and 2026/11/25 (水). An instant is
/// shown only through the
/// business clock, in Japan time: instants come back from the database as UTC (docs/text-and-order-rules.md).
/// </summary>
public static class Display
{
    private static readonly CultureInfo Yen = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Yen as the ja-JP culture formats it, whatever the UI language.</summary>
    public static string Money(long yen) => yen.ToString("C0", Yen);

    public static string Date(DateOnly date) => Date(date, CultureInfo.CurrentCulture);

    /// <summary>The same form in a given language (a faxed sheet is Japanese whatever the UI's).</summary>
    public static string Date(DateOnly date, CultureInfo culture) => date.ToString("yyyy/MM/dd (ddd)", culture);

    /// <summary>An instant in Japan time, or a dash when there is none.</summary>
    public static string DateTime(BusinessClock clock, DateTimeOffset? at) => DateTime(clock, at, CultureInfo.CurrentCulture);

    /// <summary>The same in a given language (a faxed sheet is Japanese whatever the UI's).</summary>
    public static string DateTime(BusinessClock clock, DateTimeOffset? at, CultureInfo culture) =>
        at is { } instant ? clock.ToBusinessTime(instant).ToString("yyyy/MM/dd (ddd) HH:mm", culture) : "—";

    /// <summary>The time of day of an instant in Japan time, 24-hour.</summary>
    public static string Time(BusinessClock clock, DateTimeOffset at) =>
        clock.ToBusinessTime(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}

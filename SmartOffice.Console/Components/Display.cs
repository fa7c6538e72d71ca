using System.Globalization;
using SmartOffice.Domain.Calendar;

namespace SmartOffice.Console.Components;

/// <summary>One way to show yen, dates and times everywhere (UX.md): ￥1,234 and 2026/11/25 (水).</summary>
public static class Display
{
    private static readonly CultureInfo Yen = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Yen as the ja-JP culture formats it, whatever the UI language.</summary>
    public static string Money(long yen) => yen.ToString("C0", Yen);

    public static string Date(DateOnly date) => Date(date, CultureInfo.CurrentCulture);

    /// <summary>The same form in a given language (a faxed sheet is Japanese whatever the UI's).</summary>
    public static string Date(DateOnly date, CultureInfo culture) => date.ToString("yyyy/MM/dd (ddd)", culture);

    public static string DateTime(DateTimeOffset at) => DateTime(at, CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset at, CultureInfo culture) => at.ToString("yyyy/MM/dd (ddd) HH:mm", culture);

    /// <summary>An instant in Japan time, or a dash when there is none.</summary>
    public static string DateTime(BusinessClock clock, DateTimeOffset? at) => at is { } instant ? DateTime(clock.ToBusinessTime(instant)) : "—";

    public static string Time(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}

using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SmartOffice.Console.Components;

/// <summary>
/// Texts, dates, yen and points as the sheets faxed to customers write them (2026年11月25日(水), 1,234円, 1,234 ポイント):
/// Japanese from <see cref="SheetText"/> and the ja-JP culture, whatever the agent's UI language.
/// </summary>
public static class FaxSheet
{
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>A sheet text with its placeholders filled the Japanese way.</summary>
    public static string Text(this IStringLocalizer<SheetText> sheet, string key, params object?[] values) =>
        string.Format(Japanese, sheet[key], values);

    public static string Date(this IStringLocalizer<SheetText> sheet, DateOnly day) => day.ToString(sheet["Sheet.DateFormat"], Japanese);

    /// <summary>A time already in Japan time (<c>BusinessClock.ToBusinessTime</c>).</summary>
    public static string DateTime(this IStringLocalizer<SheetText> sheet, DateTimeOffset japanTime) =>
        japanTime.ToString(sheet["Sheet.DateTimeFormat"], Japanese);

    public static string Yen(this IStringLocalizer<SheetText> sheet, long yen) => sheet.Text("Sheet.Yen", yen);

    public static string Points(this IStringLocalizer<SheetText> sheet, long points) => sheet.Text("Sheet.Points", points);
}

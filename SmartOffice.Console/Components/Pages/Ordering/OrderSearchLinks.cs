using System.Globalization;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>Links into order search already filtered, as the dashboard's tiles count (e.g. today's FAX orders).</summary>
public static class OrderSearchLinks
{
    /// <summary>The orders received on <paramref name="day"/> (Japan time) by <paramref name="channel"/>.</summary>
    public static string Received(DateOnly day, OrderChannel channel) =>
        $"orders?from={Iso(day)}&to={Iso(day)}&channel={channel}";

    /// <summary>The query's date (yyyy-MM-dd) shown as the field's own format, or null when there is none or it is no date.</summary>
    public static string? FieldText(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)
            : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

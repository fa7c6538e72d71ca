using System.Globalization;

namespace SmartOffice.Console.Components.Pages.Points;

/// <summary>The points pages' addresses and how points are written ("1,234 pt").</summary>
public static class PointsLinks
{
    public static string Account(int id) => $"points/{id}";

    public static string ReplySheet(int requestId) => $"points/requests/{requestId}/sheet";

    public static string Points(int points) => points.ToString("N0", CultureInfo.CurrentCulture) + " pt";

    /// <summary>Age of a waiting item: hours under two days, days after.</summary>
    public static string Age(TimeSpan age, string hours, string days) =>
        age.TotalHours < 48 ? string.Format(CultureInfo.CurrentCulture, hours, (int)Math.Max(0, age.TotalHours))
                            : string.Format(CultureInfo.CurrentCulture, days, (int)age.TotalDays);
}

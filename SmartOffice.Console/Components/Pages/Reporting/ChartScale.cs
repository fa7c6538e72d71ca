using MudBlazor;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Console.Components.Pages.Reporting;

/// <summary>
/// A report chart's vertical axis in round steps (1, 2 or 5 × 10ⁿ: 100,000, not 81,920) with yen where the bars are yen.
/// </summary>
public static class ChartScale
{
    /// <summary>About this many steps up to the highest bar.</summary>
    private const int Steps = 5;

    /// <summary>The round step that reaches <paramref name="max"/> in about five steps (1 for an empty chart).</summary>
    public static double Step(double max)
    {
        if (max <= 0 || double.IsNaN(max) || double.IsInfinity(max))
            return 1;
        var rough = max / Steps;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough);
        return Math.Max(1, step);
    }

    public static BarChartOptions Options(double max, bool yen)
    {
        var step = Step(max);
        return new BarChartOptions
        {
            YAxisTicks = (int)Math.Min(int.MaxValue, step),
            YAxisSuggestedMax = Math.Ceiling(max / step) * step,
            MaxNumYAxisTicks = Steps * 3,
            YAxisToStringFunc = value => yen ? Display.Money((long)value)
                : ((long)value).ToString("N0", System.Globalization.CultureInfo.CurrentCulture),
        };
    }

    /// <summary>Whether every bar of the table's chart is an amount of money.</summary>
    public static bool IsYen(ReportTable table) => table.ChartColumns.All(c => table.Columns[c].Kind == ReportCellKind.Yen);
}

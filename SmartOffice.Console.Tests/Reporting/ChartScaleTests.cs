using SmartOffice.Console.Components;
using SmartOffice.Console.Components.Pages.Reporting;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>Report charts step up their axis in round numbers with ￥ (they stepped by 81,920 with no ¥).</summary>
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(409_600, 100_000)]
    [InlineData(1_310_720, 500_000)]
    [InlineData(95, 20)]
    [InlineData(3, 1)]
    [InlineData(0, 1)]
    public void The_step_is_one_two_or_five_times_a_power_of_ten(double max, double step) => Assert.Equal(step, ChartScale.Step(max));

    [Fact]
    public void Yen_bars_label_the_axis_in_yen()
    {
        var options = ChartScale.Options(409_600, yen: true);

        Assert.Equal(100_000, options.YAxisTicks);
        Assert.Equal(500_000, options.YAxisSuggestedMax);
        Assert.Equal(Display.Money(200_000), options.YAxisToStringFunc!(200_000));
        Assert.Equal("200,000", ChartScale.Options(409_600, yen: false).YAxisToStringFunc!(200_000));
    }
}

using Bunit;
using SmartOffice.Console.Components.Pages.Prizes;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Prizes;

namespace SmartOffice.Console.Tests.Prizes;

/// <summary>A prize application's step as a chip: the step's word in the UI's language, colour only as a second cue.</summary>
public sealed class PrizeStatusDisplayTests : ComponentTest
{
    [Theory]
    [InlineData("ja-JP", PrizeApplicationStatus.Received, "受付", "warning")]
    [InlineData("ja-JP", PrizeApplicationStatus.Arranged, "手配中", "info")]
    [InlineData("ja-JP", PrizeApplicationStatus.Shipped, "発送済", "primary")]
    [InlineData("ja-JP", PrizeApplicationStatus.Done, "完了", "success")]
    [InlineData("ja-JP", PrizeApplicationStatus.Cancelled, "取消", "default")]
    [InlineData("en-US", PrizeApplicationStatus.Shipped, "Shipped", "primary")]
    [InlineData("en-US", PrizeApplicationStatus.Cancelled, "Cancelled", "default")]
    public void An_applications_step_is_its_word_with_its_colour(string culture, PrizeApplicationStatus status, string text, string colour)
    {
        using var _ = new CultureScope(culture);
        var chip = Context.Render<PrizeStatusChip>(p => p.Add(x => x.Status, status)).Find("[data-testid=application-status]");

        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(colour, ComponentContext.ChipColour(chip));
    }
}

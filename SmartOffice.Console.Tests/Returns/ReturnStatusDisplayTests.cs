using Bunit;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>
/// A return slip's workflow step as a chip: the step's word in the UI's language, each step its own colour as a second
/// cue.
/// </summary>
public sealed class ReturnStatusDisplayTests : ComponentTest
{
    [Theory]
    [InlineData("ja-JP", ReturnSlipStatus.Received, "受付", "warning")]
    [InlineData("ja-JP", ReturnSlipStatus.PickupArranged, "集荷手配", "info")]
    [InlineData("ja-JP", ReturnSlipStatus.Inspected, "検品済", "primary")]
    [InlineData("ja-JP", ReturnSlipStatus.Credited, "返金処理", "secondary")]
    [InlineData("ja-JP", ReturnSlipStatus.Done, "完了", "success")]
    [InlineData("ja-JP", ReturnSlipStatus.Rejected, "却下", "default")]
    [InlineData("en-US", ReturnSlipStatus.PickupArranged, "Pickup arranged", "info")]
    [InlineData("en-US", ReturnSlipStatus.Credited, "Credited", "secondary")]
    public void A_slips_step_is_its_word_with_its_colour(string culture, ReturnSlipStatus status, string text, string colour)
    {
        using var _ = new CultureScope(culture);
        var chip = Context.Render<ReturnStatusChip>(p => p.Add(x => x.Status, status)).Find("[data-testid=slip-status]");

        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(colour, ComponentContext.ChipColour(chip));
    }
}

using Bunit;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// The cells of a row of the FAX queue (受信FAX): its status in words with who has it, and the time to the FAX cutoff — late,
/// soon, passed or far — in the UI's language, colour only as a second cue.
/// </summary>
public sealed class FaxQueueRowDisplayTests : ComponentTest
{
    private static FaxInboxRow Row(FaxStatus status, string? claimedBy = null) =>
        new(7, ComponentContext.Wednesday, "fax.png", FaxSource.FaxServer,
        "0311110001", null, null, null, FaxKind.Order, status, claimedBy is null ? null : "desk2", claimedBy, null, null, null, null, 1,
            null, null, 1);

    [Theory]
    [InlineData("ja-JP", FaxStatus.New, null, "新着", "warning")]
    [InlineData("ja-JP", FaxStatus.InProgress, "佐藤 健太", "対応中 (佐藤 健太)", "info")]
    [InlineData("ja-JP", FaxStatus.Done, null, "完了", "success")]
    [InlineData("ja-JP", FaxStatus.Rejected, null, "却下", "default")]
    [InlineData("en-US", FaxStatus.New, null, "New", "warning")]
    [InlineData("en-US", FaxStatus.InProgress, "佐藤 健太", "In progress (佐藤 健太)", "info")]
    [InlineData("en-US", FaxStatus.Rejected, null, "Rejected", "default")]
    public void A_fax_status_is_its_word_with_who_has_it_and_its_colour(string culture, FaxStatus status, string? claimedBy, string text,
        string colour)
    {
        using var _ = new CultureScope(culture);
        var chip = Context.Render<FaxStatusChip>(p => p.Add(x => x.Row, Row(status, claimedBy))).Find("[data-testid=fax-status]");

        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(colour, ComponentContext.ChipColour(chip));
    }

    [Theory]
    [InlineData("ja-JP", true, -25, "締時刻から25分超過", "fax-late")]
    [InlineData("ja-JP", true, 0, "締時刻から0分超過", "fax-late")]
    // Past a cutoff it was not received before: the amber of "soon" stays on (FaxCutoffCell tests MinutesLeft <= 30 alone).
    [InlineData("ja-JP", false, -90, "締時刻後に受信", "fax-soon")]
    [InlineData("ja-JP", true, 30, "あと30分", "fax-soon")]
    [InlineData("ja-JP", true, 31, "あと31分", null)]
    [InlineData("ja-JP", true, 119, "あと119分", null)]
    [InlineData("ja-JP", true, 120, "2026/11/25 (水) 12:00締め", null)]
    [InlineData("en-US", true, -25, "25 min past the cutoff", "fax-late")]
    [InlineData("en-US", true, 45, "45 min left", null)]
    [InlineData("en-US", true, 120, "cutoff 2026/11/25 (Wed) 12:00", null)]
    public void The_cutoff_cell_says_how_late_how_soon_or_when(string culture, bool receivedBefore, int minutesLeft, string text,
        string? cssClass)
    {
        using var _ = new CultureScope(culture);
        var at = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
        var cell = Context.Render<FaxCutoffCell>(p =>
            p.Add(x => x.Cutoff, new FaxCutoff(at, new DateOnly(2026, 11, 25), receivedBefore, minutesLeft, "本州")))
            .Find("[data-testid=fax-cutoff]");

        Assert.Equal(text, cell.TextContent.Trim());
        Assert.Equal(cssClass, cell.GetAttribute("class"));
        Assert.StartsWith(culture == "ja-JP" ? "本州のFAX締時刻 2026/11/25" : "本州 FAX cutoff 2026/11/25", cell.GetAttribute("title"));
    }

    [Fact]
    public void A_fax_with_no_cutoff_shows_none()
    {
        Assert.Empty(Context.Render<FaxCutoffCell>(p => p.Add(x => x.Cutoff, null)).FindAll("[data-testid=fax-cutoff]"));
    }
}

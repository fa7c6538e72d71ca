using Bunit;
using SmartOffice.Console.Components.Pages.Accounts;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// A web user's state on the unlock desk and the customer's page: locked before removed before open, and a temporary password
/// said beside whichever — as text, not colour alone (docs/keying-screens.md).
/// </summary>
public sealed class WebUserStatusDisplayTests : ComponentTest
{
    private static WebUserRow User(bool locked, bool active, bool mustChange) => new(1, "u1000001", "山田 花子", null, "10000001", "株式会社テスト",
        "総務部", false, active, mustChange, locked ? 10 : 0, locked ? ComponentContext.Wednesday : null, null, null);

    [Theory]
    [InlineData("ja-JP", true, true, false, "ロック中")]
    [InlineData("ja-JP", true, false, false, "ロック中")]
    [InlineData("ja-JP", false, false, false, "利用停止")]
    [InlineData("ja-JP", false, true, false, "利用可")]
    [InlineData("ja-JP", false, true, true, "利用可 仮パスワード")]
    [InlineData("ja-JP", true, true, true, "ロック中 仮パスワード")]
    [InlineData("en-US", true, true, false, "Locked")]
    [InlineData("en-US", false, false, true, "Removed Temporary password")]
    public void A_web_users_state_reads_in_words(string culture, bool locked, bool active, bool mustChange, string expected)
    {
        using var _ = new CultureScope(culture);
        var status = Context.Render<WebUserStatusChip>(p => p.Add(x => x.User, User(locked, active, mustChange)));

        Assert.Equal(expected, string.Join(" ", status.FindAll(".mud-chip").Select(c => c.TextContent.Trim())));
        Assert.Equal(locked, status.FindAll("[data-testid=status-locked]").Count == 1);
        Assert.Equal(!locked && active, status.FindAll("[data-testid=status-open]").Count == 1);
    }
}

using Bunit;
using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Tests.Points;

/// <summary>Whose point account it is (the department's FAX account or a web user's), and an opted-out customer said beside it.</summary>
public sealed class PointAccountDisplayTests : ComponentTest
{
    [Theory]
    [InlineData("ja-JP", PointAccountKind.Department, false, "部署口座(FAX)", null)]
    [InlineData("ja-JP", PointAccountKind.WebUser, true, "Web利用者", "ポイント対象外")]
    [InlineData("en-US", PointAccountKind.Department, true, "Department account (FAX)", "Opted out")]
    [InlineData("en-US", PointAccountKind.WebUser, false, "Web user", null)]
    public void The_kind_is_named_and_an_opted_out_customer_is_said(string culture, PointAccountKind kind, bool optedOut, string text,
        string? optedOutText)
    {
        using var _ = new CultureScope(culture);
        var account = new PointAccountRow(1, kind, 7, "10000001", "株式会社テスト", 70, "総務部",
            kind == PointAccountKind.WebUser ? "u1000001" : null,
            null, optedOut, 1200, 0);
        var chips = Context.Render<AccountKindChip>(p => p.Add(x => x.Account, account));

        Assert.Equal(text, chips.Find("[data-testid=account-kind]").TextContent.Trim());
        Assert.Equal(optedOutText, chips.FindAll("[data-testid=opted-out]").SingleOrDefault()?.TextContent.Trim());
    }
}

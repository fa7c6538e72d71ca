using Bunit;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// An order's status chip and a line's delivery-class badge: the state in words in the UI's language, colour and mark only as a
/// second cue (docs/keying-screens.md), the catalogue's hint as the badge's title.
/// </summary>
public sealed class OrderStatusDisplayTests : ComponentTest
{
    [Theory]
    [InlineData("ja-JP", OrderStatus.Accepted, "受付済", "success")]
    [InlineData("ja-JP", OrderStatus.AwaitingApproval, "承認待ち", "info")]
    [InlineData("ja-JP", OrderStatus.Voided, "取消", "default")]
    [InlineData("en-US", OrderStatus.Accepted, "Accepted", "success")]
    [InlineData("en-US", OrderStatus.AwaitingApproval, "Awaiting approval", "info")]
    [InlineData("en-US", OrderStatus.Voided, "Voided", "default")]
    public void An_orders_status_is_its_word_with_its_colour(string culture, OrderStatus status, string text, string colour)
    {
        using var _ = new CultureScope(culture);
        var chip = Context.Render<OrderStatusChip>(p => p.Add(x => x.Status, status)).Find("[data-testid=order-status]");

        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(colour, ComponentContext.ChipColour(chip));
    }

    [Theory]
    [InlineData("ja-JP", DeliveryClass.Standard, "通常", "standard", "通常商品: 受付日の翌配送日にお届け", false)]
    [InlineData("ja-JP", DeliveryClass.Furniture, "トラック", "furniture",
        "トラックマーク商品(家具): 締13:00、翌々配送日にお届け", true)]
    [InlineData("ja-JP", DeliveryClass.SpecialOrder, "電話", "specialorder",
        "電話マーク商品(取り寄せ): お届け日は別途連絡", true)]
    [InlineData("en-US", DeliveryClass.Furniture, "Truck", "furniture",
        "Truck mark (furniture): cutoff 13:00, delivered the second delivery day", true)]
    [InlineData("en-US", DeliveryClass.SpecialOrder, "Phone", "specialorder", "Phone mark (special order): delivery date advised", true)]
    public void A_delivery_class_is_its_word_its_mark_and_its_hint(string culture, DeliveryClass deliveryClass, string text,
        string cssClass, string hint, bool mark)
    {
        using var _ = new CultureScope(culture);
        var badge = Context.Render<DeliveryClassBadge>(p => p.Add(x => x.Class, deliveryClass)).Find("[data-testid=delivery-class]");

        Assert.Equal(text, badge.TextContent.Trim());
        Assert.Contains(cssClass, badge.ClassList);
        Assert.Equal(hint, badge.GetAttribute("title"));
        Assert.Equal(mark, badge.QuerySelector("svg") is not null);
    }

    [Fact]
    public void A_line_not_yet_quoted_has_no_delivery_badge()
    {
        Assert.Empty(Context.Render<DeliveryClassBadge>(p => p.Add(x => x.Class, null)).FindAll("[data-testid=delivery-class]"));
    }
}

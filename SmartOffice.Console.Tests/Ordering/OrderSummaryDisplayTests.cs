using Bunit;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Order entry's live summary (注文の概要): the figures the quote gives, the reason for the shipping fee in the UI's words, one tax
/// row per rate, the points, the budget's state, the duplicates and the problems — each said once, in Japanese and English.
/// </summary>
public sealed class OrderSummaryDisplayTests : ComponentTest
{
    private static FaxOrderQuote Quote(int subtotal = 4000, int shipping = 500, ShippingFeeReason reason = ShippingFeeReason.Charged,
        IReadOnlyList<RateTax>? tax = null, int points = 40, bool optedOut = false, IReadOnlyList<QuotedShipment>? shipments = null,
        string? dateProblem = null, BudgetCheck? budget = null, IReadOnlyList<PossibleDuplicate>? duplicates = null,
            IReadOnlyList<string>? problems = null)
    {
        var slipTax = new SlipTax(tax ?? [new RateTax(10, subtotal + shipping, (subtotal + shipping) / 10)]);
        return new FaxOrderQuote([], subtotal, shipping, reason, slipTax, subtotal + shipping + slipTax.TotalTax, points, optedOut,
            shipments ?? [], dateProblem, budget ?? new BudgetCheck(BudgetStatus.NoBudget, null, 0, subtotal), duplicates ?? [],
                problems ?? []);
    }

    private IRenderedComponent<OrderSummary> Render(FaxOrderQuote? quote, bool requestedDate = false, int? corrected = null,
        string? emptyHint = null) =>
        Context.Render<OrderSummary>(p => p.Add(x => x.Quote, quote).Add(x => x.HasRequestedDate,
            requestedDate).Add(x => x.CorrectedOrderId, corrected)
            .Add(x => x.EmptyHint, emptyHint));

    [Fact]
    public void Without_a_quote_it_says_what_is_missing_and_a_date_that_is_not_one_says_so_instead()
    {
        var empty = Render(null);
        Assert.Equal("お客様・部署・FAX受信日時を入れると、金額と配送がここに出ます。",
            empty.Find("[data-testid=summary-empty]").TextContent);
        Assert.Empty(empty.FindAll("[data-testid=summary-total]"));

        var hinted = Render(null, emptyHint: "お届け指定日「11/31」は日付ではありません。");
        Assert.Equal("お届け指定日「11/31」は日付ではありません。",
            hinted.Find("[data-testid=summary-empty]").TextContent);
    }

    [Theory]
    [InlineData("ja-JP", ShippingFeeReason.FreeOverThreshold, "商品合計が無料ラインを超えたため無料")]
    [InlineData("ja-JP", ShippingFeeReason.FreeAdditionalOrder, "追加注文(同じ日・届け先・お届け日)のため無料")]
    [InlineData("ja-JP", ShippingFeeReason.Charged, "商品合計が無料ライン未満のため有料")]
    [InlineData("en-US", ShippingFeeReason.FreeOverThreshold, "Free: goods total over the threshold")]
    [InlineData("en-US", ShippingFeeReason.Charged, "Charged: goods total under the threshold")]
    public void The_shipping_fee_says_why_in_the_UIs_language(string culture, ShippingFeeReason reason, string expected)
    {
        using var _ = new CultureScope(culture);
        var summary = Render(Quote(shipping: reason == ShippingFeeReason.Charged ? 500 : 0, reason: reason));

        Assert.Equal(expected, summary.Find("[data-testid=summary-shipping-reason]").TextContent);
        Assert.Equal(reason == ShippingFeeReason.Charged ? "￥500" : "￥0", summary.Find("[data-testid=summary-shipping]").TextContent);
    }

    [Fact]
    public void No_reason_is_given_for_shipping_before_any_goods_are_keyed()
    {
        var summary = Render(Quote(subtotal: 0, shipping: 0, tax: []));

        Assert.Empty(summary.FindAll("[data-testid=summary-shipping-reason]"));
        Assert.Equal("￥0", summary.Find("[data-testid=summary-total]").TextContent);
    }

    [Fact]
    public void Tax_is_one_row_per_rate_in_the_quotes_order_and_the_total_is_the_quotes()
    {
        var summary = Render(Quote(subtotal: 3000, shipping: 500, tax: [new RateTax(8, 1000, 80), new RateTax(10, 2500, 250)]));

        var rows = summary.FindAll(".summary-table tr").Select(r => r.TextContent.Trim()).Where(t => t.StartsWith("消費税")).ToList();
        Assert.Equal(["消費税 8%￥80", "消費税 10%￥250"], rows);
        Assert.Equal("￥3,000", summary.Find("[data-testid=summary-subtotal]").TextContent);
        Assert.Equal("￥3,830", summary.Find("[data-testid=summary-total]").TextContent);
    }

    [Theory]
    [InlineData("ja-JP", false, "1,234 pt")]
    [InlineData("ja-JP", true, "対象外")]
    [InlineData("en-US", true, "opted out")]
    public void Points_show_the_count_or_that_the_customer_is_opted_out(string culture, bool optedOut, string expected)
    {
        using var _ = new CultureScope(culture);
        var summary = Render(Quote(points: 1234, optedOut: optedOut));

        Assert.Equal(expected, summary.Find("[data-testid=summary-points]").TextContent);
    }

    [Theory]
    [InlineData(BudgetStatus.NoBudget, null, "設定なし", "default")]
    [InlineData(BudgetStatus.Within, 50000, "予算内", "success")]
    [InlineData(BudgetStatus.OverSoft, 3000, "超過(確認が必要)", "warning")]
    [InlineData(BudgetStatus.OverHard, 3000, "超過(登録不可)", "error")]
    public void The_budget_state_is_text_with_colour_as_a_second_cue_and_figures_only_with_a_budget(BudgetStatus status, int? monthly,
        string text, string colour)
    {
        var summary = Render(Quote(budget: new BudgetCheck(status, monthly, 1000, 5000)));

        var budget = summary.Find("[data-testid=summary-budget]");
        var chip = budget.QuerySelector(".mud-chip")!;
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Equal(colour, ComponentContext.ChipColour(chip));
        Assert.Equal(monthly is null ? "" : $"今月 ￥5,000 / 予算 ￥{monthly:N0}", budget.QuerySelector(".num")?.TextContent ?? "");
    }

    [Fact]
    public void A_possible_duplicate_names_the_earlier_order_in_Japan_time_but_not_the_order_being_corrected()
    {
        var duplicates = new[]
        {
            new PossibleDuplicate(5, "F20261125-0005", new DateTimeOffset(2026, 11, 25, 0, 12, 0, TimeSpan.Zero), "田中 美咲"),
            new PossibleDuplicate(9, "F20261125-0009", new DateTimeOffset(2026, 11, 25, 0, 40, 0, TimeSpan.Zero), null),
        };

        var shown = Render(Quote(duplicates: duplicates),
            corrected: 9).FindAll("[data-testid=summary-duplicate]").Select(d => d.TextContent.Trim()).ToList();

        Assert.Equal(["同じ内容の注文 F20261125-0005(09:12 受信、田中 美咲 入力)があります。"
                      + "同じFAXの二重入力ではないか確かめてください。"], shown);
        Assert.Equal(2, Render(Quote(duplicates: duplicates)).FindAll("[data-testid=summary-duplicate]").Count);
    }

    [Fact]
    public void The_problems_are_counted_and_listed_each_on_its_line()
    {
        var summary = Render(Quote(problems: ["1行目: 商品コード「A9」は見つかりません。",
            "部署を選んでください。"]));

        var problems = summary.Find("[data-testid=summary-problems]");
        Assert.Equal("このままでは確定できません(2件)", problems.QuerySelector("strong")!.TextContent);
        Assert.Equal(["1行目: 商品コード「A9」は見つかりません。", "部署を選んでください。"],
            problems.QuerySelectorAll("li").Select(l => l.TextContent));
        Assert.Empty(Render(Quote()).FindAll("[data-testid=summary-problems]"));
    }

    [Fact]
    public void A_requested_date_is_confirmed_or_refused_with_the_quotes_reason_and_not_mentioned_when_there_is_none()
    {
        var ok = Render(Quote(), requestedDate: true).Find("[data-testid=summary-requested]");
        Assert.Contains("ok", ok.ClassList);
        Assert.Equal("お届け指定日はこの日で受けられます。", ok.TextContent.Trim());

        var bad = Render(Quote(dateProblem: "お届け指定日 2026/11/26 (木) は最短 2026/11/27 (金) より前です。"),
            requestedDate: true).Find("[data-testid=summary-requested]");
        Assert.Contains("bad", bad.ClassList);
        Assert.Equal("お届け指定日 2026/11/26 (木) は最短 2026/11/27 (金) より前です。", bad.TextContent.Trim());

        Assert.Empty(Render(Quote()).FindAll("[data-testid=summary-requested]"));
    }

    [Fact]
    public void Each_shipment_shows_its_class_its_acceptance_day_and_its_delivery_or_that_it_will_be_advised()
    {
        var day = new DateOnly(2026, 11, 25);
        var summary = Render(Quote(shipments:
        [
            new QuotedShipment(DeliveryClass.Standard, day, new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)),
            new QuotedShipment(DeliveryClass.Furniture, day, new DateOnly(2026, 11, 27), null),
            new QuotedShipment(DeliveryClass.SpecialOrder, day, null, null),
        ]));

        var rows = summary.FindAll("[data-testid=summary-shipments] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["通常 | 2026/11/25 (水) | 2026/11/27 (金)", "トラック | 2026/11/25 (水) | 2026/11/27 (金)",
            "電話 | 2026/11/25 (水) | 別途連絡"],
            rows);
    }
}

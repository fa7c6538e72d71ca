using Bunit;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// What the order grid shows of the last quote beside each keyed line: the product, the discounted price over the list price,
/// stock short of the quantity, the delivery class and tax rate, and a line's problem on its own row, read out as an alert.
/// </summary>
public sealed class OrderLineGridDisplayTests : ComponentTest
{
    private IRenderedComponent<OrderLineGrid> Render(params QuotedLine[] quoted)
    {
        var form = new OrderEntryForm();
        foreach (var q in quoted)
            (form.Lines[q.LineNumber - 1].Code, form.Lines[q.LineNumber - 1].Quantity) = (q.ProductCode, q.Quantity?.ToString() ?? "");
        return Context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form).Add(x => x.Quoted, quoted.ToDictionary(q => q.LineNumber)));
    }

    private static string Cell(IRenderedComponent<OrderLineGrid> grid, int index, string testId) =>
        grid.FindAll("[data-testid=line]")[index].QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public void A_discounted_line_shows_its_price_over_the_list_price_and_a_short_stock_says_so()
    {
        var grid = Render(
            new QuotedLine(1, "A1079190", 1, "コピー用紙 A4", "テストメーカー", 12, 3000, 2700, 32400, 5, true,
                DeliveryClass.Standard,
                TaxClass.Standard10, null, null),
            new QuotedLine(2, "F5000001", 2, "事務机", "家具メーカー", 1, 50000, 50000, 50000, 3, false, DeliveryClass.Furniture,
                TaxClass.Standard10, null, null));

        Assert.Equal("￥2,700", grid.FindAll("[data-testid=line-price]")[0].ChildNodes.First().TextContent.Trim());
        Assert.Equal("￥3,000", grid.FindAll("[data-testid=line-price]")[0].QuerySelector(".list-price")!.TextContent);
        Assert.Null(grid.FindAll("[data-testid=line-price]")[1].QuerySelector(".list-price"));
        Assert.Equal("5在庫不足", Cell(grid, 0, "line-stock").Replace(" ", "").Replace("\n", ""));
        Assert.Equal("3", Cell(grid, 1, "line-stock"));
        Assert.Equal("￥32,400", Cell(grid, 0, "line-amount"));
        Assert.Equal("トラック", Cell(grid, 1, "delivery-class"));
        Assert.Equal(("コピー用紙 A4", "テストメーカー"), (grid.Find("[data-testid=line-product] .name").TextContent,
            grid.Find("[data-testid=line-product] .maker").TextContent));
    }

    [Fact]
    public void A_lines_problem_is_its_own_alert_row_under_it_and_marks_the_line()
    {
        var grid = Render(new QuotedLine(2, "A9", null, null, null, 1, null, null, 0, null, false, null, null, null,
            "2行目: 商品コード「A9」は見つかりません。"));

        var problem = grid.Find("[data-testid=line-problem]");
        Assert.Equal("alert", problem.GetAttribute("role"));
        Assert.Equal("2行目: 商品コード「A9」は見つかりません。", problem.TextContent);
        Assert.Equal([false, true, false, false, false],
            grid.FindAll("[data-testid=line]").Select(l => l.ClassList.Contains("has-problem")));
        Assert.Equal("", Cell(grid, 1, "line-amount"));
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Components.Pages.Warehouse;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// The stock page (/warehouse/stock) and the order page's back orders, rendered with bunit over the real services and a real
/// SQLite file: a receipt keyed on the page serves the waiting line, which leaves the list; a bad quantity is named on the
/// page; the desk cancels a waiting line with its reason.
/// </summary>
public sealed class StockPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 26, 10, 0);
    private readonly TestDatabase _database = new(Now);
    private int _orderId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        var department = await _database.AddCustomerAsync("D1", "10000013");
        var draft = new FaxOrderDraft(department.CustomerId, department.Id, null, Now.AddHours(-1), null,
            [Line(Pen, "1"), Line(Scarce, "8")]);
        _orderId = (await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()))).OrderId!.Value;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private BunitContext Context(ICurrentStaff staff)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton(_database.BusinessClock);
        context.Services.AddSingleton(staff);
        context.Services.AddSingleton(_database.Stock(staff));
        context.Services.AddSingleton(new BackOrderService(_database, staff, _database.Clock));
        context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        return context;
    }

    [Fact]
    public async Task A_receipt_keyed_on_the_page_serves_the_waiting_line_and_a_bad_quantity_is_named()
    {
        await using var context = Context(TestStaff.Supervisor);
        var page = context.Render<StockPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=stock-waiting] tbody tr")));
        Assert.Contains("A0000002", page.Find("[data-testid=stock-waiting]").TextContent);

        page.Find("[data-testid=stock-code]").Input("a0000002");
        page.Find("[data-testid=stock-quantity]").Input("ゼロ");
        page.Find("[data-testid=stock-form]").Submit();
        page.WaitForAssertion(() => Assert.Contains("入荷数「ゼロ」は数字ではありません", page.Find("[data-testid=stock-error]").TextContent));

        page.Find("[data-testid=stock-quantity]").Input("１０");
        page.Find("[data-testid=stock-form]").Submit();
        page.WaitForAssertion(() => Assert.Contains("入荷待ちの明細はありません", page.Find("[data-testid=stock-waiting]").TextContent));
        Assert.Contains("手入力 (", page.Find("[data-testid=stock-receipts]").TextContent);
        Assert.Equal(7, await _database.StockOfAsync(Scarce));
    }

    [Fact]
    public async Task A_scan_that_succeeds_clears_the_refusal_of_the_receipt_keyed_before()
    {
        Directory.CreateDirectory(_database.Options().StockFolder);
        await using var context = Context(TestStaff.Supervisor);
        var page = context.Render<StockPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=stock-waiting] tbody tr")));
        page.Find("[data-testid=stock-code]").Input("A0000002");
        page.Find("[data-testid=stock-quantity]").Input("ゼロ");
        page.Find("[data-testid=stock-form]").Submit();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=stock-error]")));

        page.Find("[data-testid=stock-scan-now]").Click();

        // The refusal was of the receipt, not of the scan: left on screen it would say the scan failed.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=stock-error]")));
    }

    [Fact]
    public async Task The_desk_cancels_a_waiting_line_on_the_order_page_with_its_reason()
    {
        await using var context = Context(TestStaff.DeskAgent);
        var order = await _database.FaxOrders().GetOrderAsync(_orderId);
        var changed = 0;
        var lines = context.Render<BackOrderLines>(p => p.Add(c => c.Order, order).Add(c => c.OnChanged, () => changed++));
        Assert.Contains("入荷待ち (0 日)", lines.Find("[data-testid=back-order-state]").TextContent);

        lines.Find("[data-testid=back-order-cancel]").Click();
        lines.Find("[data-testid=back-order-cancel-confirm]").Click();
        lines.WaitForAssertion(() => Assert.Contains("入荷待ちを取り消す理由を入力してください", lines.Markup));
        lines.Find("[data-testid=back-order-reason]").Input("お客様のご依頼");
        lines.Find("[data-testid=back-order-cancel-confirm]").Click();

        lines.WaitForAssertion(() => Assert.Equal(1, changed));
        var after = await _database.FaxOrders().GetOrderAsync(_orderId);
        Assert.Equal((BackOrderState.Cancelled, "お客様のご依頼"), (after.Lines[1].BackOrder, after.Lines[1].BackOrderCancelReason));
        var shown = context.Render<BackOrderLines>(p => p.Add(c => c.Order, after));
        Assert.Contains("取消: お客様のご依頼", shown.Find("[data-testid=back-order-state]").TextContent);
        Assert.Empty(shown.FindAll("[data-testid=back-order-cancel]"));
    }
}

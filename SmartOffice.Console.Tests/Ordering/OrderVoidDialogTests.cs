using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Voiding an order keyed wrongly on its page (/orders/{id}), rendered with bunit over the real services and a real SQLite
/// file: the reason is asked for before anything else; the confirmation names the order and the customer and says what
/// happens; Cancel leaves the order as it was, 取り消す voids it with its reason.
/// </summary>
public sealed class OrderVoidDialogTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _orderId;
    private string _orderNumber = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        var department = await _database.AddCustomerAsync("D1", "10000013");
        var draft = new FaxOrderDraft(department.CustomerId, department.Id, null, TestDatabase.JapanTime(2026, 11, 25, 9, 0), null,
            [Line(Pen, "2")]);
        var saved = await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()));
        (_orderId, _orderNumber) = (saved.OrderId!.Value, saved.OrderNumber!);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private BunitContext Context()
    {
        var staff = TestStaff.DeskAgent;
        var context = new BunitContext().ForComponents();
        context.Services.AddSingleton<TimeProvider>(_database.Clock);
        context.Services.AddSingleton(_database.BusinessClock);
        context.Services.AddSingleton<ICurrentStaff>(staff);
        context.Services.AddSingleton(_database.OrderSearch(staff));
        context.Services.AddSingleton(_database.FaxOrders(staff));
        context.Services.AddSingleton(new BackOrderService(_database, staff, _database.Clock));
        context.Services.AddSingleton(new OrderShipmentsService(_database, staff));
        context.Services.AddSingleton(new DeliveryDateService(_database, staff, _database.Clock, _database.BusinessClock));
        context.Services.AddSingleton(new SpecialOrderService(_database, staff, _database.Clock, _database.BusinessClock,
            Options.Create(new FollowUpOptions())));
        context.Services.AddSingleton(Options.Create(new DeskContactOptions()));
        context.Services.AddScoped<HistoryFormatter>();
        context.AddAuthorization().SetAuthorized(staff.Name).SetPolicies(nameof(Capability.FaxOrderEntry));
        context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        return context;
    }

    private async Task<OrderStatus> StatusAsync() => (await _database.FaxOrders().GetOrderAsync(_orderId)).Status;

    [Fact]
    public async Task Void_without_a_reason_asks_for_one_and_opens_no_dialog()
    {
        await using var context = Context();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<OrderDetailPage>(p => p.Add(x => x.Id, _orderId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=void]")));

        page.Find("button[data-testid=void]").Click();

        page.WaitForAssertion(() => Assert.Equal("取消の理由を入力してください。",
            page.Find("[data-testid=void-error]").TextContent.Trim()));
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Equal(OrderStatus.Accepted, await StatusAsync());
    }

    [Fact]
    public async Task The_confirmation_names_the_order_Cancel_keeps_it_and_Void_voids_it_with_its_reason()
    {
        await using var context = Context();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<OrderDetailPage>(p => p.Add(x => x.Id, _orderId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=void]")));
        page.Find("[data-testid=void-reason] input, input[data-testid=void-reason]").Change("数量の入力誤り");

        page.Find("button[data-testid=void]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll(".mud-dialog")));
        var dialog = dialogs.Find(".mud-dialog");
        Assert.Contains("入力誤りの注文を取り消す", dialog.TextContent);
        Assert.Contains($"注文 {_orderNumber}(株式会社テスト10000013)を取り消します。"
                        + "在庫とポイントも元に戻ります。", dialog.TextContent);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "キャンセル").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal(OrderStatus.Accepted, await StatusAsync());

        page.Find("button[data-testid=void]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll(".mud-dialog")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "取り消す").Click();

        page.WaitForAssertion(() => Assert.Equal("この注文は取り消されています。理由: 数量の入力誤り",
            page.Find("[data-testid=voided]").TextContent.Trim()));
        Assert.Equal(OrderStatus.Voided, await StatusAsync());
        Assert.Equal("取消", page.Find("[data-testid=order-status]").TextContent.Trim());
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Cancelling a waiting back order on the order page from the keyboard, over the real service and a real SQLite file: Enter in
/// the reason field is the cancel button — without a reason it says one is needed and cancels nothing, with one it cancels.
/// </summary>
public sealed class BackOrderKeyboardTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _orderId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        var department = await _database.AddCustomerAsync("D1", "10000013");
        var draft = new FaxOrderDraft(department.CustomerId, department.Id, null, TestDatabase.JapanTime(2026, 11, 25, 9, 0), null,
            [Line(Pen, "1"), Line(Scarce, "8")]);
        _orderId = (await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()))).OrderId!.Value;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Enter_in_the_reason_field_cancels_the_waiting_line_once_a_reason_is_given()
    {
        await using var context = new BunitContext().ForComponents();
        context.Services.AddSingleton(_database.BusinessClock);
        context.Services.AddSingleton<ICurrentStaff>(TestStaff.DeskAgent);
        context.Services.AddSingleton(new BackOrderService(_database, TestStaff.DeskAgent, _database.Clock));
        context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        var changed = 0;
        var order = await _database.FaxOrders().GetOrderAsync(_orderId);
        var lines = context.Render<BackOrderLines>(p => p.Add(c => c.Order, order).Add(c => c.OnChanged, () => changed++));
        lines.Find("[data-testid=back-order-cancel]").Click();
        AngleSharp.Dom.IElement Reason() => lines.Find("[data-testid=back-order-reason] input, input[data-testid=back-order-reason]");

        Reason().KeyDown(new KeyboardEventArgs { Key = "Enter" });
        lines.WaitForAssertion(() => Assert.Contains("入荷待ちを取り消す理由を入力してください", lines.Markup));
        Assert.Equal(BackOrderState.Waiting, (await _database.FaxOrders().GetOrderAsync(_orderId)).Lines[1].BackOrder);

        Reason().Input("お客様のご依頼");
        Reason().KeyDown(new KeyboardEventArgs { Key = "Enter" });

        lines.WaitForAssertion(() => Assert.Equal(1, changed));
        var line = (await _database.FaxOrders().GetOrderAsync(_orderId)).Lines[1];
        Assert.Equal((BackOrderState.Cancelled, "お客様のご依頼"), (line.BackOrder, line.BackOrderCancelReason));
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// /products rendered with bunit over the real enquiry service and a real SQLite file: whoever keys orders gets 注文に追加 on
/// every row and the way to order entry; a dealer's rep, who enquires for their customers but keys no order, gets neither.
/// </summary>
public sealed class ProductEnquiryPageTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 25, 10, 0));
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Only_staff_who_key_orders_may_add_a_product_to_one(bool desk)
    {
        ICurrentStaff staff = desk ? TestStaff.DeskAgent : TestStaff.DealerRep(await _database.DealerIdOfAsync(_department));
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton(_database.BusinessClock);
        context.Services.AddSingleton(staff);
        context.Services.AddSingleton(_database.ProductEnquiry(staff));
        context.Services.AddSingleton(_database.FaxOrders(staff));
        context.Services.AddSingleton(new OrderEntryHandOff());
        context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        var page = context.Render<ProductEnquiryPage>();

        page.Find("[data-testid=product-search]").Change("ペン");
        page.Find("form.product-search-form").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=enquiry-row]")));
        Assert.Equal(desk, page.FindAll("[data-testid=add-to-order]").Count == page.FindAll("[data-testid=enquiry-row]").Count);
        Assert.Equal(desk, page.FindAll("[data-testid=add-to-order]").Count > 0);
        Assert.Equal(desk, page.FindAll("[data-testid=open-entry]").Count == 1);
    }
}

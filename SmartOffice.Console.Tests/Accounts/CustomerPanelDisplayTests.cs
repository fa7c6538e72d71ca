using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Components.Pages.Accounts;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// お客様の概要 rendered with bunit over the real panel service and a real SQLite file (docs/product-enquiry-and-quotes.md): one
/// closed line until asked for, read when opened (not when the page renders), and a dealer rep sees only their own customers.
/// </summary>
public sealed class CustomerPanelDisplayTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private Department _other = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _other = await _database.AddCustomerAsync("D2", "20000017");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private BunitContext Context(ICurrentStaff staff)
    {
        var context = new BunitContext().ForComponents();
        context.Services.AddSingleton(new CustomerPanelService(_database, staff, _database.BusinessClock));
        return context;
    }

    [Fact]
    public async Task The_panel_is_one_closed_line_and_reads_the_customer_only_when_opened()
    {
        using var _ = new CultureScope("ja-JP");
        await using var context = Context(TestStaff.DeskAgent);
        var panel = context.Render<CustomerPanel>(p => p.Add(x => x.CustomerId, _department.CustomerId));

        var toggle = panel.Find("[data-testid=customer-panel-toggle]");
        Assert.Equal(("false", "お客様の概要"), (toggle.GetAttribute("aria-expanded"), toggle.TextContent.Trim()));
        Assert.Empty(panel.FindAll("[data-testid=customer-panel-body]"));

        // Renamed after the page rendered: the panel shows the new name, so nothing was read before it was opened.
        await _database.UpdateAsync<Dealer>(await _database.DealerIdOfAsync(_department), d => d.Name = "開いてから読んだ販売店");
        await panel.Find("[data-testid=customer-panel-toggle]").ClickAsync(new());

        panel.WaitForElement("[data-testid=customer-panel-body]");
        Assert.Equal("true", panel.Find("[data-testid=customer-panel-toggle]").GetAttribute("aria-expanded"));
        Assert.Contains("開いてから読んだ販売店", panel.Find("[data-testid=panel-dealer]").TextContent);
        Assert.Contains("総務部", panel.Find("[data-testid=panel-departments]").TextContent);
        foreach (var section in new[] { "panel-points", "panel-orders", "panel-returns", "panel-lockouts", "panel-faxes" })
            Assert.Single(panel.FindAll($"[data-testid={section}]"));

        await panel.Find("[data-testid=customer-panel-toggle]").ClickAsync(new());
        Assert.Empty(panel.FindAll("[data-testid=customer-panel-body]"));
    }

    [Fact]
    public async Task No_customer_no_panel()
    {
        await using var context = Context(TestStaff.DeskAgent);
        var panel = context.Render<CustomerPanel>(p => p.Add(x => x.CustomerId, (int?)null));

        Assert.Empty(panel.FindAll("[data-testid=customer-panel]"));
    }

    [Fact]
    public async Task A_dealer_rep_sees_their_own_customer_without_faxes_and_is_refused_another_dealers()
    {
        using var _ = new CultureScope("ja-JP");
        await using var context = Context(TestStaff.DealerRep(await _database.DealerIdOfAsync(_department)));
        var own = context.Render<CustomerPanel>(p => p.Add(x => x.CustomerId, _department.CustomerId));
        await own.Find("[data-testid=customer-panel-toggle]").ClickAsync(new());
        own.WaitForElement("[data-testid=customer-panel-body]");
        Assert.Empty(own.FindAll("[data-testid=panel-faxes]"));

        var other = context.Render<CustomerPanel>(p => p.Add(x => x.CustomerId, _other.CustomerId));
        await other.Find("[data-testid=customer-panel-toggle]").ClickAsync(new());

        Assert.Equal("このお客様の概要を見る権限がありません。", other.WaitForElement("[data-testid=customer-panel-error]").TextContent.Trim());
        Assert.Empty(other.FindAll("[data-testid=customer-panel-body]"));
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>The order grid as the agent leaves a field: the code and quantity show as the domain reads them (全角 stayed 全角).</summary>
public sealed class OrderLineGridKeyboardTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public Task InitializeAsync() => GridContext(_context);

    /// <summary>What the grid needs to render: MudBlazor, the UI texts, the rules' settings; JS calls accepted.</summary>
    internal static Task GridContext(BunitContext context)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton(Options.Create(new RulesOptions()));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    [Fact]
    public void A_full_width_code_and_quantity_show_normalised_once_left()
    {
        var form = new OrderEntryForm();
        var changes = 0;
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form).Add(x => x.OnLinesChanged, () => changes++));

        grid.Find(OrderLineGrid.FieldSelector(0, "code")).Change("ａ１０７９１９０");
        grid.Find(OrderLineGrid.FieldSelector(0, "qty")).Change("１２");

        Assert.Equal("A1079190", grid.Find(OrderLineGrid.FieldSelector(0, "code")).GetAttribute("value"));
        Assert.Equal("12", grid.Find(OrderLineGrid.FieldSelector(0, "qty")).GetAttribute("value"));
        Assert.Equal(("A1079190", "12"), (form.Lines[0].Code, form.Lines[0].Quantity));
        Assert.Equal(2, changes);
    }

    [Fact]
    public void Keyed_by_hand_moving_between_fields_sends_the_server_nothing()
    {
        // Enter moves the focus field to field: without a FAX read there is no crop to show, so no focus event and no render.
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, new OrderEntryForm()));

        foreach (var field in new[] { "code", "qty", "comment" })
            Assert.Throws<MissingEventHandlerException>(() => grid.Find(OrderLineGrid.FieldSelector(0, field)).Focus());
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// The order grid as the agent leaves a field: the code and quantity show as the domain reads them (全角 stayed 全角).
/// </summary>
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
    /// <summary>Where the grid last asked console.js to put the cursor (after its render).</summary>
    private string LastFocus() => (string)_context.JSInterop.Invocations.Last(i => i.Identifier == "smartOffice.focus").Arguments[0]!;

    [Fact]
    public void Add_line_reuses_an_empty_last_line_and_adds_one_after_a_filled_last_line_with_the_cursor_on_its_code()
    {
        var form = new OrderEntryForm();
        (form.Lines[0].Code, form.Lines[0].Quantity) = ("A1079190", "1");
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form));

        grid.Find("[data-testid=add-line]").Click();
        Assert.Equal(OrderEntryForm.InitialLines, form.Lines.Count);
        grid.WaitForAssertion(() => Assert.Equal(OrderLineGrid.FieldSelector(1, "code"), LastFocus()));

        foreach (var line in form.Lines)
            (line.Code, line.Quantity) = ("A1079190", "1");
        grid.Find("[data-testid=add-line]").Click();
        Assert.Equal(OrderEntryForm.InitialLines + 1, form.Lines.Count);
        Assert.Equal(OrderEntryForm.InitialLines + 1, grid.FindAll("[data-testid=line]").Count);
        grid.WaitForAssertion(() => Assert.Equal(OrderLineGrid.FieldSelector(OrderEntryForm.InitialLines, "code"), LastFocus()));
    }

    [Fact]
    public void Lines_pasted_from_Excel_fill_from_the_line_pasted_on_and_the_cursor_goes_to_the_line_after()
    {
        var form = new OrderEntryForm();
        var changes = 0;
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form).Add(x => x.OnLinesChanged, () => changes++));

        grid.InvokeAsync(() => grid.Instance.PasteLines(3, "A1079190\t2\t総務\r\nB2000001\t10\r\n\t\t\r\nC3000001\t1\t\r\n"));

        Assert.Equal(["", "", "", "A1079190", "B2000001", "C3000001", ""], form.Lines.Select(l => l.Code));
        Assert.Equal("総務", grid.Find(OrderLineGrid.FieldSelector(3, "comment")).GetAttribute("value"));
        Assert.Equal("10", grid.Find(OrderLineGrid.FieldSelector(4, "qty")).GetAttribute("value"));
        Assert.Equal(1, changes);
        grid.WaitForAssertion(() => Assert.Equal(OrderLineGrid.FieldSelector(6, "code"), LastFocus()));
    }

    [Fact]
    public void Removing_a_line_keeps_the_cursor_on_the_same_row_and_the_last_one_on_the_new_last()
    {
        var form = new OrderEntryForm();
        for (var i = 0; i < form.Lines.Count; i++)
            form.Lines[i].Code = $"A000000{i}";
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form));

        grid.InvokeAsync(() => grid.Instance.RemoveLine(1));
        Assert.Equal(["A0000000", "A0000002", "A0000003", "A0000004"], form.Lines.Select(l => l.Code));
        grid.WaitForAssertion(() => Assert.Equal(OrderLineGrid.FieldSelector(1, "code"), LastFocus()));

        grid.InvokeAsync(() => grid.Instance.RemoveLine(3));
        Assert.Equal(3, grid.FindAll("[data-testid=line]").Count);
        grid.WaitForAssertion(() => Assert.Equal(OrderLineGrid.FieldSelector(2, "code"), LastFocus()));
    }
}

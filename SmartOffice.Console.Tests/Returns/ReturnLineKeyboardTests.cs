using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>
/// The 未開封 box of a return line as the desk keys it: Space changes it, the documented Enter (次の項目) only moves on.
/// MudBlazor's checkbox sets itself on Enter, which saved an opened item as unopened and let it pass the opened-item rule.
/// </summary>
public sealed class ReturnLineKeyboardTests : IAsyncLifetime
{
    private static readonly ReturnOrderLine Line = new(11, 1, "A107919", "コピー用紙 A4", "用紙", false, 2980, 3, 3, 0,
        new DateOnly(2026, 11, 20), new DateOnly(2027, 2, 18), 77);

    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    private (IRenderedComponent<ReturnLineRow> Row, ReturnLineEntry Entry) Render()
    {
        var entry = new ReturnLineEntry();
        var row = _context.Render<ReturnLineRow>(p => p.Add(x => x.Line, Line).Add(x => x.Entry, entry));
        return (row, entry);
    }

    /// <summary>The line's only checkbox (MudBlazor puts the test id on the input or on its wrapper, depending on the version).</summary>
    private static AngleSharp.Dom.IElement Box(IRenderedComponent<ReturnLineRow> row) => row.Find("input[type=checkbox]");

    [Fact]
    public void Unopened_starts_unset_so_only_the_agents_tick_says_unopened()
    {
        var (row, entry) = Render();

        Assert.False(entry.Unopened);
        Assert.False(Box(row).HasAttribute("checked"));
    }

    [Fact]
    public void Enter_on_a_box_the_agent_changed_moves_on_without_changing_it()
    {
        var (row, entry) = Render();
        
        // Ticked from the form (Space, or a click), then Enter to go on: still ticked.
        Box(row).Change(true);
        Box(row).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", Code = "Enter" });
        Assert.True(entry.Unopened);

        // Unticked, then Enter: stays unticked (it turned itself back on).
        Box(row).Change(false);
        Box(row).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", Code = "Enter" });
        Box(row).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "NumpadEnter", Code = "NumpadEnter" });
        Assert.False(entry.Unopened);
        Assert.False(Box(row).HasAttribute("checked"));
    }
}

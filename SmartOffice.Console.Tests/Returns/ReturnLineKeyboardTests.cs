using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Tests.Returns;

/// <summary>
/// The 未開封 box of a return line as the desk keys it. That Enter only moves on (MudBlazor's checkbox ticks itself on Enter,
/// which console.js stops before Blazor sees the key) is a browser matter: ReturnPagesBrowserTests keys it.
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
}

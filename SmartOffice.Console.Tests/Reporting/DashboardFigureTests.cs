using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Reporting;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>bunit on a MudBlazor component (docs/stack-pitfalls.md pitfall 9: loose JS interop, Mud services, async dispose).</summary>
public sealed class DashboardFigureTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        return Task.CompletedTask;
    }

    [Fact]
    public void Shows_label_value_and_hint()
    {
        var figure = _context.Render<DashboardFigure>(p => p
            .Add(x => x.Label, "ロック中のWeb ID")
            .Add(x => x.Value, "12")
            .Add(x => x.Hint, "上限間近 3 件")
            .Add(x => x.TestId, "locked"));

        Assert.Equal("ロック中のWeb ID", figure.Find(".mud-typography-subtitle2").TextContent);
        Assert.Equal("12", figure.Find(".dashboard-figure").TextContent);
        Assert.Contains("上限間近 3 件", figure.Markup);
        Assert.NotNull(figure.Find("[data-testid=locked]"));
    }

    [Fact]
    public void Alert_figures_use_the_error_colour_and_others_do_not()
    {
        var alert = _context.Render<DashboardFigure>(p => p.Add(x => x.Label, "a").Add(x => x.Value, "1").Add(x => x.Alert, true));
        var calm = _context.Render<DashboardFigure>(p => p.Add(x => x.Label, "b").Add(x => x.Value, "0"));

        Assert.Contains("--mud-palette-error", alert.Find(".dashboard-figure").GetAttribute("style"));
        Assert.Null(calm.Find(".dashboard-figure").GetAttribute("style"));
        Assert.Empty(calm.FindAll(".mud-typography-caption"));
    }

    [Fact]
    public void A_figure_with_its_list_is_a_link_to_it()
    {
        var linked = _context.Render<DashboardFigure>(p =>
            p.Add(x => x.Label, "返品").Add(x => x.Value, "3").Add(x => x.Href, "returns").Add(x => x.TestId, "open-returns"));

        var link = linked.Find("a[data-testid=open-returns-link]");
        Assert.Equal("returns", link.GetAttribute("href"));
        Assert.Contains("3", link.TextContent);
    }

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();
}

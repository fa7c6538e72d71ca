using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// What a console component needs under bunit (docs/stack-pitfalls.md pitfall 9): loose JS interop, MudBlazor's services, the
/// UI texts, the rules' settings and a business clock at a fixed instant. Page tests over a real database add their services.
/// </summary>
public static class ComponentContext
{
    /// <summary>2026-11-25 10:00 Japan time, the suite's ordinary Wednesday (docs/architecture.md "Tests on real parts").</summary>
    public static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    public static BunitContext ForComponents(this BunitContext context, DateTimeOffset? now = null)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var rules = Options.Create(new RulesOptions());
        context.Services.AddSingleton(rules);
        var time = new FakeTimeProvider(now ?? Wednesday);
        context.Services.AddSingleton<TimeProvider>(time);
        context.Services.AddSingleton(new BusinessClock(time, rules));
        return context;
    }

    /// <summary>MudBlazor's colour of a chip ("success", "warning", "default"…), read from its class.</summary>
    public static string ChipColour(AngleSharp.Dom.IElement chip) =>
        chip.ClassList.Single(c => c.StartsWith("mud-chip-color-", StringComparison.Ordinal))["mud-chip-color-".Length..];
}

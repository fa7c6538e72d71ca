using MudBlazor;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Components.Layout;

/// <summary>A navigation entry, shown to the roles that have its capability.</summary>
public sealed record NavSection(string Href, string TextKey, string Icon, Capability Capability);

/// <summary>The console's pages by capability. A capability adds its entry here when its page exists.</summary>
public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new("lockouts", "Nav.Lockouts", Icons.Material.Filled.LockOpen, Capability.WebUserLockView),
        new("reports/purchases", "Nav.Purchases", Icons.Material.Filled.Download, Capability.PurchaseDataDownload),
        new("reports/eco", "Nav.Eco", Icons.Material.Filled.Park, Capability.PurchaseDataDownload),
        new("reports/operations", "Nav.Operations", Icons.Material.Filled.BarChart, Capability.Operations),
        new("calendar", "Nav.Calendar", Icons.Material.Filled.CalendarMonth, Capability.Operations),
        new("regions", "Nav.Regions", Icons.Material.Filled.Schedule, Capability.Operations),
        new("jobs", "Nav.Jobs", Icons.Material.Filled.PlayCircleOutline, Capability.Operations),
    ];
}

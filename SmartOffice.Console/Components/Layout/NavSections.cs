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
        new("returns", "Nav.Returns", Icons.Material.Filled.AssignmentReturn, Capability.ReturnSlipView),
        new("points", "Nav.Points", Icons.Material.Filled.Stars, Capability.PointsView),
        new("points/requests", "Nav.BalanceRequests", Icons.Material.Filled.Fax, Capability.PointsView),
        new("prizes/applications", "Nav.PrizeApplications", Icons.Material.Filled.Inventory, Capability.PointsView),
        new("prizes", "Nav.Prizes", Icons.Material.Filled.CardGiftcard, Capability.PointsView),
        new("lockouts", "Nav.Lockouts", Icons.Material.Filled.LockOpen, Capability.WebUserLockView),
        new("calendar", "Nav.Calendar", Icons.Material.Filled.CalendarMonth, Capability.Operations),
        new("regions", "Nav.Regions", Icons.Material.Filled.Schedule, Capability.Operations),
        new("jobs", "Nav.Jobs", Icons.Material.Filled.PlayCircleOutline, Capability.Operations),
    ];
}

using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Components.Layout;

/// <summary>A navigation entry, shown to the roles that have its capability.</summary>
public sealed record NavSection(string Href, string TextKey, string Icon, Capability Capability, NavLinkMatch Match = NavLinkMatch.Prefix);

/// <summary>The console's pages by capability. A capability adds its entry here when its page exists.</summary>
public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new("fax", "Nav.FaxInbox", Icons.Material.Filled.Inbox, Capability.FaxOrderEntry),
        new("fax-forms", "Nav.FaxForms", Icons.Material.Filled.Print, Capability.FaxOrderEntry),
        new("orders/new", "Nav.OrderEntry", Icons.Material.Filled.Fax, Capability.FaxOrderEntry),
        // Exact: "orders" would also light up on "orders/new", the entry above.
        new("orders", "Nav.Orders", Icons.Material.Filled.ReceiptLong, Capability.OrderSearch, NavLinkMatch.All),
        new("products", "Nav.Products", Icons.Material.Filled.Inventory2, Capability.ProductEnquiry),
        new("quotes", "Nav.Quotes", Icons.Material.Filled.RequestQuote, Capability.ProductEnquiry),
        new("customers", "Nav.Customers", Icons.Material.Filled.Business, Capability.AccountView),
        new("returns", "Nav.Returns", Icons.Material.Filled.AssignmentReturn, Capability.ReturnSlipView),
        new("points", "Nav.Points", Icons.Material.Filled.Stars, Capability.PointsView),
        new("points/requests", "Nav.BalanceRequests", Icons.Material.Filled.Fax, Capability.PointsView),
        new("prizes/applications", "Nav.PrizeApplications", Icons.Material.Filled.Inventory, Capability.PointsView),
        new("prizes", "Nav.Prizes", Icons.Material.Filled.CardGiftcard, Capability.PointsView, NavLinkMatch.All),
        new("lockouts", "Nav.Lockouts", Icons.Material.Filled.LockOpen, Capability.WebUserLockView),
        new("reports/purchases", "Nav.Purchases", Icons.Material.Filled.Download, Capability.PurchaseDataDownload),
        new("reports/eco", "Nav.Eco", Icons.Material.Filled.Park, Capability.PurchaseDataDownload),
        new("reports/operations", "Nav.Operations", Icons.Material.Filled.BarChart, Capability.Operations),
        new("fax-recognition", "Nav.FaxRecognition", Icons.Material.Filled.DocumentScanner, Capability.Operations),
        new("calendar", "Nav.Calendar", Icons.Material.Filled.CalendarMonth, Capability.Operations),
        new("regions", "Nav.Regions", Icons.Material.Filled.Schedule, Capability.Operations),
        new("jobs", "Nav.Jobs", Icons.Material.Filled.PlayCircleOutline, Capability.Operations),
        new("audit", "Nav.Audit", Icons.Material.Filled.History, Capability.AuditTrail),
        new("staff", "Nav.Staff", Icons.Material.Filled.ManageAccounts, Capability.StaffAdministration),
        new("warehouse", "Nav.Warehouse", Icons.Material.Filled.LocalShipping, Capability.WarehouseResults, NavLinkMatch.All),
        new("warehouse/stock", "Nav.Stock", Icons.Material.Filled.Inventory, Capability.WarehouseResults),
        new("orders/follow-up", "Nav.FollowUp", Icons.Material.Filled.PendingActions, Capability.FaxOrderEntry),
    ];
}

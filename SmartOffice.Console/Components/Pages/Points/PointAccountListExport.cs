using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Components.Pages.Points;

/// <summary>ポイント口座's export: the page's columns and search, balances as of today.</summary>
public static class PointAccountListExport
{
    public static readonly ListExport Declaration = new ListExport<PointAccountService, PointsText, PointAccountQuery, PointAccountRow>(
        "point-accounts", Capability.PointsView, "Accounts.Title", (service, query, token) => service.ExportAsync(query, token), c => c
            .Text("Col.Kind", r => r.OptedOut ? $"{c.T["Kind." + r.Kind]} {c.T["Account.OptedOut"]}" : c.T["Kind." + r.Kind], 12)
            .Text("Col.CustomerCode", r => r.CustomerCode, 12)
            .Text("Col.Company", r => r.CustomerName, 30)
            .Text("Col.Department", r => r.DepartmentName, 18)
            .Text("Col.WebUser", r => r.WebUserId is null ? null : $"{r.WebUserId} {r.WebUserName}", 22)
            .Number("Col.Balance", r => r.Balance)
            .Number("Col.ExpiringThisMonth", r => r.ExpiringThisMonth));
}

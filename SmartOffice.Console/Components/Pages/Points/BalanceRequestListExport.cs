using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Points;

namespace SmartOffice.Console.Components.Pages.Points;

/// <summary>残高照会's export: open requests oldest first, or every request newest first, as the page lists them.</summary>
public static class BalanceRequestListExport
{
    public static readonly ListExport Declaration = new ListExport<BalanceRequestService, PointsText, bool, BalanceRequestRow>(
        "balance-requests", Capability.PointsView, "Requests.Title",
        (service, openOnly, token) => service.ExportAsync(openOnly, token), c => c
            .Time("Col.ReceivedAt", r => r.FaxReceivedAt)
            .Text("Col.Age", r => r.SentAt is null ? PointsLinks.Age(c.Now - r.FaxReceivedAt, c.T["Age.Hours"], c.T["Age.Days"]) : "—", 8)
            .Text("Col.CustomerCode", r => r.CustomerCode, 12)
            .Text("Col.Company", r => r.CustomerName, 30)
            .Text("Col.Department", r => r.DepartmentName, 18)
            .Word("Col.Status", "RequestStatus.", r => (BalanceRequestStatus?)r.Status, 10));
}

using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Components.Pages.Prizes;

/// <summary>景品交換申請's export: the backlog or the chosen status, in the page's order.</summary>
public static class PrizeApplicationListExport
{
    public static readonly ListExport Declaration =
        new ListExport<PrizeApplicationService, PrizesText, PrizeApplicationQuery, PrizeApplicationRow>(
        "prize-applications", Capability.PointsView, "Applications.Title",
        (service, query, token) => service.ExportAsync(query, token), c =>
        {
            var points = c.With<PointsText>();
            c.Text("Col.Number", r => r.ApplicationNumber, 16)
                .Word("Col.Status", "Status.", r => (PrizeApplicationStatus?)r.Status, 10)
                .Time("Col.ReceivedAt", r => r.ReceivedAt)
                .Text("Col.Age", r => PointsLinks.Age(c.Now - r.ReceivedAt, points.T["Age.Hours"], points.T["Age.Days"]), 8)
                .Word("Col.Channel", "Channel.", r => (OrderChannel?)r.Channel, 8);
            points.Text("Col.Company", r => $"{r.CustomerName} ・ {r.DepartmentName}", 36);
            c.Text("Col.Prize", r => r.PrizeName, 30)
                .Number("Col.Quantity", r => r.Quantity, 8);
            points.Number("Col.Points", r => r.Points);
        });
}

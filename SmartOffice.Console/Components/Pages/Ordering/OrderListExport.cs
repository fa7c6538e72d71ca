using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>注文照会's export: the page's columns, filter and sort.</summary>
public static class OrderListExport
{
    public static readonly ListExport Declaration = new ListExport<OrderSearchService, OrderingText, OrderSearchQuery, OrderSearchRow>(
        "orders", Capability.OrderSearch, "Search.Title", (service, query, token) => service.ExportAsync(query, token), c => c
            .Text("Search.OrderNumber", r => r.OrderNumber, 18)
            .Time("Search.ReceivedAt", r => r.ReceivedAt)
            .Word("Search.Channel", "Channel.", r => (OrderChannel?)r.Channel, 8)
            .Word("Search.Status", "Status.", r => (OrderStatus?)r.Status, 10)
            .Text("Search.CustomerCode", r => r.CustomerCode, 12)
            .Text("Search.CustomerName", r => r.CustomerName, 30)
            .Text("Search.Department", r => r.DepartmentName, 18)
            .Number("Search.Lines", r => r.LineCount, 8)
            .Yen("Search.Total", r => r.Total));
}

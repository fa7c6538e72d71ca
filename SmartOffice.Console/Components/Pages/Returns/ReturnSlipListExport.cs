using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Components.Pages.Returns;

/// <summary>返品's export: the page's columns, status filter and text filter, in its order.</summary>
public static class ReturnSlipListExport
{
    public static readonly ListExport Declaration = new ListExport<ReturnSlipService, ReturnsText, ReturnSlipQuery, ReturnSlipRow>(
        "returns", Capability.ReturnSlipView, "List.Title", (service, query, token) => service.ExportAsync(query, token), c => c
            .Text("Col.SlipNumber", r => r.SlipNumber, 16)
            .Word("Col.Status", "Status.", r => (ReturnSlipStatus?)r.Status, 10)
            .Date("Col.FormReceived", r => r.FormReceivedOn)
            .Number("Col.Age", r => DateOnly.FromDateTime(c.Now.DateTime).DayNumber - r.FormReceivedOn.DayNumber, 8)
            .Text("Col.OrderNumber", r => r.OrderNumber, 18)
            .Text("Col.Customer", r => $"{r.CustomerName} ({r.CustomerCode})", 36)
            .Text("Col.Lines", r => $"{r.LineCount} / {r.Quantity}", 8)
            .Yen("Col.Credit", r => r.CreditAmount == 0 ? null : r.CreditAmount));
}

using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Console.Components.Pages.FaxInbox;

/// <summary>受信FAX's export: the chosen view (open, mine, done, rejected) in the queue's order.</summary>
public static class FaxQueueListExport
{
    public static readonly ListExport Declaration = new ListExport<FaxInboxService, FaxInboxText, FaxInboxView, FaxInboxRow>(
        "fax-queue", Capability.FaxOrderEntry, "Inbox.Title", (service, view, token) => service.ExportAsync(view, token), c => c
            .Number("Col.No", r => r.Id, 8)
            .Time("Col.ReceivedAt", r => r.ReceivedAt)
            .Text("Col.Sender", r => r.CustomerCode is not null ? $"{r.CustomerCode} {r.CustomerName}"
                : r.SenderFax is { } fax ? string.Format(c.T["Sender.Unknown"], fax) : c.T["Sender.None"], 30)
            .Word("Col.Kind", "Kind.", r => (FaxKind?)r.Kind, 10)
            .Text("Col.Status", r => r.Status == FaxStatus.InProgress
                ? $"{c.T["Status." + r.Status]} ({r.ClaimedByName})"
                : c.T["Status." + r.Status], 16)
            .Time("Col.Cutoff", r => r.Cutoff?.At)
            .Text("Col.Keyed", r => r.Keyed?.Number ?? r.CloseNote, 20));
}

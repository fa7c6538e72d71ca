using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Auditing;

namespace SmartOffice.Console.Components.Pages.Auditing;

/// <summary>監査ログ's export: the page's filter, newest first, each entry in the history's words.</summary>
public static class AuditListExport
{
    public static readonly ListExport Declaration = new ListExport<AuditTrailService, UiText, AuditQuery, AuditEntry>(
        "audit", Capability.AuditTrail, "Nav.Audit", (service, query, token) => service.ExportAsync(query, token), c =>
        {
            var history = c.With<HistoryText>();
            c.Time("Audit.At", e => e.At)
                .Text("Audit.Staff", e => e.StaffName, 14);
            history.Text("Audit.Kind", e => c.History.EntityName(e.EntityType), 14)
                .Text("Audit.Record", e => c.History.Record(e), 18);
            c.Text("Audit.What", e => c.History.ActionName(e.Action), 20)
                .Text("Audit.RequestedBy", e => e.RequestedBy, 24)
                .Text("Audit.Detail", e => c.History.Format(e).Detail, 60);
            history.Text("Audit.Note", e => e.Note, 30);
        });
}

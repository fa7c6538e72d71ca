using SmartOffice.Domain.Staff;
using SmartOffice.Console.Reporting;
using SmartOffice.Domain.Accounts;

namespace SmartOffice.Console.Components.Pages.Accounts;

/// <summary>ID失効・ロック解除's export: the queue or search as the page lists it.</summary>
public static class LockoutListExport
{
    public static readonly ListExport Declaration = new ListExport<WebUserLockoutService, AccountsText, WebUserQuery, WebUserRow>(
        "lockouts", Capability.WebUserLockView, "Lockouts.Title", (service, query, token) => service.ExportAsync(query, token), c => c
            .Text("Col.Status", r => StatusOf(c, r), 16)
            .Text("Col.UserId", r => r.UserId, 12)
            .Text("Col.Name", r => r.Name, 16)
            .Text("Col.CustomerCode", r => r.CustomerCode, 12)
            .Text("Col.Company", r => r.CustomerName, 30)
            .Text("Col.Department", r => r.DepartmentName, 18)
            .Time("Col.LockedAt", r => r.LockedAt)
            .Number("Col.Failures", r => r.FailedPasswordCount, 8)
            .Time("Col.LastAttempt", r => r.LastFailedAt));

    /// <summary>The status chips' words (<see cref="WebUserStatusChip"/>), joined.</summary>
    private static string StatusOf(ListColumns<WebUserRow> c, WebUserRow r)
    {
        var status = c.T[r.IsLocked ? "Status.Locked" : r.IsActive ? "Status.Open" : "Status.Inactive"];
        return r.MustChangePassword ? $"{status} {c.T["Status.MustChange"]}" : status;
    }
}

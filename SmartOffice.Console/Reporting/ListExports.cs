using SmartOffice.Console.Components.Pages.Accounts;
using SmartOffice.Console.Components.Pages.Auditing;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Components.Pages.Jobs;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Console.Components.Pages.Prizes;
using SmartOffice.Console.Components.Pages.Returns;

namespace SmartOffice.Console.Reporting;

/// <summary>Every list that exports; a new list's export is its declaration beside its page and one line here.</summary>
public static class ListExports
{
    public static readonly IReadOnlyList<ListExport> All =
    [
        OrderListExport.Declaration,
        CustomerListExport.Declaration,
        LockoutListExport.Declaration,
        ReturnSlipListExport.Declaration,
        PointAccountListExport.Declaration,
        BalanceRequestListExport.Declaration,
        PrizeApplicationListExport.Declaration,
        FaxQueueListExport.Declaration,
        JobRunListExport.Declaration,
        AuditListExport.Declaration,
    ];

    public static ListExport? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}

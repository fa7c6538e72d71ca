using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Components.Pages.Accounts;
using SmartOffice.Console.Components.Pages.Auditing;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Components.Pages.Jobs;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Console.Components.Pages.Prizes;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Console.Reporting;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using Xunit.Abstractions;
using static SmartOffice.Console.Tests.Staff.Outcome;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// Every routable page (found by its <see cref="RouteAttribute"/>) × every caller, over HTTP against the shared demo console
/// with one cookie-signed-in client per demo account: the middleware's redirect to sign-in or to /denied, and — for a
/// page of one record — the domain's refusal shown in place. Records belong to the second demo dealer (dealer2's), so
/// dealer1 is the rep of another dealer. Y: 200 without a refusal (a record page shows the record); N: sent to sign-in
/// (anonymous) or refused, with nothing of the record in the answer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAuthorisationMatrixTests(ConsoleApp app, ITestOutputHelper output)
{
    internal static readonly PageRow[] Rows =
    [
        //                                             anon desk own other super admin
        Page("/signin",                                Y, Y, Y, Y, Y, Y),
        Page("/error",                                 Y, Y, Y, Y, Y, Y),
        Page("/not-found",                             Y, Y, Y, Y, Y, Y),
        Page("/denied",                                N, Y, Y, Y, Y, Y),
        Page("/",                                      N, Y, Y, Y, Y, Y),
        Page("/fax",                                   N, Y, N, N, Y, Y),
        Page("/fax/{Id:int}",                          N, Y, N, N, Y, Y, r => $"fax/{r.FaxId}", r => r.FaxCustomerCode),
        Page("/fax-forms",                             N, Y, N, N, Y, Y),
        Page("/fax-recognition",                       N, N, N, N, Y, Y),
        Page("/orders",                                N, Y, Y, Y, Y, Y),
        Page("/orders/new",                            N, Y, N, N, Y, Y),
        Page("/orders/{Id:int}",                       N, Y, Y, N, Y, Y, r => $"orders/{r.OrderId}", r => r.OrderNumber),
        Page("/orders/{CorrectId:int}/correct",        N, Y, N, N, Y, Y, r => $"orders/{r.OrderId}/correct"),
        Page("/orders/{Id:int}/stock-out",             N, Y, N, N, Y, Y, r => $"orders/{r.OrderId}/stock-out", r => r.OrderNumber),
        Page("/orders/follow-up",                      N, Y, N, N, Y, Y),
        Page("/products",                              N, Y, Y, Y, Y, Y),
        Page("/quotes",                                N, Y, Y, Y, Y, Y),
        Page("/quotes/{Id:int}",                       N, Y, Y, N, Y, Y, r => $"quotes/{r.QuoteId}", r => r.QuoteNumber),
        Page("/returns",                               N, Y, Y, Y, Y, Y),
        Page("/returns/new",                           N, Y, N, N, Y, Y),
        Page("/returns/{Id:int}",                      N, Y, Y, N, Y, Y, r => $"returns/{r.SlipId}", r => r.SlipNumber),
        Page("/returns/{Id:int}/notice",               N, Y, Y, N, Y, Y, r => $"returns/{r.NoticeSlipId}/notice", r => r.NoticeSlipNumber),
        Page("/lockouts",                              N, Y, Y, Y, Y, Y),
        Page("/lockouts/forgotten-id",                 N, Y, N, N, Y, Y),
        Page("/lockouts/{Id:int}",                     N, Y, Y, N, Y, Y, r => $"lockouts/{r.WebUserId}", r => r.WebUserCode),
        Page("/customers",                             N, Y, Y, Y, Y, Y),
        Page("/customers/new",                         N, Y, Y, Y, Y, Y),
        Page("/customers/{Id:int}",                    N, Y, Y, N, Y, Y, r => $"customers/{r.CustomerId}", r => r.CustomerCode),
        Page("/customers/{Id:int}/change",             N, Y, Y, N, Y, Y, r => $"customers/{r.CustomerId}/change", r => r.CustomerCode),
        Page("/points",                                N, Y, Y, Y, Y, Y),
        Page("/points/{Id:int}",                       N, Y, Y, N, Y, Y, r => $"points/{r.PointAccountId}",
            r => r.PointAccountCustomerName),
        Page("/points/requests",                       N, Y, Y, Y, Y, Y),
        Page("/points/requests/{Id:int}/sheet",        N, Y, Y, N, Y, Y, r => $"points/requests/{r.BalanceRequestId}/sheet",
            r => r.BalanceRequestCustomerCode),
        Page("/prizes",                                N, Y, Y, Y, Y, Y),
        Page("/prizes/applications",                   N, Y, Y, Y, Y, Y),
        Page("/prizes/applications/{Id:int}",          N, Y, Y, N, Y, Y, r => $"prizes/applications/{r.ApplicationId}",
            r => r.ApplicationNumber),
        Page("/reports/purchases",                     N, Y, Y, Y, Y, Y),
        Page("/reports/eco",                           N, Y, Y, Y, Y, Y),
        Page("/reports/operations",                    N, N, N, N, Y, Y),
        Page("/calendar",                              N, N, N, N, Y, Y),
        Page("/regions",                               N, N, N, N, Y, Y),
        Page("/jobs",                                  N, N, N, N, Y, Y),
        Page("/audit",                                 N, N, N, N, Y, Y),
        // The console's own staff: administrators only; one's own password: everyone signed in.
        Page("/staff",                                 N, N, N, N, N, Y),
        Page("/account/password",                      N, Y, Y, Y, Y, Y),
        Page("/warehouse",                             N, N, N, N, Y, Y),
        Page("/warehouse/stock",                       N, N, N, N, Y, Y),
    ];

    /// <summary>The endpoints that are not pages but hand out a customer's data: the purchase data download and a FAX's
    /// page image.</summary>
    internal static readonly PageRow Download = new("/reports/purchases/download", [N, Y, Y, N, Y, Y],
        r => $"reports/purchases/download?customer={r.CustomerId}&from={r.Today.AddMonths(-1):yyyy-MM-dd}&to={r.Today:yyyy-MM-dd}&format=" +
            $"CsvUtf8", null);

    internal static readonly PageRow FaxPageImage =
        new("/fax/{id}/pages/{n}.png", [N, Y, N, N, Y, Y], r => $"fax/{r.FaxId}/pages/1.png", null);

    /// <summary>
    /// Every list's export through the one download endpoint, unfiltered (all pages): as the list's page, and a rep's export never
    /// holds a row of the other dealer's customers (the records' markers must not appear in the file).
    /// </summary>
    internal static readonly PageRow[] ListExportRows =
    [
        Export(OrderListExport.Declaration, new OrderSearchQuery(null, null, null, null, null, null, 0, 25), N, Y, Y, Y, Y, Y),
        Export(CustomerListExport.Declaration, new CustomerQuery(null, 0, 25), N, Y, Y, Y, Y, Y),
        Export(LockoutListExport.Declaration, new WebUserQuery(null, false, 0, 25), N, Y, Y, Y, Y, Y),
        Export(ReturnSlipListExport.Declaration, new ReturnSlipQuery(null, false, null, 0, 25), N, Y, Y, Y, Y, Y),
        Export(PointAccountListExport.Declaration, new PointAccountQuery(null, 0, 25), N, Y, Y, Y, Y, Y),
        Export(BalanceRequestListExport.Declaration, false, N, Y, Y, Y, Y, Y),
        Export(PrizeApplicationListExport.Declaration, new PrizeApplicationQuery(null, 0, 25), N, Y, Y, Y, Y, Y),
        Export(FaxQueueListExport.Declaration, FaxInboxView.Open, N, Y, N, N, Y, Y),
        Export(JobRunListExport.Declaration, null, N, N, N, N, Y, Y),
        Export(AuditListExport.Declaration, new AuditQuery(null, null, null, null, null, null), N, N, N, N, Y, Y),
    ];

    private static PageRow Export(ListExport export, object? query, params Outcome[] expected) =>
        new($"/exports/{export.Name}", expected, _ => ListExportEndpoint.Url(export, query, ExportFormat.CsvUtf8, "matrix").TrimStart('/'),
            null);

    [Fact]
    public void Every_list_export_has_a_row() =>
        Assert.Equal(ListExports.All.Select(e => $"/exports/{e.Name}").Order(), ListExportRows.Select(r => r.Template).Order());

    /// <summary>The order form to print for customers (the FAX inbox's callers).</summary>
    internal static readonly PageRow OrderFormImage = new("/fax-forms/order.png", [N, Y, N, N, Y, Y], _ => "fax-forms/order.png", null);

    private static readonly PageRow[] Endpoints = [Download, FaxPageImage, OrderFormImage, .. ListExportRows];

    private static readonly (Caller Caller, string? UserName)[] Callers =
    [
        (Caller.Anonymous, null), (Caller.DeskAgent, DemoStaff.DeskAgent2), (Caller.OwnDealerRep, DemoStaff.DealerRep2),
        (Caller.OtherDealerRep, DemoStaff.DealerRep), (Caller.Supervisor, DemoStaff.Supervisor),
            (Caller.Administrator, DemoStaff.Administrator),
    ];

    [Fact]
    public void Every_routable_page_has_a_row()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
            .Select(r => r.Template).ToHashSet();
        var missing = routes.Except(Rows.Select(r => r.Template)).Order().ToList();
        Assert.True(missing.Count == 0, "Add a row to the page authorisation matrix for: " + string.Join(", ", missing));
        Assert.Empty(Rows.Select(r => r.Template).Except(routes));
    }

    [Fact]
    public async Task Every_page_answers_each_caller_as_the_role_table_says()
    {
        var records = await RecordsAsync(app);
        var wrong = new List<string>();
        foreach (var (caller, userName) in Callers)
        {
            using var client = await StaffHttp.ClientAsync(app.BaseAddress, userName, DemoStaff.Password);
            foreach (var row in Rows.Concat(Endpoints))
            {
                var expected = row.Expected[(int)caller];
                var (got, detail) = await GetAsync(client, row, records, caller);
                output.WriteLine($"{row.Template} {caller}: {got} ({detail})");
                if (got != expected)
                    wrong.Add($"{row.Template} {caller}: expected {expected}, got {got?.ToString() ?? "the record"} ({detail})");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private async Task<(Outcome? Outcome, string Detail)> GetAsync(HttpClient client, PageRow row, PageRecords records, Caller caller)
    {
        using var response = await client.GetAsync(row.Url?.Invoke(records) ?? row.Template.TrimStart('/'));
        var body = await response.Content.ReadAsStringAsync();
        var marker = row.Shows?.Invoke(records);
        // A refused caller must get nothing of the record, whatever the status.
        var leaked = caller is Caller.Anonymous or Caller.OtherDealerRep && records.Markers.FirstOrDefault(body.Contains) is { } m ? m
            : null;
        var where = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var refused = caller == Caller.Anonymous ? where.Contains("/signin", StringComparison.Ordinal)
                : where.Contains("/denied", StringComparison.Ordinal);
            return refused && leaked is null ? (N, "redirect " + where)
                : (null, $"redirect {where}{(leaked is null ? "" : ", shows " + leaked)}");
        }
        if (response.StatusCode != HttpStatusCode.OK)
            return (null, $"{(int)response.StatusCode}");
        if (leaked is not null)
            return (null, "shows " + leaked);
        if (body.Contains("data-testid=\"page-error\"", StringComparison.Ordinal))
            return (null, "200 with an error");
        // The /denied page is the refusal notice itself.
        if (row.Template != "/denied" && body.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal))
            return (N, "200 with the refusal notice");
        // A record page that does not show its record refused in its own words (its not-found message).
        return marker is null || body.Contains(marker, StringComparison.Ordinal) ? (Y, "200") : (N, $"200 without {marker}");
    }

    /// <summary>One record of every kind from a customer of the second demo dealer (dealer2's), read from the demo database.</summary>
    internal static async Task<PageRecords> RecordsAsync(ConsoleApp app)
    {
        _ = app.BaseAddress;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var dealer = await db.Users.Where(u => u.UserName == DemoStaff.DealerRep2).Select(u => u.DealerId!.Value).SingleAsync();
        var customers = db.Customers.Where(c => c.DealerId == dealer);
        var order = await db.Orders.Where(o => customers.Any(c => c.Id == o.CustomerId) && o.Channel == Domain.Rules.OrderChannel.Fax)
            .OrderByDescending(o => o.Id).Select(o => new { o.Id, o.OrderNumber, o.CustomerId }).FirstAsync();
        var slip = await db.ReturnSlips.Where(s => customers.Any(c => c.Id == s.CustomerId)).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.SlipNumber }).FirstAsync();
        var noticeSlip = await db.ReturnSlips.Where(s => customers.Any(c => c.Id == s.CustomerId)
                && s.Status != Domain.Returns.ReturnSlipStatus.Received && s.Status != Domain.Returns.ReturnSlipStatus.PickupArranged)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.SlipNumber }).FirstAsync();
        var webUser = await db.WebUsers.Where(u => customers.Any(c => c.Id == u.Department!.CustomerId)).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.UserId }).FirstAsync();
        var account = await db.PointAccounts.Where(a =>
            customers.Any(c => c.Id == db.Departments.First(d => d.Id == a.DepartmentId).CustomerId))
            .OrderBy(a => a.Id).Select(a => new { a.Id, db.Departments.First(d => d.Id == a.DepartmentId).Customer!.Name }).FirstAsync();
        // The demo keys only a few balance requests (about one per dealer): when dealer2's customers have none, the matrix
        // keys one on a department account of theirs, as the desk would.
        if (!await db.BalanceRequests.AnyAsync(r => customers.Any(c => c.Id == r.CustomerId)))
        {
            var departmentAccount = await db.PointAccounts.Where(a => a.Kind == PointAccountKind.Department
                    && customers.Any(c => c.Id == db.Departments.First(d => d.Id == a.DepartmentId).CustomerId))
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.DepartmentId, db.Departments.First(d => d.Id == a.DepartmentId).CustomerId })
                    .FirstAsync();
            db.BalanceRequests.Add(
                BalanceRequest.Register(departmentAccount.CustomerId, departmentAccount.DepartmentId, departmentAccount.Id,
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-1)));
            await db.SaveChangesAsync();
        }
        var request = await db.BalanceRequests.Where(r => customers.Any(c => c.Id == r.CustomerId)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, db.Customers.First(c => c.Id == r.CustomerId).Code }).FirstAsync();
        var application = await db.PrizeApplications.Where(a => db.PointAccounts.Any(p => p.Id == a.PointAccountId
                && customers.Any(c => c.Id == db.Departments.First(d => d.Id == p.DepartmentId).CustomerId)))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.ApplicationNumber }).FirstAsync();
        var customer = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => new { c.Id, c.Code }).SingleAsync();
        // The FAX inbox is no dealer's: any FAX whose sender is a customer (its page shows the customer's code).
        var fax = await db.FaxInboxItems.Where(f => f.CustomerId != null).OrderBy(f => f.Id)
            .Select(f => new { f.Id, db.Customers.First(c => c.Id == f.CustomerId).Code }).FirstAsync();
        var today = app.Services.GetRequiredService<Domain.Calendar.BusinessClock>().Today;
        var quote = await QuoteMatrixRecord.OfAsync(app, order.Id);
        return new PageRecords(customer.Id, customer.Code, order.Id, order.OrderNumber, slip.Id, slip.SlipNumber, noticeSlip.Id,
            noticeSlip.SlipNumber,
            webUser.Id, webUser.UserId, account.Id, account.Name, request.Id, request.Code, application.Id, application.ApplicationNumber,
                fax.Id, fax.Code, today,
            quote.Id, quote.QuoteNumber);
    }

    private static PageRow Page(string template, Outcome anonymous, Outcome desk, Outcome ownRep, Outcome otherRep, Outcome supervisor,
        Outcome administrator, Func<PageRecords, string>? url = null, Func<PageRecords, string>? shows = null) =>
        new(template, [anonymous, desk, ownRep, otherRep, supervisor, administrator], url, shows);
}

public sealed record PageRow(string Template, Outcome[] Expected, Func<PageRecords, string>? Url, Func<PageRecords, string>? Shows);

public sealed record PageRecords(int CustomerId, string CustomerCode, int OrderId, string OrderNumber, int SlipId, string SlipNumber,
    int NoticeSlipId, string NoticeSlipNumber, int WebUserId, string WebUserCode, int PointAccountId, string PointAccountCustomerName,
        int BalanceRequestId,
    string BalanceRequestCustomerCode, int ApplicationId, string ApplicationNumber, int FaxId, string FaxCustomerCode, DateOnly Today,
    int QuoteId = 0, string QuoteNumber = "")
{
    /// <summary>What only the second dealer's records contain: never in an answer to anonymous or to the other dealer's rep.</summary>
    public IReadOnlyList<string> Markers =>
        [CustomerCode, OrderNumber, SlipNumber, NoticeSlipNumber, WebUserCode, ApplicationNumber, BalanceRequestCustomerCode, QuoteNumber];
}

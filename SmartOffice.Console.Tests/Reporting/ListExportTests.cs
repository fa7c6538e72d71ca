using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SmartOffice.Console.Components.Pages.Accounts;
using SmartOffice.Console.Components.Pages.Auditing;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Components.Pages.Jobs;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Console.Components.Pages.Prizes;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Reporting;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>
/// Every list exports what it shows (issue 24): a filtered list downloaded through the one endpoint, as the signed-in demo
/// staff member, reads back equal to the page's rows — every page of them, fetched as the page fetches them (its service
/// method, page by page) — under the page's column headers, in Japanese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ListExportTests(ConsoleApp app)
{
    private const int PageSize = 100;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Orders_filtered_by_channel_and_days_sorted_by_total()
    {
        var from = app.BusinessClock.Today.AddDays(-20);
        var query = new OrderSearchQuery(null, null, from, null, OrderChannel.Fax, null, 0, PageSize, "Total", false);
        var rows = await PagesAsync<OrderSearchService, OrderSearchRow>(DemoStaff.DeskAgent2,
            async (s, skip) => (await s.SearchAsync(query with { Skip = skip })) is var p ? (p.Rows, p.Total) : default);
        var t = Text<OrderingText>();
        Assert.True(rows.Count > PageSize, "more than one page");
        Assert.Equal(rows.Select(r => r.Total).Order(), rows.Select(r => r.Total));
        await AssertExportAsync(DemoStaff.DeskAgent2, OrderListExport.Declaration, query,
            [t["Search.OrderNumber"], t["Search.ReceivedAt"], t["Search.Channel"], t["Search.Status"], t["Search.CustomerCode"],
                t["Search.CustomerName"],
                t["Search.Department"], t["Search.Lines"], t["Search.Total"]],
            rows.Select(r => new[] { r.OrderNumber, Time(r.ReceivedAt), "FAX", t["Status." + r.Status], r.CustomerCode, r.CustomerName,
                r.DepartmentName,
                Num(r.LineCount), Num(r.Total) }));
    }

    [Fact]
    public async Task Customers_of_a_dealer_rep_are_their_own_dealers_only()
    {
        var query = new CustomerQuery(null, 0, PageSize);
        var rows = await PagesAsync<CustomerAccountService, CustomerRow>(DemoStaff.DealerRep2,
            async (s, skip) => (await s.FindAsync(query with { Skip = skip })) is var p ? (p.Rows, p.Total) : default);
        var dealer = await DealerNameAsync(DemoStaff.DealerRep2);
        Assert.All(rows, r => Assert.Equal(dealer, r.DealerName));
        var t = Text<AccountsText>();
        await AssertExportAsync(DemoStaff.DealerRep2, CustomerListExport.Declaration, query,
            [t["Col.CustomerCode"], t["Col.Company"], t["Col.Kana"], t["Col.Phone"], t["Col.Fax"], t["Col.Region"], t["Col.Dealer"]],
            rows.Select(r => new[] { r.Code, r.Name, r.NameKana, r.Phone, r.Fax ?? "", r.RegionName, r.DealerName }));
    }

    [Fact]
    public async Task Locked_web_users_newest_lock_first()
    {
        var query = new WebUserQuery(null, true, 0, PageSize);
        var rows = await PagesAsync<WebUserLockoutService, WebUserRow>(DemoStaff.DeskAgent2,
            async (s, skip) => (await s.FindAsync(query with { Skip = skip })) is var p ? (p.Rows, p.Total) : default);
        Assert.NotEmpty(rows);
        var t = Text<AccountsText>();
        await AssertExportAsync(DemoStaff.DeskAgent2, LockoutListExport.Declaration, query,
            [t["Col.Status"], t["Col.UserId"], t["Col.Name"], t["Col.CustomerCode"], t["Col.Company"], t["Col.Department"],
                t["Col.LockedAt"],
                t["Col.Failures"], t["Col.LastAttempt"]],
            rows.Select(r => new[] { r.MustChangePassword ? $"{t["Status.Locked"]} {t["Status.MustChange"]}" : t["Status.Locked"], r.UserId,
                r.Name,
                r.CustomerCode, r.CustomerName, r.DepartmentName, Time(r.LockedAt), Num(r.FailedPasswordCount), Time(r.LastFailedAt) }));
    }

    [Fact]
    public async Task Return_slips_of_every_status_newest_first()
    {
        var query = new ReturnSlipQuery(null, false, null, 0, PageSize);
        var rows = await PagesAsync<ReturnSlipService, ReturnSlipRow>(DemoStaff.DeskAgent2,
            async (s, skip) => (await s.FindAsync(query with { Skip = skip })) is var p ? (p.Rows, p.Total) : default);
        Assert.NotEmpty(rows);
        var t = Text<ReturnsText>();
        var today = app.BusinessClock.Today;
        await AssertExportAsync(DemoStaff.DeskAgent2, ReturnSlipListExport.Declaration, query,
            [t["Col.SlipNumber"], t["Col.Status"], t["Col.FormReceived"], t["Col.Age"], t["Col.OrderNumber"], t["Col.Customer"],
                t["Col.Lines"], t["Col.Credit"]],
            rows.Select(r => new[] { r.SlipNumber, t["Status." + r.Status], Day(r.FormReceivedOn),
                Num(today.DayNumber - r.FormReceivedOn.DayNumber),
                r.OrderNumber, $"{r.CustomerName} ({r.CustomerCode})", $"{r.LineCount} / {r.Quantity}",
                    r.CreditAmount == 0 ? "" : Num(r.CreditAmount) }));
    }

    [Fact]
    public async Task Point_accounts_of_a_dealer_rep_with_todays_balances()
    {
        var query = new PointAccountQuery(null, 0, PageSize);
        var rows = await PagesAsync<PointAccountService, PointAccountRow>(DemoStaff.DealerRep2,
            async (s, skip) => (await s.FindAsync(query with { Skip = skip })) is var p ? (p.Rows, p.Total) : default);
        Assert.True(rows.Count > PageSize, "more than one page");
        var t = Text<PointsText>();
        await AssertExportAsync(DemoStaff.DealerRep2, PointAccountListExport.Declaration, query,
            [t["Col.Kind"], t["Col.CustomerCode"], t["Col.Company"], t["Col.Department"], t["Col.WebUser"], t["Col.Balance"],
                t["Col.ExpiringThisMonth"]],
            rows.Select(r => new[] { r.OptedOut ? $"{t["Kind." + r.Kind]} {t["Account.OptedOut"]}" : t["Kind." + r.Kind], r.CustomerCode,
                r.CustomerName,
                r.DepartmentName, r.WebUserId is null ? "" : $"{r.WebUserId} {r.WebUserName}", Num(r.Balance), Num(r.ExpiringThisMonth) }));
    }

    [Fact]
    public async Task Balance_requests_all_newest_first()
    {
        var rows = await PagesAsync<BalanceRequestService, BalanceRequestRow>(DemoStaff.Supervisor,
            async (s, skip) => (await s.ListAsync(false, skip, PageSize)) is var p ? (p.Rows, p.Total) : default);
        Assert.NotEmpty(rows);
        var t = Text<PointsText>();
        var exported = await ExportAsync(DemoStaff.Supervisor, BalanceRequestListExport.Declaration, false, ExportFormat.CsvUtf8);
        Assert.Equal([t["Col.ReceivedAt"], t["Col.Age"], t["Col.CustomerCode"], t["Col.Company"], t["Col.Department"], t["Col.Status"]],
            exported[0]);
        // The age column counts from the moment of the download, so it is compared by the columns around it.
        Assert.Equal(rows.Select(r =>
            new[] { Time(r.FaxReceivedAt), r.CustomerCode, r.CustomerName, r.DepartmentName, t["RequestStatus." + r.Status] }),
            exported.Skip(1).Select(c => new[] { c[0], c[2], c[3], c[4], c[5] }));
    }

    [Fact]
    public async Task Prize_applications_of_the_open_backlog_oldest_first()
    {
        var query = new PrizeApplicationQuery(null, 0, PageSize);
        var rows = await PagesAsync<PrizeApplicationService, PrizeApplicationRow>(DemoStaff.DeskAgent2,
            async (s, skip) => (await s.FindAsync(query with { Skip = skip })) is var p ? (p.Rows, p.Total) : default);
        Assert.NotEmpty(rows);
        var t = Text<PrizesText>();
        var p = Text<PointsText>();
        var exported = await ExportAsync(DemoStaff.DeskAgent2, PrizeApplicationListExport.Declaration, query, ExportFormat.CsvUtf8);
        Assert.Equal([t["Col.Number"], t["Col.Status"], t["Col.ReceivedAt"], t["Col.Age"], t["Col.Channel"], p["Col.Company"],
            t["Col.Prize"],
            t["Col.Quantity"], p["Col.Points"]], exported[0]);
        Assert.Equal(rows.Select(r => new[] { r.ApplicationNumber, t["Status." + r.Status], Time(r.ReceivedAt), t["Channel." + r.Channel],
                $"{r.CustomerName} ・ {r.DepartmentName}", r.PrizeName, Num(r.Quantity), Num(r.Points) }),
            exported.Skip(1).Select(c => c.Where((_, i) => i != 3).ToArray()));
    }

    [Fact]
    public async Task The_FAX_queue_as_the_open_view_lists_it()
    {
        var rows = await PagesAsync<FaxInboxService, FaxInboxRow>(DemoStaff.DeskAgent2,
            async (s, skip) => (await s.ListAsync(new FaxInboxQuery(FaxInboxView.Open, skip, PageSize))) is var p ? (p.Rows, p.Total)
                : default);
        Assert.NotEmpty(rows);
        var t = Text<FaxInboxText>();
        await AssertExportAsync(DemoStaff.DeskAgent2, FaxQueueListExport.Declaration, FaxInboxView.Open,
            [t["Col.No"], t["Col.ReceivedAt"], t["Col.Sender"], t["Col.Kind"], t["Col.Status"], t["Col.Cutoff"], t["Col.Keyed"]],
            rows.Select(r => new[] { Num(r.Id), Time(r.ReceivedAt),
                r.CustomerCode is not null ? $"{r.CustomerCode} {r.CustomerName}" : r.SenderFax is { } fax
                    ? string.Format(t["Sender.Unknown"], fax) : t["Sender.None"],
                t["Kind." + r.Kind], r.Status == FaxStatus.InProgress ? $"{t["Status." + r.Status]} ({r.ClaimedByName})"
                    : t["Status." + r.Status],
                Time(r.Cutoff?.At), r.Keyed?.Number ?? r.CloseNote ?? "" }));
    }

    [Fact]
    public async Task Job_runs_every_run_newest_first_with_dates_in_words()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PointExpiryService>().RunAsync(JobRunTrigger.Manual);
        var runs = await PagesAsync<JobRunService, JobRun>(DemoStaff.Supervisor,
            async (s, skip) => skip > 0 ? ([], 0) : ((await s.RecentRunsAsync(10_000)).ToList(), 0));
        Assert.NotEmpty(runs);
        var t = Text<JobsText>();
        var exported = await ExportAsync(DemoStaff.Supervisor, JobRunListExport.Declaration, null, ExportFormat.CsvUtf8);
        Assert.Equal([t["Jobs.StartedAt"], t["Jobs.Job"], t["Jobs.Trigger"], t["Jobs.BusinessKey"], t["Jobs.Outcome"], t["Jobs.Counts"],
            t["Jobs.Duration"], t["Jobs.Detail"]], exported[0]);
        Assert.Equal(runs.Select(r => new[] { Time(r.StartedAt), r.JobName, t["Trigger." + r.Trigger], t["Outcome." + r.Outcome] }),
            exported.Skip(1).Select(c => new[] { c[0], c[1], c[2], c[4] }));
        Assert.DoesNotContain(exported.Skip(1), c => c[3].Contains('-') || c[7].Contains("-1"));
    }

    [Fact]
    public async Task Audit_entries_filtered_by_kind_newest_first_in_words()
    {
        var query = new AuditQuery(null, "Order", null, null, app.BusinessClock.Today.AddDays(-400), null);
        var rows = await PagesAsync<AuditTrailService, AuditRow>(DemoStaff.Supervisor,
            async (s, skip) => (await s.SearchAsync(query with { Skip = skip, Take = PageSize })) is var p ? (p.Rows, p.Total) : default);
        Assert.NotEmpty(rows);
        await using var scope = app.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<HistoryFormatter>();
        var ui = Text<UiText>();
        var h = Text<HistoryText>();
        await AssertExportAsync(DemoStaff.Supervisor, AuditListExport.Declaration, query,
            [ui["Audit.At"], ui["Audit.Staff"], h["Audit.Kind"], h["Audit.Record"], ui["Audit.What"], ui["Audit.RequestedBy"],
                ui["Audit.Detail"], h["Audit.Note"]],
            rows.Select(r => r.Entry)
                .Select(e => new[] { Time(e.At), e.StaffName, "注文", e.EntityId, history.ActionName(e.Action), e.RequestedBy ?? "",
                history.Format(e).Detail, e.Note ?? "" }));
    }

    [Fact]
    public async Task The_same_orders_read_back_from_xlsx_and_Shift_JIS()
    {
        var query = new OrderSearchQuery(null, null, app.BusinessClock.Today.AddDays(-3), null, null, OrderStatus.Accepted, 0, PageSize);
        var csv = await ExportAsync(DemoStaff.DeskAgent2, OrderListExport.Declaration, query, ExportFormat.CsvUtf8);
        var sjis = await ExportAsync(DemoStaff.DeskAgent2, OrderListExport.Declaration, query, ExportFormat.CsvShiftJis);
        var xlsx = await ExportAsync(DemoStaff.DeskAgent2, OrderListExport.Declaration, query, ExportFormat.Xlsx);
        Assert.True(csv.Count > 2);
        Assert.Equal(csv, sjis);
        Assert.Equal(csv, xlsx);
    }

    /// <summary>Every page of a list as its page loads them, for the staff member a demo account is.</summary>
    private async Task<List<TRow>> PagesAsync<TService, TRow>(string userName,
        Func<TService, int, Task<(IReadOnlyList<TRow> Rows, int Total)>> page)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<TService>(scope.ServiceProvider, await StaffAsync(userName));
        var rows = new List<TRow>();
        while (true)
        {
            var (found, _) = await page(service, rows.Count);
            rows.AddRange(found);
            if (found.Count < PageSize)
                return rows;
        }
    }

    private async Task<ICurrentStaff> StaffAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName, u.DealerId }).SingleAsync();
        var role = DemoStaff.Members.Single(s => s.UserName == userName).Role;
        return new TestStaff(user.Id, user.DisplayName, user.DealerId, role);
    }

    private async Task<string> DealerNameAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var dealer = await db.Users.Where(u => u.UserName == userName).Select(u => u.DealerId).SingleAsync();
        return await db.Dealers.Where(d => d.Id == dealer).Select(d => d.Name).SingleAsync();
    }

    private async Task AssertExportAsync(string userName, ListExport export, object? query, string[] headers, IEnumerable<string[]> rows)
    {
        var exported = await ExportAsync(userName, export, query, ExportFormat.CsvUtf8);
        Assert.Equal(headers, exported[0]);
        Assert.Equal(rows.ToList(), exported.Skip(1).ToList());
    }

    /// <summary>The export downloaded through the endpoint as a browser does, every cell as text (xlsx numbers and
    /// dates as CSV writes them).</summary>
    internal async Task<List<string[]>> ExportAsync(string userName, ListExport export, object? query, ExportFormat format)
    {
        using var client = await StaffHttp.ClientAsync(app.BaseAddress, userName, DemoStaff.Password);
        using var response = await client.GetAsync(ListExportEndpoint.Url(export, query, format, Guid.NewGuid().ToString("N"))
            .TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return format switch
        {
            ExportFormat.Xlsx => XlsxRows(bytes),
            ExportFormat.CsvShiftJis => PurchaseExportTests.ParseCsv(Encoding.GetEncoding(932).GetString(bytes)),
            _ => PurchaseExportTests.ParseCsv(Encoding.UTF8.GetString(bytes.AsSpan(3))),
        };
    }

    internal static List<string[]> XlsxRows(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var xfs = styles.CellFormats!.Elements<CellFormat>().ToList();
        var sheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        var width = sheet.Descendants<Row>().First().Elements<Cell>().Count();
        return sheet.Descendants<Row>().Select(row =>
        {
            var cells = new string[width];
            Array.Fill(cells, "");
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? Array.IndexOf(cells, "");
                var text = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                var format = cell.StyleIndex is { } s && formats.TryGetValue(xfs[(int)s.Value].NumberFormatId?.Value ?? 0, out var code)
                    ? code : "";
                cells[column] = cell.DataType is null && text.Length > 0 && format.StartsWith("yyyy", StringComparison.Ordinal)
                    ? DateTime.FromOADate(double.Parse(text, Invariant))
                        .ToString(format.Contains("hh") ? "yyyy/MM/dd HH:mm" : "yyyy/MM/dd", Invariant)
                    : text;
            }
            return cells;
        }).ToList();
    }

    private static int? ColumnIndex(string? reference) =>
        reference is null ? null : reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;

    private IStringLocalizer Text<T>() => app.Services.GetRequiredService<IStringLocalizer<T>>();

    private string Time(DateTimeOffset? at) => at is { } a ? app.BusinessClock.ToBusinessTime(a).ToString("yyyy/MM/dd HH:mm", Invariant)
        : "";

    private static string Day(DateOnly date) => date.ToString("yyyy/MM/dd", Invariant);

    private static string Num(long value) => value.ToString(Invariant);
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.Auditing;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Auditing;

/// <summary>
/// 監査ログ (/audit): the audit trail across records for supervisors and administrators — filtered by who, kind of record,
/// record number, customer and Japan days, each entry in the history's words with a link to its record; reps and desk agents
/// are refused in the service, whatever the page does.
/// </summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Order _order = null!, _otherOrder = null!;
    private WebUser _user = null!;
    private Department _department = null!;

    public async Task InitializeAsync()
    {
        _database = await new TestDatabase().InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000001");
        var other = await _database.AddCustomerAsync("D2", "10000002");
        _order = await _database.AddOrderAsync(_department, OrderChannel.Fax, TestDatabase.JapanTime(2026, 11, 20, 9, 0), "F20261120-0001");
        _otherOrder = await _database.AddOrderAsync(other, OrderChannel.Fax, TestDatabase.JapanTime(2026, 11, 20, 9, 5), "F20261120-0002");
        _user = await _database.AddWebUserAsync(_department, "u1000001", failures: 5, lockedAt: TestDatabase.JapanTime(2026, 11, 24, 8, 0));
        await using var db = _database.CreateDbContext();
        db.AuditEntries.AddRange(
            Entry(TestDatabase.JapanTime(2026, 11, 20, 9, 1), "desk", "田中 美咲", "Ordering.FaxOrderSaved", "Order", _order.OrderNumber, null,
                """{"Total":3300}"""),
            Entry(TestDatabase.JapanTime(2026, 11, 21, 10, 0), "super", "伊藤 真理", "Ordering.FaxOrderCorrected", "Order", _order.OrderNumber,
                """{"Total":3300}""", """{"Total":1650}""", "数量訂正"),
            Entry(TestDatabase.JapanTime(2026, 11, 20, 9, 6), "desk", "田中 美咲", "Ordering.FaxOrderSaved", "Order", _otherOrder.OrderNumber,
                null, """{"Total":3300}"""),
            Entry(TestDatabase.JapanTime(2026, 11, 24, 9, 0), "desk2", "佐藤 健太", "Accounts.WebUserUnlocked", "WebUser", _user.UserId,
                """{"LockedAt":"2026-11-23T23:00:00+00:00","FailedPasswordCount":5}""", """{"LockedAt":null,"FailedPasswordCount":0}"""),
            Entry(TestDatabase.JapanTime(2026, 11, 25, 8, 0), "super", "伊藤 真理", "Calendar.ClosureAdded", "CalendarDay", "2026-12-24", null,
                """{"Date":"2026-12-24","Kind":"Closure","Name":"社内行事"}"""));
        await db.SaveChangesAsync();
    }

    private static AuditEntry Entry(DateTimeOffset at, string staffId, string staffName, string action, string type, string id,
        string? before,
        string? after, string? note = null) => new()
    {
        At = at, StaffId = staffId, StaffName = staffName, Action = action, EntityType = type, EntityId = id, Before = before,
            After = after, Note = note,
    };

    private AuditTrailService Service(ICurrentStaff staff) => new(_database, staff, _database.BusinessClock);

    private async Task<List<string>> FoundAsync(AuditQuery query) =>
        (await Service(TestStaff.Supervisor).SearchAsync(query)).Rows.Select(r => $"{r.Entry.Action} {r.Entry.EntityId}").ToList();

    [Fact]
    public async Task A_customer_finds_its_own_records_entries_and_no_one_elses()
    {
        var found = await FoundAsync(new AuditQuery(null, null, null, "10000001", null, null));

        Assert.Equal(["Accounts.WebUserUnlocked u1000001", "Ordering.FaxOrderCorrected F20261120-0001",
            "Ordering.FaxOrderSaved F20261120-0001"], found);
    }

    [Fact]
    public async Task Who_kind_record_and_Japan_days_narrow_the_trail()
    {
        Assert.Equal(["Ordering.FaxOrderCorrected F20261120-0001", "Calendar.ClosureAdded 2026-12-24"],
            (await FoundAsync(new AuditQuery("伊藤", null, null, null, null, null))).AsEnumerable().Reverse().ToList());
        Assert.Equal(3, (await FoundAsync(new AuditQuery(null, "Order", null, null, null, null))).Count);
        Assert.Equal(2, (await FoundAsync(new AuditQuery(null, null, "ｆ20261120-0001", null, null, null))).Count);
        Assert.Equal(["Ordering.FaxOrderSaved F20261120-0002", "Ordering.FaxOrderSaved F20261120-0001"],
            await FoundAsync(new AuditQuery(null, null, null, null, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20))));
    }

    [Fact]
    public async Task An_unknown_customer_code_is_named_in_the_refusal()
    {
        var refusal = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            FoundAsync(new AuditQuery(null, null, null, "99999999", null, null)));
        Assert.Contains("99999999", refusal.Message);
    }

    [Fact]
    public async Task Dealer_reps_and_desk_agents_get_no_audit_trail()
    {
        var rep = TestStaff.DealerRep(await _database.DealerIdOfAsync(_department));
        foreach (var staff in new ICurrentStaff[] { rep, TestStaff.DeskAgent, TestStaff.Anonymous })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                Service(staff).SearchAsync(new AuditQuery(null, null, null, null, null, null)));
            await Assert.ThrowsAsync<AccessDeniedException>(() =>
                Service(staff).ExportAsync(new AuditQuery(null, null, null, null, null, null)));
        }
        Assert.Equal(5, (await Service(TestStaff.Administrator).ExportAsync(new AuditQuery(null, null, null, null, null, null))).Total);
    }

    /// <summary>A staff account's entries (sign-ins, access changes) named their record by its 36-character id, which
    /// widened the column.</summary>
    [Fact]
    public async Task A_staff_accounts_record_is_named_by_the_person_not_its_id()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Users.Add(new StaffUser { Id = "7203cb4f-aa03-4d2b-8e7d-0f3c2a1b9e55", UserName = "admin9", DisplayName = "渡辺 浩" });
            db.AuditEntries.Add(Entry(TestDatabase.JapanTime(2026, 11, 26, 9, 0), "super", "伊藤 真理", "Staff.Disabled", nameof(StaffUser),
                "7203cb4f-aa03-4d2b-8e7d-0f3c2a1b9e55", """{"IsActive":true}""", """{"IsActive":false}"""));
            await db.SaveChangesAsync();
        }

        var row = (await Service(TestStaff.Supervisor).SearchAsync(new AuditQuery(null, nameof(StaffUser), null, null, null, null)))
            .Rows.Single();

        Assert.Equal("渡辺 浩 (admin9)", row.RecordName);
    }

    [Fact]
    public async Task The_page_shows_each_entry_in_words_with_a_link_to_its_record()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton(_database.BusinessClock);
        context.Services.AddSingleton(new ExportTracker(_database.Clock));
        context.Services.AddScoped<HistoryFormatter>();
        context.Services.AddSingleton<ICurrentStaff>(TestStaff.Supervisor);
        context.Services.AddSingleton(Service(TestStaff.Supervisor));

        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        var page = context.Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=audit-row]").Count));
        var links = page.FindAll("[data-testid=audit-record-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"orders/{_order.Id}", links);
        Assert.Contains($"lockouts/{_user.Id}", links);
        Assert.Contains("calendar", links);
        Assert.Contains("ロック日時: 2026/11/24 (火) 08:00 → —", page.Markup);
        Assert.Contains("合計: ￥3,300 → ￥1,650", page.Markup);
        Assert.Contains("数量訂正", page.Find("[data-testid=audit-note]").TextContent + page.Markup);
        Assert.Contains("2026/12/24 (木)", page.Markup);
        Assert.NotNull(page.Find("[data-testid=export-download]"));

        page.Find("[data-testid=audit-customer]").Change("10000001");
        page.Find("[data-testid=audit-filters]").Submit();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=audit-row]").Count));
        Assert.Contains("%2210000001%22", page.Find("[data-testid=export-download]").GetAttribute("href"));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}

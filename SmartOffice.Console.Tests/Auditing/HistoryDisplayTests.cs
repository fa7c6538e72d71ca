using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Auditing;

/// <summary>
/// Histories a person can read (issue 22 items 9–11): every history goes through <see cref="AuditTable"/> and
/// <see cref="HistoryFormatter"/> — labelled fields, yen, Japan time, the UI's words, in Japanese and English.
/// </summary>
public sealed class HistoryDisplayTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private static readonly DateTimeOffset At = new(2026, 12, 3, 5, 32, 18, TimeSpan.Zero);

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var time = new FakeTimeProvider(At);
        _context.Services.AddSingleton(new BusinessClock(time, Options.Create(new RulesOptions())));
        _context.Services.AddScoped<HistoryFormatter>();
        return Task.CompletedTask;
    }

    private static AuditEntry Entry(string action, string type, string id, string? before, string? after, string? note = null) => new()
    {
        At = At, StaffId = "desk", StaffName = "田中 美咲", Action = action, EntityType = type, EntityId = id, Before = before, After = after,
            Note = note,
    };

    private IRenderedComponent<AuditTable> Render(params AuditEntry[] entries) =>
        _context.Render<AuditTable>(p => p.Add(x => x.Entries, entries));

    private static string Detail(IRenderedComponent<AuditTable> table, int row = 0) =>
        string.Join(" / ", table.FindAll("[data-testid=audit-row]")[row].QuerySelectorAll("[data-testid=audit-detail] .history-change")
            .Select(d => d.TextContent));

    [Fact]
    public void An_unlock_shows_the_lock_time_in_Japan_time_the_count_and_yes_for_the_temporary_password()
    {
        using var _ = Culture("ja-JP");
        var table = Render(Entry("Accounts.TemporaryPasswordIssued", "WebUser", "u1234567",
            """{"LockedAt":"2026-12-03T05:32:18.7634631+00:00","FailedPasswordCount":11}""",
            """{"LockedAt":null,"FailedPasswordCount":0,"TemporaryPassword":true}"""));

        Assert.Equal("ロック日時: 2026/12/03 (木) 14:32 → — / パスワード誤り回数: 11 → 0 / 仮パスワード発行: — → はい", Detail(table));
        Assert.DoesNotContain("+00:00", table.Markup);
        Assert.DoesNotContain("True", table.Markup);
    }

    [Fact]
    public void An_order_lock_names_the_kind_in_the_UIs_words()
    {
        using var _ = Culture("ja-JP");
        var table = Render(Entry("Accounts.OrderLockAdded", "Customer", "10000001", null,
            """{"Kind":"Product","Code":"A1000001","Name":"コピー用紙"}"""),
            Entry("Accounts.OrderLockRemoved", "Customer", "10000001", """{"Kind":"Category","Code":"C10","Name":"家具"}""", null));

        Assert.Equal("種類: 商品 / コード: A1000001 / 名称: コピー用紙", Detail(table));
        Assert.Equal("種類: カテゴリ / コード: C10 / 名称: 家具", Detail(table, 1));
        Assert.Contains("注文ロックの追加", table.Markup);
    }

    [Fact]
    public void A_budget_is_yen_and_a_flag_is_yes_or_no()
    {
        using var _ = Culture("ja-JP");
        var table = Render(Entry("Accounts.DepartmentEdited", "Customer", "10000001",
            """{"Code":"001","Name":"総務部","MonthlyBudget":null,"BudgetKind":"Soft"}""",
            """{"Code":"001","Name":"総務部","MonthlyBudget":50000,"BudgetKind":"Hard"}"""),
            Entry("Accounts.ShipToDeactivated", "Customer", "10000001", """{"Name":"倉庫","IsActive":true}""",
                """{"Name":"倉庫","IsActive":false}"""));

        Assert.Equal("コード: 001 / 名称: 総務部 / 月間予算: — → ￥50,000 / 予算の種類: 警告のみ(ソフト) → 超過不可(ハード)", Detail(table));
        Assert.Equal("名称: 倉庫 / 有効: はい → いいえ", Detail(table, 1));
    }

    [Fact]
    public void The_same_history_reads_in_English()
    {
        using var _ = Culture("en-US");
        var table = Render(Entry("Accounts.TemporaryPasswordIssued", "WebUser", "u1234567",
            """{"LockedAt":"2026-12-03T05:32:18.7634631+00:00","FailedPasswordCount":11}""",
            """{"LockedAt":null,"FailedPasswordCount":0,"TemporaryPassword":true}"""));

        Assert.Equal("Locked at: 2026/12/03 (Thu) 14:32 → — / Failed password attempts: 11 → 0 / Temporary password issued: — → Yes",
            Detail(table));
    }

    [Fact]
    public void A_correction_shows_its_reason_and_who_made_it()
    {
        using var _ = Culture("ja-JP");
        var table = Render(Entry("Ordering.FaxOrderCorrected", "Order", "F20261125-000123",
            """{"OrderNumber":"F20261125-000123","Status":"Accepted","DepartmentId":7,"Total":11000,"Lines":[{"LineNumber":""" +
                """1,"ProductCode":"A1000001","Quantity":10,"UnitPrice":1000}]}""",
            """{"OrderNumber":"F20261125-000123","Status":"Accepted","DepartmentId":7,"Total":5500,"Lines":[{"LineNumber":""" +
                """1,"ProductCode":"A1000001","Quantity":5,"UnitPrice":1000}]}""",
            note: "数量訂正（お客様よりFAX）"));

        Assert.Contains("注文を訂正", table.Markup);
        Assert.Equal("数量訂正（お客様よりFAX）", table.Find("[data-testid=audit-note]").TextContent);
        Assert.Contains("田中 美咲", table.Markup);
        var detail = Detail(table);
        Assert.Contains("合計: ￥11,000 → ￥5,500", detail);
        Assert.Contains("数量 10", detail);
        Assert.DoesNotContain("DepartmentId", detail);
    }

    [Fact]
    public void Statuses_are_the_words_of_their_own_pages()
    {
        using var _ = Culture("ja-JP");
        var table = Render(Entry("Returns.PickupArranged", "ReturnSlip", "R2026-0001", """{"Status":"Received"}""",
            """{"Status":"PickupArranged","Details":null}"""),
            Entry("Prizes.Cancelled", "PrizeApplication", "P2026-0001", """{"Status":"Received"}""",
                """{"Status":"Cancelled","Restored":1200,"Points":1200}"""));

        Assert.StartsWith("状態: 受付 → 集荷手配", Detail(table));
        Assert.Equal("状態: 受付 → 取消 / 戻したポイント: — → 1,200 pt / ポイント: — → 1,200 pt", Detail(table, 1));
    }

    [Fact]
    public void A_calendar_day_is_a_date_and_its_kind_a_word()
    {
        using var _ = Culture("ja-JP");
        var table = _context.Render<AuditTable>(p =>
            p.Add(x => x.Entries, [Entry("Calendar.ClosureAdded", "CalendarDay", "2026-12-24", null,
            """{"Date":"2026-12-24","Kind":"Closure","Name":"社内行事"}""")]).Add(x => x.ShowTarget, true));

        Assert.Contains("2026/12/24 (木)", table.Markup);
        Assert.Contains("種類: 休業日", Detail(table));
        Assert.DoesNotContain("2026-12-24", table.Markup);
    }

    [Fact]
    public void Job_runs_show_dates_and_months_not_ISO()
    {
        using var _ = Culture("ja-JP");
        var history = _context.Services.GetRequiredService<HistoryFormatter>();

        Assert.Equal("2026/11/25 (水)", history.JobBusinessKey("2026-11-25"));
        Assert.Equal("2026年12月", history.JobBusinessKey("2026-12"));
        Assert.Equal("締めた受付日: 2026/11/24 (火)、2026/11/25 (水)", history.JobDetail("cutoff-fax-Honshu", "2026-11-24, 2026-11-25"));
        Assert.Equal("失効した有効期限: 2026/10/31 (土)", history.JobDetail("point-expiry", "2026-10-31"));
        Assert.Equal("出荷指示ファイルを再作成: 2 件", history.JobDetail("cutoff-fax-Honshu", "instructions resumed: 2"));
        Assert.Equal("database is locked", history.JobDetail("point-expiry", "database is locked"));
    }

    [Fact]
    public void Job_runs_read_in_English_too()
    {
        using var _ = Culture("en-US");
        var history = _context.Services.GetRequiredService<HistoryFormatter>();

        Assert.Equal("December 2026", history.JobBusinessKey("2026-12"));
        Assert.Equal("Acceptance days closed: 2026/11/25 (Wed)", history.JobDetail("cutoff-fax-Honshu", "2026-11-25"));
        Assert.Equal(CultureInfo.GetCultureInfo("en-US"), CultureInfo.CurrentCulture);
    }

    [Theory]
    [InlineData("ja-JP", "行: 2 / 商品コード: A0000002 / 入荷待ち: 入荷待ち中 → 取消")]
    [InlineData("en-US", "Line: 2 / Product code: A0000002 / Back order: waiting → cancelled")]
    public void A_cancelled_back_order_names_its_state_in_the_UIs_words(string culture, string expected)
    {
        using var _ = Culture(culture);
        var table = Render(Entry("Ordering.BackOrderCancelled", "Order", "F2611260000001",
            """{"LineNumber":2,"ProductCode":"A0000002","Quantity":8,"BackOrder":"Waiting"}""",
            """{"LineNumber":2,"ProductCode":"A0000002","Quantity":8,"BackOrder":"Cancelled"}""", note: "お客様のご依頼"));

        Assert.Equal(expected, Detail(table));
        Assert.DoesNotContain("Waiting", table.Markup);
    }

    [Theory]
    [InlineData("ja-JP", "履歴はまだありません。")]
    [InlineData("en-US", "No history yet.")]
    public void An_empty_history_says_so_instead_of_an_empty_table(string culture, string expected)
    {
        using var _ = Culture(culture);
        var table = Render();

        Assert.Equal(expected, table.Find("[data-testid=audit-empty]").TextContent);
        Assert.Empty(table.FindAll("[data-testid=audit-table]"));
    }

    [Fact]
    public void A_page_hides_values_it_shows_elsewhere_names_values_in_its_own_words_and_drops_columns_it_has_no_use_for()
    {
        using var _ = Culture("ja-JP");
        var entry = Entry("Accounts.DepartmentEdited", "Customer", "10000001",
            """{"Code":"001","Name":"総務部","MonthlyBudget":null}""", """{"Code":"001","Name":"総務部","MonthlyBudget":50000}""");
        var table = _context.Render<AuditTable>(p => p.Add(x => x.Entries, [entry]).Add(x => x.HiddenValues, ["Code"])
            .Add(x => x.ValueText, (string field, string value) => field == "Name" ? "01 総務部" : null).Add(x => x.ShowRequestedBy, false));

        Assert.Equal("名称: 01 総務部 / 月間予算: — → ￥50,000", Detail(table));
        var headers = table.FindAll("thead th").Select(h => h.TextContent).ToList();
        Assert.DoesNotContain("依頼者・確認方法", headers);
        Assert.DoesNotContain("理由・備考", headers);
        Assert.Empty(table.FindAll("[data-testid=audit-note]"));
    }

    /// <summary>The UI language of one test (the circuit's culture in the app).</summary>
    private static CultureScope Culture(string name) => new(CultureInfo.GetCultureInfo(name));

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();
}

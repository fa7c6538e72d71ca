using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Auditing;

/// <summary>
/// /audit after a full day at the desk, at 1366×768 with the menu open, in Japanese and English: the longest action names,
/// staff records, who-asked texts, notes (an IPv6 sign-in address) and whole orders' values must wrap inside the table, not
/// push it sideways (the whole suite's ~590 entries did, WalkthroughLayoutBrowserTests super1 en), and every column still
/// reads: the time and the staff name on one line, a record's number unbroken, no word broken a character or two a
/// line. Screenshots audit-full-day[-en].
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditTrailLayoutBrowserTests(Support.Browser browser)
{
    private const string Order = """
        {"OrderNumber":"F2611180039800","Status":"Voided","DepartmentId":2000,"ShipToId":null,"ShipToDepartmentId":null,
        "ReceivedAt":"2026-11-18T01:05:39+00:00","AcceptanceDay":"2026-11-18","RequestedDeliveryDate":null,
        "GoodsSubtotal":2920,"ShippingFee":0,"TaxStandard":292,"TaxReduced":0,"Total":3212,
        "PointsEarned":0,"PointsShortfall":29,
        "Lines":[{"LineNumber":1,"ProductCode":"A1015838","Quantity":4,"UnitPrice":730,
        "LineComment":null,"ShortOfStock":false}]}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_full_days_trail_fits_1366_and_reads(bool english)
    {
        await using var console = new ConsoleApp();
        await AddFullDayAsync(console);
        var page = await browser.OpenSignedInAsync(console, DemoStaff.Supervisor, DemoStaff.Password, "audit", english);
        await Assertions.Expect(page.Locator("[data-testid=audit-row]")).ToHaveCountAsync(50);
        await page.ScreenshotAsync("audit-full-day" + (english ? "-en" : ""));

        Assert.False(await Layout.ScrollsSidewaysAsync(page),
            $"scrolls sideways ({string.Join("; ", await Layout.PastTheWindowAsync(page))})");
        var fewest = await Layout.FewestCharactersPerWrappedLineAsync(page.Locator(".mud-main-content td"));
        Assert.True(fewest is 0 or >= 2.5, $"a cell wraps at {fewest:0.0} characters a line");
        // The text's own height, not the cell's: a cell is as tall as its row's longest change.
        var oneLine = await page.Locator("[data-testid=audit-row] td:nth-child(-n+2)").EvaluateAllAsync<int>("""
            tds => tds.filter(td => { const r = document.createRange(); r.selectNodeContents(td);
                return r.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(td).lineHeight); }).length
            """);
        Assert.Equal(0, oneLine);
        var brokenNumbers = await page.Locator("[data-testid=audit-row] td a").EvaluateAllAsync<int>("""
            links => links.filter(a => a.getClientRects().length > 1).length
            """);
        Assert.Equal(0, brokenNumbers);
    }

    /// <summary>The widest kinds of entry the suite writes, newest of all, five times over (50 rows: one page).</summary>
    private static async Task AddFullDayAsync(ConsoleApp console)
    {
        await using var db = await console.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
        var super = await db.Users.SingleAsync(u => u.UserName == DemoStaff.Supervisor);
        var desk = await db.Users.SingleAsync(u => u.UserName == DemoStaff.DeskAgent);
        var start = TestClock.Run.GetUtcNow().AddMinutes(1);
        var n = 0;
        AuditEntry Entry(string action, string type, string id, string? before = null, string? after = null, string? requestedBy = null,
            string? note = null) => new()
        {
            At = start.AddSeconds(n++), StaffId = desk.Id, StaffName = desk.DisplayName, Action = action, EntityType = type, EntityId = id,
            Before = before, After = after, RequestedBy = requestedBy, Note = note,
        };
        for (var i = 0; i < 5; i++)
            db.AuditEntries.AddRange(
                Entry("Staff.CurrentPasswordWrong", "StaffUser", super.Id, note: "2001:db8:85a3:8d3:1319:8a2e:370:7348"),
                Entry("Staff.SignedIn", "StaffUser", desk.Id, note: "127.0.0.1"),
                Entry("Accounts.WebUserUnlockedWithTemporaryPassword", "WebUser", "u1000754",
                    """{"LockedAt":"2026-11-18T00:14:35+00:00","FailedPasswordCount":11}""",
                        """{"LockedAt":null,"FailedPasswordCount":0,"TemporaryPassword":true}""",
                    "本人確認済(お客様番号 10003131・電話/FAX 0989224631・部署 事務局) 山田様"),
                Entry("Accounts.CustomerRegistered", "Customer", "10013007", null,
                    """{"Name":"株式会社あらい商店","NameKana":"アライショウテン","PostalCode":"150-0012","Address":"東京都渋谷区広尾1-2-3","Phone":"03-6303-030""" +
                        """0","Fax":null,"Department":"総務部","Administrator":"u1003140","CatalogShippedOn":"2026-11-18"}""",
                    "新井 一郎(来訪)", "同じ電話番号のお客様を確認済み: 10000013"),
                Entry("Accounts.DepartmentEdited", "Customer", "10000735",
                    """{"Code":"001","Name":"管理部","Address":"神奈川県川崎市川崎区港町3丁目23-13 瑞穂ビル5F","MonthlyBudget":null,"BudgetKind":"Hard"}""",
                    """{"Code":"001","Name":"管理部","Address":"神奈川県川崎市川崎区港町3丁目23-13 瑞穂ビル5F","MonthlyBudget":10000,"BudgetKind":"Hard"}""",
                    "山田 花子(電話)"),
                Entry("Ordering.FaxOrderVoided", "Order", "F2611180039800", Order.Replace("Voided", "Accepted"), Order, note: "同じFAXの二重入力"),
                Entry("Ordering.BackOrderServed", "Order", "F2611180039801",
                    """{"LineNumber":2,"ProductCode":"A1015838","BackOrder":"Waiting"}""",
                    """{"LineNumber":2,"ProductCode":"A1015838","BackOrder":"Served"}"""),
                Entry("Ordering.ShippingRepriced", "Order", "F2611180039799",
                    """{"ShippingFee":0,"ShippingFeeReason":"FreeAdditionalOrder","Total":803}""",
                    """{"ShippingFee":300,"ShippingFeeReason":"Charged","Total":1133}""", note: "F2611180039800"),
                Entry("Calendar.DayRemoved", "CalendarDay", "2030-12-05", """{"Date":"2030-12-05","Kind":"Closure","Name":"棚卸し"}"""),
                Entry("FaxInbox.Released", "FaxInboxItem", "3", """{"Status":"InProgress"}""", """{"Status":"New"}""", note: "田中 美咲"));
        await db.SaveChangesAsync();
    }
}

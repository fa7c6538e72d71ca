using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// The account pages on the real app: every page over HTTP as each role; in the browser, a dealer rep's lock and hard budget and
/// the desk agent's FAX order they then refuse.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccountPagesTests(ConsoleApp app, Support.Browser browser)
{
    private SqliteSmartOfficeDbContext Database() => new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>()
        .UseSqlite($"Data Source={Path.Combine(app.DataFolder, "console.db")}").Options);

    /// <summary>A customer of the first demo dealer (dealer1's).</summary>
    private async Task<(int Id, string Name)> Dealer1CustomerAsync(int skip = 0)
    {
        _ = app.BaseAddress;
        await using var db = Database();
        var customer = await db.Customers.AsNoTracking().Where(c => c.Dealer!.Code == "D001").OrderBy(c => c.Code).Skip(skip)
            .Select(c => new { c.Id, c.Name }).FirstAsync();
        return (customer.Id, customer.Name);
    }

    /// <summary>Signs in through the real form (antiforgery token included) and returns a client holding the staff cookie.</summary>
    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        var form = await http.GetStringAsync("signin");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await http.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = DemoStaff.Password, ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("signin", response.Headers.Location!.ToString());
        return http;
    }

    public enum Outcome { Shown, ReadOnly, Denied }

    public static TheoryData<string, string, Outcome> PageMatrix => new()
    {
        // A rep of another dealer: the list and the registration form (for their own dealer) only; this customer is refused.
        { DemoStaff.DealerRep2, "customers", Outcome.Shown },
        { DemoStaff.DealerRep2, "customers/{id}", Outcome.Denied },
        { DemoStaff.DealerRep2, "customers/{id}/change", Outcome.Denied },
        { DemoStaff.DealerRep2, "customers/new", Outcome.Shown },
        // The desk reads accounts and keys registration and change forms.
        { DemoStaff.DeskAgent, "customers", Outcome.Shown },
        { DemoStaff.DeskAgent, "customers/{id}", Outcome.ReadOnly },
        { DemoStaff.DeskAgent, "customers/{id}/change", Outcome.Shown },
        { DemoStaff.DeskAgent, "customers/new", Outcome.Shown },
        // The customer's own rep and a supervisor change everything.
        { DemoStaff.DealerRep, "customers/{id}", Outcome.Shown },
        { DemoStaff.DealerRep, "customers/{id}/change", Outcome.Shown },
        { DemoStaff.Supervisor, "customers", Outcome.Shown },
        { DemoStaff.Supervisor, "customers/{id}", Outcome.Shown },
        { DemoStaff.Supervisor, "customers/{id}/change", Outcome.Shown },
        { DemoStaff.Supervisor, "customers/new", Outcome.Shown },
    };

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Every_account_page_by_direct_URL_shows_only_what_the_role_table_allows(string staff, string path, Outcome expected)
    {
        var customer = await Dealer1CustomerAsync();
        using var http = await SignedInAsync(staff);
        var response = await http.GetAsync(path.Replace("{id}", customer.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected == Outcome.Denied, html.Contains("data-testid=\"access-denied\""));
        if (path.Contains("{id}") && expected != Outcome.Denied)
            Assert.Contains(customer.Name, html);
        if (expected == Outcome.Denied)
            Assert.DoesNotContain(customer.Name, html);
        if (path == "customers/{id}")
        {
            Assert.Equal(expected == Outcome.ReadOnly, html.Contains("data-testid=\"read-only\""));
            Assert.Equal(expected == Outcome.Shown, html.Contains("data-testid=\"requester\""));
        }
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("customers/1")]
    [InlineData("customers/new")]
    [InlineData("customers/1/change")]
    public async Task Anonymous_users_are_sent_to_sign_in(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("signin", response.Headers.Location!.ToString());
    }

    /// <summary>
    /// A customer of dealer1's with one department (the desk's order entry chooses it by itself), a product to lock and an
    /// in-stock product of at least 1,000 yen that a handful of pushes over a 10,000-yen budget.
    /// </summary>
    private async Task<(int Id, string Code, string Name, string ProductCode, string ProductName, string OtherCode, int OtherQuantity)>
        CustomerToCustomiseAsync(int skip)
    {
        _ = app.BaseAddress;
        await using var db = Database();
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Dealer!.Code == "D001" && c.IsActive && c.Departments.Count(d => d.IsActive) == 1)
            .OrderBy(c => c.Code).Skip(skip).Select(c => new { c.Id, c.Code, c.Name }).FirstAsync();
        var products = db.Products.AsNoTracking().Where(p => p.IsActive && p.DeliveryClass == Domain.Rules.DeliveryClass.Standard)
            .OrderBy(p => p.Code);
        var locked = await products.Select(p => new { p.Code, p.Name }).FirstAsync();
        var other = await products.Where(p => p.Code != locked.Code && p.UnitPrice >= 1_000 && p.StockOnHand > 50)
            .Select(p => new { p.Code, p.UnitPrice }).FirstAsync();
        // Even at the largest volume discount (50 %) this line alone is above the budget.
        return (customer.Id, customer.Code, customer.Name, locked.Code, locked.Name, other.Code, 20_000 / other.UnitPrice + 1);
    }

    private async Task<IPage> SignedInPageAsync(string staff, string culture)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: culture);
        if (culture == "en-US")
            await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US",
                Url = app.BaseAddress.ToString() }]);
        await page.SignInAsync(staff, DemoStaff.Password);
        return page;
    }

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    public async Task A_dealer_rep_locks_a_product_and_sets_a_hard_budget_and_the_desks_next_FAX_order_is_refused_with_the_reason(
        string culture)
    {
        var english = culture == "en-US";
        // Each language works on its own customer, so the two runs never meet.
        var customer = await CustomerToCustomiseAsync(skip: english ? 1 : 0);
        var page = await SignedInPageAsync(DemoStaff.DealerRep, culture);
        await page.GotoAsync("customers");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=customers] [data-testid=customer-code]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync($"customers-list-dealer-{culture}");

        await page.GotoAsync($"customers/{customer.Id}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=customer-name]")).ToHaveTextAsync(customer.Name);
        await Assertions.Expect(page.Locator(Field("requester-name"))).ToBeFocusedAsync();
        await page.ScreenshotAsync($"customer-settings-dealer-{culture}");

        // Without who asked, nothing is saved.
        await page.GetByRole(AriaRole.Tab, new() { Name = english ? "Order locks" : "注文ロック" }).ClickAsync();
        await page.FillAsync(Field("lock-code"), customer.ProductCode.ToLowerInvariant());
        await page.ClickAsync("[data-testid=add-lock]");
        await Assertions.Expect(page.Locator("[data-testid=edit-error]")).ToContainTextAsync(english ? "who asked" : "依頼者");

        await page.FillAsync(Field("requester-name"), "山田 花子");
        await page.Locator("[data-testid=requester-channel]").GetByText(english ? "Phone" : "電話", new() { Exact = true }).ClickAsync();
        await page.FillAsync(Field("lock-code"), customer.ProductCode.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=order-lock]")).ToContainTextAsync(customer.ProductCode);
        // Who asked is stored in the business's language, like every audit note.
        await Assertions.Expect(page.Locator("[data-testid=order-lock]")).ToContainTextAsync("山田 花子(電話)");
        await page.ScreenshotAsync($"customer-locks-dealer-{culture}");

        await page.GetByRole(AriaRole.Tab, new() { Name = english ? "Departments & budgets" : "部署・予算" }).ClickAsync();
        await page.Locator("[data-testid=department-row]").First.ClickAsync();
        await page.FillAsync(Field("department-budget"), "10000");
        await page.Locator("[data-testid=department-budget-kind]").GetByText(english ? "Hard (refused)" : "超過不可(ハード)").ClickAsync();
        await page.Locator(Field("department-budget")).FocusAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-testid=department-row]").First).ToContainTextAsync("￥10,000");
        await page.ScreenshotAsync($"customer-departments-dealer-{culture}");

        await page.GetByRole(AriaRole.Tab, new() { Name = english ? "History" : "履歴" }).ClickAsync();
        var history = page.Locator("[data-testid=history]");
        await Assertions.Expect(history).ToContainTextAsync(english ? "Order lock added" : "注文ロックの追加");
        await Assertions.Expect(history).ToContainTextAsync(english ? "Department/budget changed" : "部署・予算の変更");
        await Assertions.Expect(history).ToContainTextAsync("鈴木 一郎");
        await page.ScreenshotAsync($"customer-history-dealer-{culture}");
        await page.GetByRole(AriaRole.Tab, new() { Name = english ? "Approval" : "承認" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=approval-form]")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"customer-approval-dealer-{culture}");

        await using (var db = Database())
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.CustomerId == customer.Id).OrderBy(d => d.Code).FirstAsync();
            Assert.Equal((10_000, Domain.Accounts.BudgetKind.Hard), (department.MonthlyBudget, department.BudgetKind));
            Assert.True(await db.OrderLocks.AnyAsync(l => l.CustomerId == customer.Id));
        }
        var ordersBefore = await OrderCountAsync(customer.Id);

        // Then a desk agent keys this customer's next FAX order: the settings hold at once (issue #9, docs/business-rules.md §3).
        var desk = await SignedInPageAsync(english ? DemoStaff.DeskAgent2 : DemoStaff.DeskAgent, culture);
        await desk.GotoAsync("orders/new");
        await desk.WaitForCircuitAsync();
        await Assertions.Expect(desk.Locator("[data-testid=customer-search]")).ToBeFocusedAsync();
        await desk.Keyboard.TypeAsync(customer.Code);
        await Assertions.Expect(desk.Locator("[data-testid=customer-option][aria-selected=true]")).ToContainTextAsync(customer.Code);
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("[data-testid=customer-card]")).ToContainTextAsync(customer.Code);
        // The page moves focus to the department once the card has rendered; only then does the test take the line.
        await Assertions.Expect(desk.Locator("[data-testid=department]")).ToBeFocusedAsync();

        // The locked product: its line is refused, naming the line, the product and the lock; the save is refused too.
        var code = desk.Locator("[data-line=\"0\"] [data-field=code]");
        await code.FocusAsync();
        await desk.Keyboard.TypeAsync(customer.ProductCode);
        await desk.Keyboard.PressAsync("Enter");
        await desk.Keyboard.TypeAsync("1");
        await desk.Keyboard.PressAsync("Enter");
        var lockRefusal = english
            ? $"Line 1: the customer has locked \"{customer.ProductName}\" against ordering"
            : $"1行目: 「{customer.ProductName}」はお客様が注文ロックしている商品です";
        await Assertions.Expect(desk.Locator("[data-testid=line-problem]")).ToContainTextAsync(lockRefusal);
        await desk.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(desk.Locator("[data-testid=save-error]")).ToContainTextAsync(lockRefusal);
        await desk.ScreenshotAsync($"customer-lock-refused-desk-{culture}");

        // Another product, enough of it to pass the hard budget: the save is refused, naming the budget.
        await code.FillAsync(customer.OtherCode);
        await desk.Keyboard.PressAsync("Enter");
        await desk.Keyboard.PressAsync("Control+A");
        await desk.Keyboard.TypeAsync(customer.OtherQuantity.ToString());
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.Locator("[data-testid=line-problem]")).ToHaveCountAsync(0);
        await Assertions.Expect(desk.Locator("[data-testid=summary-budget]")).ToContainTextAsync("￥10,000");
        await desk.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(desk.Locator("[data-testid=save-error]"))
            .ToContainTextAsync(english ? "monthly budget of 10,000 yen would be exceeded" : "部署の今月の予算10,000円を超えます");
        await desk.ScreenshotAsync($"customer-budget-refused-desk-{culture}");
        Assert.EndsWith("/orders/new", desk.Url);
        Assert.Equal(ordersBefore, await OrderCountAsync(customer.Id));
    }

    private async Task<int> OrderCountAsync(int customerId)
    {
        await using var db = Database();
        return await db.Orders.CountAsync(o => o.CustomerId == customerId);
    }

    [Fact]
    public async Task A_desk_agent_sees_the_account_read_only()
    {
        var customer = await Dealer1CustomerAsync(skip: 2);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DeskAgent, DemoStaff.Password);
        await page.GotoAsync($"customers/{customer.Id}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=save-settings]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "注文ロック" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=add-lock]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("customer-readonly-desk");
    }

    [Fact]
    public async Task A_dealer_rep_registers_a_customer_and_is_warned_of_a_known_phone_number()
    {
        _ = app.BaseAddress;
        var known = await KnownPhoneAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(DemoStaff.DealerRep, DemoStaff.Password);
        await page.GotoAsync("customers/new");
        await page.WaitForCircuitAsync();
        await page.FillAsync(Field("requester-name"), "新井 一郎");
        await page.Locator("[data-testid=requester-channel]").GetByText("来訪", new() { Exact = true }).ClickAsync();
        await page.FillAsync(Field("reg-name"), "株式会社あらい商店");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("あらいしょうてん");
        await page.FillAsync(Field("reg-postal"), "１５０００１２");
        await page.FillAsync(Field("reg-address"), "東京都渋谷区広尾1-2-3");
        await page.FillAsync(Field("reg-phone"), known);
        await page.FillAsync(Field("reg-department"), "総務部");
        await Assertions.Expect(page.Locator("[data-testid=duplicates]")).ToBeVisibleAsync();
        await page.FillAsync(Field("reg-admin"), "新井 一郎");
        await page.ScreenshotAsync("customer-registration-dealer");
        await page.ClickAsync("[data-testid=save-registration]");
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("u");
        await page.ScreenshotAsync("customer-registered-dealer");
    }

    private static string Field(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private async Task<string> KnownPhoneAsync()
    {
        await using var db = Database();
        return await db.Customers.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Phone).FirstAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

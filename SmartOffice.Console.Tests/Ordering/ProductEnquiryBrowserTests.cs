using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// A console without demo data on an <see cref="AdjustableClock"/> (10:00 on an ordinary Wednesday), with one Honshu
/// customer.
/// </summary>
public sealed class EnquiryClockApp : AdjustableClockApp
{
    public const string CustomerCode = "20230001";
    public const string PenCode = "A2300001";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "false" };

    /// <summary>A dealer, a Honshu customer with one department, a ballpoint pen in stock; and a desk agent.</summary>
    public async Task<string> SeedAsync()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync())
        {
            var name = "株式会社照会テスト";
            db.Departments.Add(new Department
            {
                Code = "01", Name = "総務部", PostalCode = "100-0001", Address = "東京都千代田区1-1",
                Customer = new Customer
                {
                    Code = CustomerCode, Name = name, NameKana = "ショウカイテスト", SearchKey = JapaneseInput.SearchKey(name,
                        "ショウカイテスト"),
                    PostalCode = "100-0001", Address = "東京都千代田区1-1", Phone = "03-2300-0001", PhoneDigits = "0323000001",
                    Fax = "03-2300-0002", FaxDigits = "0323000002", Region = await db.Regions.FirstAsync(r => r.Code == "Honshu"),
                    Dealer = new Dealer { Code = "D23", Name = "照会販売店", Phone = "03-0000-2323" },
                },
            });
            db.Products.Add(new Product
            {
                Code = PenCode, Name = "ゲルインクボールペン 黒", Maker = "ぺんてる", UnitPrice = 150, StockOnHand = 200,
                Category = new ProductCategory { Code = "PEN", Name = "筆記具" },
            });
            await db.SaveChangesAsync();
        }
        return await CreateStaffAsync("enquirydesk", Password, StaffRoles.DeskAgent, "照会 花子");
    }
}

/// <summary>
/// 在庫納期照会 in the browser (docs/product-enquiry-and-quotes.md): the same customer's delivery date before and after the
/// 17:00 FAX cutoff on the app's clock, and "add to the order" landing in the entry form of the tab. Japanese and English, 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductEnquiryBrowserTests(Support.Browser browser)
{
    [Theory]
    [InlineData(false, "までのFAX受信で", "受付", "product-enquiry-ja")]
    [InlineData(true, "FAX received by", "accepted", "product-enquiry-en")]
    public async Task The_delivery_date_follows_the_cutoff_and_a_product_goes_into_the_order(bool english, string beforeText,
        string afterText,
        string screenshot)
    {
        await using var app = new EnquiryClockApp();
        var user = await app.SeedAsync();
        var culture = CultureInfo.GetCultureInfo(english ? "en-US" : "ja-JP");
        var today = app.BusinessClock.Today;
        string Short(DateOnly day) => day.ToString("M/d (ddd)", culture);
        var page = await browser.OpenSignedInAsync(app, user, AdjustableClockApp.Password, "products", english);

        await page.FillAsync("[data-testid=customer-search]", EnquiryClockApp.CustomerCode);
        await Assertions.Expect(page.Locator("[data-testid=customer-option]")).ToHaveCountAsync(1);
        await page.PressAsync("[data-testid=customer-search]", "Enter");
        await page.FillAsync("[data-testid=product-search]", "ぼーるぺん");
        await page.PressAsync("[data-testid=product-search]", "Enter");

        // 10:00 on a Wednesday: before the 17:00 cutoff, delivered the next day.
        var when = page.Locator($"[data-testid=enquiry-row][data-code={EnquiryClockApp.PenCode}] [data-testid=when]");
        await Assertions.Expect(when).ToHaveTextAsync(english ? $"FAX received by 17:00: delivered {Short(today.AddDays(1))}"
            : $"17:00 {beforeText} {Short(today.AddDays(1))} お届け");
        await Assertions.Expect(page.Locator("[data-testid=enquiry-customer]")).ToContainTextAsync(EnquiryClockApp.CustomerCode);
        await page.ScreenshotAsync(screenshot + "-before");

        // 17:05 the same day: accepted Thursday, delivered Friday.
        app.Clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(5));
        await page.ClickAsync("[data-testid=search]");
        await Assertions.Expect(when).ToContainTextAsync(afterText);
        await Assertions.Expect(when).ToContainTextAsync(Short(today.AddDays(1)));
        await Assertions.Expect(when).ToContainTextAsync(Short(today.AddDays(2)));
        await page.ScreenshotAsync(screenshot + "-after");

        await page.ClickAsync($"[data-testid=enquiry-row][data-code={EnquiryClockApp.PenCode}] [data-testid=add-to-order]");
        await Assertions.Expect(page.Locator("[data-testid=pending]")).ToContainTextAsync("1");
        await page.ClickAsync("[data-testid=open-entry]");
        await Assertions.Expect(page.Locator("[data-testid=customer-card]")).ToContainTextAsync(EnquiryClockApp.CustomerCode);
        await Assertions.Expect(OrderEntrySteps.Line(page, 0, "code")).ToHaveValueAsync(EnquiryClockApp.PenCode);
        await Assertions.Expect(OrderEntrySteps.Line(page, 0, "qty")).ToBeFocusedAsync();
        await page.ScreenshotAsync(screenshot + "-entry");
    }
}

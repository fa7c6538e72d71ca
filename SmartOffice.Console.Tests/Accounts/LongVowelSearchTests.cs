using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Returns;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// The long-vowel mark ー is part of a name (docs/text-and-order-rules.md): saved as typed, and every search box folds the
/// query and the stored key alike — ー, half-width ｰ and a typed hyphen, ・ and spaces, ひらがな and カタカナ.
/// </summary>
public sealed class LongVowelSearchTests : IAsyncLifetime
{
    private static readonly ChangeRequester ByPhone = new("山田 花子", RequestChannel.Phone);
    private readonly TestDatabase _database = new();
    private Department _green = default!;
    private Department _office = default!;
    private Department _super = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _green = await AddCustomerAsync("10000013", "株式会社グリーンセンター", "グリーンセンター");
        _office = await AddCustomerAsync("10000026", "グリーン・オフィス 有限会社", "グリーン・オフィス");
        _super = await AddCustomerAsync("10000039", "スーパー ステーショナリー株式会社", "スーパー ステーショナリー");
        await AddCustomerAsync("10000042", "株式会社グリル食堂", "グリルショクドウ");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A customer as the demo data and the registration form store one: the name as typed, its key folded from it.</summary>
    private async Task<Department> AddCustomerAsync(string code, string name, string kana)
    {
        var department = await _database.AddCustomerAsync("D1", code);
        await using var db = _database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == department.CustomerId);
        (customer.Name, customer.NameKana, customer.SearchKey) = (name, kana, JapaneseInput.SearchKey(name, kana));
        await db.SaveChangesAsync();
        return department;
    }

    /// <summary>What an agent types for the two グリーン customers: the mark, half-width kana, hiragana, a hyphen.</summary>
    public static TheoryData<string> GreenQueries => ["グリーン", "ｸﾞﾘｰﾝ", "ぐりーん", "グリ-ン", "グリーン "];

    /// <summary>What an agent types for one customer whose name has ・ or a space in it, without them or with others.</summary>
    public static TheoryData<string, string> OneCustomerQueries => new()
    {
        { "グリーンオフィス", "10000026" },
        { "グリーン　オフィス", "10000026" },
        { "ｸﾞﾘｰﾝ･ｵﾌｨｽ", "10000026" },
        { "スーパーステーショナリー", "10000039" },
        { "すーぱー すてーしょなりー", "10000039" },
        { "スーパー・ステーショナリー", "10000039" },
    };

    [Theory]
    [MemberData(nameof(GreenQueries))]
    public async Task Customers_page_finds_names_with_the_long_vowel_however_typed(string query)
    {
        var page = await Accounts().FindAsync(new CustomerQuery(query, 0, 20));
        Assert.Equal(["10000013", "10000026"], page.Rows.Select(r => r.Code));
    }

    [Theory]
    [MemberData(nameof(OneCustomerQueries))]
    public async Task Every_search_box_finds_names_with_middle_dots_and_spaces_however_typed(string query, string code)
    {
        Assert.Equal([code], (await Accounts().FindAsync(new CustomerQuery(query, 0, 20))).Rows.Select(r => r.Code));
        Assert.Equal([code], (await _database.FaxOrders().FindCustomersAsync(query)).Select(c => c.Code));
        Assert.Equal([code], (await Purchases().FindCustomersAsync(query)).Select(c => c.Code));
    }

    [Theory]
    [MemberData(nameof(GreenQueries))]
    public async Task Order_entry_and_the_FAX_forms_customer_search_find_them(string query)
    {
        var found = await _database.FaxOrders().FindCustomersAsync(query);
        Assert.Equal(["10000013", "10000026"], found.Select(c => c.Code));
        Assert.Equal(["10000013", "10000026"], (await Purchases().FindCustomersAsync(query)).Select(c => c.Code));
    }

    [Theory]
    [MemberData(nameof(GreenQueries))]
    public async Task Order_search_finds_their_orders(string query)
    {
        await _database.AddOrderAsync(_green, OrderChannel.Fax, TestDatabase.JapanTime(2026, 11, 24, 10, 0), "F2611240000001");
        await _database.AddOrderAsync(_office, OrderChannel.Fax, TestDatabase.JapanTime(2026, 11, 24, 11, 0), "F2611240000002");
        await _database.AddOrderAsync(_super, OrderChannel.Fax, TestDatabase.JapanTime(2026, 11, 24, 12, 0), "F2611240000003");

        var page = await _database.OrderSearch(TestStaff.DeskAgent)
            .SearchAsync(new OrderSearchQuery(null, query, null, null, null, null, 0, 20));

        Assert.Equal(["F2611240000002", "F2611240000001"], page.Rows.Select(r => r.OrderNumber));
    }

    [Theory]
    [MemberData(nameof(GreenQueries))]
    public async Task Points_and_prize_applications_find_their_accounts(string query)
    {
        await _database.AddAccountAsync(_green);
        await _database.AddAccountAsync(_office);
        await _database.AddAccountAsync(_super);

        var page = await _database.Accounts(TestStaff.DeskAgent).FindAsync(new(query, 0, 20));

        Assert.Equal(["10000013", "10000026"], page.Rows.Select(r => r.CustomerCode).Order());
    }

    [Theory]
    [MemberData(nameof(GreenQueries))]
    public async Task Lockouts_find_web_users_of_those_customers(string query)
    {
        await _database.AddWebUserAsync(_green, "u1000001");
        await _database.AddWebUserAsync(_office, "u1000002");
        await _database.AddWebUserAsync(_super, "u1000003");

        var page = await Lockouts().FindAsync(new WebUserQuery(query, false, 0, 20));

        Assert.Equal(["u1000001", "u1000002"], page.Rows.Select(r => r.UserId).Order());
    }

    [Theory]
    [InlineData("スミス・ジョーンズ")]
    [InlineData("ｽﾐｽ ｼﾞｮｰﾝｽﾞ")]
    [InlineData("スミスジョーンズ")]
    public async Task Lockouts_find_a_web_user_by_a_name_with_the_long_vowel_dot_or_space(string query)
    {
        await using (var db = _database.CreateDbContext())
        {
            db.WebUsers.Add(new WebUser { DepartmentId = _super.Id, UserId = "u1000009", Name = "スミス・ジョーンズ", PasswordHash = "x" });
            await db.SaveChangesAsync();
        }

        var page = await Lockouts().FindAsync(new WebUserQuery(query, false, 0, 20));

        Assert.Equal(["u1000009"], page.Rows.Select(r => r.UserId));
    }

    [Theory]
    [MemberData(nameof(GreenQueries))]
    public async Task Return_slips_are_found_by_their_customers_name(string query)
    {
        foreach (var (department, number) in new[] { (_green, "R0001"), (_office, "R0002"), (_super, "R0003") })
        {
            var order = await _database.AddDeliveredOrderAsync(department, new DateOnly(2026, 11, 20),
                new DeliveredLine("A" + number, 1000, 1));
            await using var db = _database.CreateDbContext();
            db.ReturnSlips.Add(ReturnSlip.Keyed(0, number, order.Id, department.CustomerId, new DateOnly(2026, 11, 24),
                _database.Clock.GetUtcNow(), "desk"));
            await db.SaveChangesAsync();
        }

        var page = await _database.Returns(TestStaff.DeskAgent).FindAsync(new ReturnSlipQuery(null, false, query, 0, 20));

        Assert.Equal(["R0001", "R0002"], page.Rows.Select(r => r.SlipNumber).Order());
    }

    [Fact]
    public async Task Registration_and_changes_save_names_and_addresses_with_the_long_vowel_as_typed()
    {
        var registration = new CustomerRegistrationService(_database, TestStaff.Supervisor, _database.Clock, _database.BusinessClock);
        var dealer = await _database.DealerIdOfAsync(_green);
        await using (var db = _database.CreateDbContext())
        {
            var region = await db.Regions.Where(r => r.Code == "Honshu").Select(r => r.Id).SingleAsync();
            await registration.RegisterAsync(new CustomerRegistration("株式会社ブルーウェーブ", "ぶるーうぇーぶ", "〒100ー0005", "東京都千代田区丸の内1-1 センタービル",
                "０３ー９８７６ー５４３２", null, region, dealer, "コーポレート・センター", "ジョーンズ 花子", null, false, ByPhone));
        }
        var customer = (await Accounts().FindAsync(new CustomerQuery("ブルーウェーブ", 0, 5))).Rows.Single();
        await Accounts(TestStaff.Supervisor).SaveShipToAsync(new ShipToEdit(customer.Id, null, 0, "物流センター", "530-0001",
            "大阪府大阪市北区梅田1-1 ターミナルビル",
            null, ByPhone));
        await _database.Catalog(TestStaff.Supervisor)
            .SaveAsync(new Domain.Prizes.PrizeEdit(0, 0, "ｐｒｚー１", "コーヒーメーカー", 500, 3, new DateOnly(2026, 11, 1), null));

        await using var check = _database.CreateDbContext();
        var saved = await check.Customers.SingleAsync(c => c.Id == customer.Id);
        Assert.Equal(("株式会社ブルーウェーブ", "ブルーウェーブ", "100-0005", "03-9876-5432"), (saved.Name, saved.NameKana, saved.PostalCode, saved.Phone));
        Assert.Equal("東京都千代田区丸の内1-1 センタービル", saved.Address);
        Assert.Equal("コーポレート・センター", (await check.Departments.SingleAsync(d => d.CustomerId == customer.Id)).Name);
        Assert.Equal("ジョーンズ 花子", (await check.WebUsers.SingleAsync(u => u.Department!.CustomerId == customer.Id)).Name);
        var shipTo = await check.ShipTos.SingleAsync(s => s.CustomerId == customer.Id);
        Assert.Equal(("物流センター", "大阪府大阪市北区梅田1-1 ターミナルビル"), (shipTo.Name, shipTo.Address));
        var prize = await check.Prizes.SingleAsync();
        Assert.Equal(("PRZ-1", "コーヒーメーカー"), (prize.Code, prize.Name));
    }

    private CustomerAccountService Accounts(TestStaff? staff = null) =>
        new(_database, staff ?? TestStaff.DeskAgent, _database.Clock, _database.BusinessClock);

    private PurchaseDataService Purchases() => new(_database, TestStaff.DeskAgent, _database.BusinessClock);

    private WebUserLockoutService Lockouts() =>
        new(_database, TestStaff.DeskAgent, _database.Clock, new ListLogger<WebUserLockoutService>());
}

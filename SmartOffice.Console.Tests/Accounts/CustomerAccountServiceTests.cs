using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>Account customisation: validation, the audit with who asked, stale screens refused, the 管理者 rule and the forms.</summary>
public sealed class CustomerAccountServiceTests : IAsyncLifetime
{
    private static readonly ChangeRequester ByPhone = new("山田 花子", RequestChannel.Phone);
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private Department _otherDealers = default!;
    private WebUser _administrator = default!;
    private int _dealerId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _otherDealers = await _database.AddCustomerAsync("D2", "10000026");
        _administrator = await _database.AddWebUserAsync(_department, "u1000001");
        await _database.AddLockableProductAsync();
        _dealerId = await _database.DealerIdOfAsync(_department);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private CustomerAccountService Accounts(ICurrentStaff staff) => new(_database, staff, _database.Clock, _database.BusinessClock);
    private CustomerRegistrationService Registration(ICurrentStaff staff) =>
        new(_database, staff, _database.Clock, _database.BusinessClock);
    private TestStaff Rep => TestStaff.DealerRep(_dealerId);

    private static CustomerSettings Settings(decimal percent = 5m, bool optedOut = false, DateOnly? from = null) =>
        new(optedOut, from, percent, "午前中着", "請求書は本社宛");

    [Fact]
    public async Task A_rep_finds_only_their_dealers_customers_and_a_supervisor_all()
    {
        var mine = await Accounts(Rep).FindAsync(new("テスト", 0, 10));
        Assert.Equal(["10000013"], mine.Rows.Select(r => r.Code));
        var all = await Accounts(TestStaff.Supervisor).FindAsync(new("テスト", 0, 10));
        Assert.Equal(2, all.Total);
        // By phone digits however typed, and by the other dealer's code: nothing for the rep.
        Assert.Equal(1, (await Accounts(Rep).FindAsync(new("０３ー１１１１ー２２２２", 0, 10))).Total);
        Assert.Equal(0, (await Accounts(Rep).FindAsync(new("10000026", 0, 10))).Total);
    }

    [Fact]
    public async Task A_rep_of_another_dealer_is_refused_even_with_the_right_id()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts(Rep).GetAsync(_otherDealers.CustomerId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts(Rep).HistoryAsync(_otherDealers.CustomerId));
        var other = await Accounts(TestStaff.Supervisor).GetAsync(_otherDealers.CustomerId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Accounts(Rep)
            .UpdateSettingsAsync(new(other.Id, other.Version, Settings(), ByPhone)));
    }

    [Fact]
    public async Task A_desk_agent_reads_but_may_not_edit()
    {
        var account = await Accounts(TestStaff.DeskAgent).GetAsync(_department.CustomerId);
        Assert.False(account.MayEdit);
        Assert.True((await Accounts(Rep).GetAsync(_department.CustomerId)).MayEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Accounts(TestStaff.DeskAgent).UpdateSettingsAsync(new(account.Id, account.Version, Settings(), ByPhone)));
    }

    [Theory]
    [InlineData(-0.1, "Accounts.DiscountRange")]
    [InlineData(50.1, "Accounts.DiscountRange")]
    [InlineData(5.25, "Accounts.DiscountPrecision")]
    public async Task The_volume_discount_stays_between_0_and_50_percent(double percent, string key)
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).UpdateSettingsAsync(new(account.Id, account.Version, Settings((decimal)percent), ByPhone)));
        Assert.Equal(key, error.Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    public async Task The_discount_boundaries_are_accepted(int percent)
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        await Accounts(Rep).UpdateSettingsAsync(new(account.Id, account.Version, Settings(percent), ByPhone));
        await using var db = _database.CreateDbContext();
        Assert.Equal(percent / 100m, (await db.Customers.FindAsync(account.Id))!.VolumeDiscountRate);
    }

    [Theory]
    [InlineData(null, RequestChannel.Phone)]
    [InlineData("  ", RequestChannel.Fax)]
    [InlineData("山田", null)]
    public async Task Every_change_needs_who_asked_and_how(string? name, RequestChannel? channel)
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).UpdateSettingsAsync(new(account.Id, account.Version, Settings(), new(name, channel))));
        Assert.Equal("Accounts.RequesterRequired", error.Key);
    }

    [Fact]
    public async Task A_settings_change_is_audited_with_who_when_requester_before_and_after()
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        var from = _database.BusinessClock.Today.AddDays(7);
        await Accounts(Rep).UpdateSettingsAsync(new(account.Id, account.Version, Settings(7.5m, optedOut: true, from: from), ByPhone));

        var history = await Accounts(TestStaff.DeskAgent).HistoryAsync(account.Id);
        var entry = Assert.Single(history.Entries);
        Assert.Equal(("Accounts.SettingsChanged", "鈴木 一郎", "山田 花子(電話)"), (entry.Action, entry.StaffName, entry.RequestedBy));
        Assert.Equal(_database.Clock.GetUtcNow(), entry.At);
        Assert.Equal(0m, JsonDocument.Parse(entry.Before!).RootElement.GetProperty("VolumeDiscountPercent").GetDecimal());
        Assert.Equal(7.5m, JsonDocument.Parse(entry.After!).RootElement.GetProperty("VolumeDiscountPercent").GetDecimal());
        Assert.True(JsonDocument.Parse(entry.After!).RootElement.GetProperty("PointsOptedOut").GetBoolean());
    }

    [Fact]
    public async Task An_opt_out_needs_a_date_that_is_not_in_the_past()
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        var missing = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).UpdateSettingsAsync(new(account.Id, account.Version, Settings(optedOut: true), ByPhone)));
        Assert.Equal("Accounts.OptOutDateRequired", missing.Key);
        var past = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).UpdateSettingsAsync(
            new(account.Id, account.Version, Settings(optedOut: true, from: _database.BusinessClock.Today.AddDays(-1)), ByPhone)));
        Assert.Equal("Accounts.OptOutDatePast", past.Key);
        await Accounts(Rep).UpdateSettingsAsync(new(account.Id, account.Version,
            Settings(optedOut: true, from: _database.BusinessClock.Today), ByPhone));
    }

    [Fact]
    public async Task The_second_of_two_staff_editing_the_same_screen_is_told_to_reload()
    {
        var seenByRep = await Accounts(Rep).GetAsync(_department.CustomerId);
        var seenBySupervisor = await Accounts(TestStaff.Supervisor).GetAsync(_department.CustomerId);
        await Accounts(Rep).UpdateSettingsAsync(new(seenByRep.Id, seenByRep.Version, Settings(3), ByPhone));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(TestStaff.Supervisor).UpdateSettingsAsync(new(seenBySupervisor.Id, seenBySupervisor.Version, Settings(9), ByPhone)));
        Assert.Equal("Accounts.CustomerChanged", error.Key);
        // An order lock keyed on the stale screen is refused too: the lock list belongs to the customer.
        var lockError = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(TestStaff.Supervisor).AddOrderLockAsync(
            new(seenBySupervisor.Id, seenBySupervisor.Version, OrderLockKind.Product, "A1234", ByPhone)));
        Assert.Equal("Accounts.CustomerChanged", lockError.Key);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0.03m, (await db.Customers.FindAsync(seenByRep.Id))!.VolumeDiscountRate);
    }

    [Fact]
    public async Task Order_locks_by_product_code_as_typed_and_by_category()
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        await Accounts(Rep).AddOrderLockAsync(new(account.Id, account.Version, OrderLockKind.Product, "ａ１２３４", ByPhone));
        account = await Accounts(Rep).GetAsync(_department.CustomerId);
        await Accounts(Rep).AddOrderLockAsync(new(account.Id, account.Version, OrderLockKind.Category, "c10",
            new("山田 花子", RequestChannel.Visit)));
        account = await Accounts(Rep).GetAsync(_department.CustomerId);
        Assert.Equal([(OrderLockKind.Product, "A1234"), (OrderLockKind.Category, "C10")], account.OrderLocks.Select(l => (l.Kind, l.Code)));
        Assert.Equal("山田 花子(来訪)", account.OrderLocks[1].RequestedBy);

        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).AddOrderLockAsync(new(account.Id, account.Version, OrderLockKind.Product, "A1234", ByPhone)));
        Assert.Equal("Accounts.LockExists", twice.Key);
        var unknown = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).AddOrderLockAsync(new(account.Id, account.Version, OrderLockKind.Product, "ZZZ", ByPhone)));
        Assert.Equal("Accounts.LockProductUnknown", unknown.Key);

        await Accounts(Rep).RemoveOrderLockAsync(account.Id, account.Version, account.OrderLocks[0].Id, ByPhone);
        Assert.Single((await Accounts(Rep).GetAsync(_department.CustomerId)).OrderLocks);
        Assert.Equal(["Accounts.OrderLockRemoved", "Accounts.OrderLockAdded", "Accounts.OrderLockAdded"],
            (await Accounts(Rep).HistoryAsync(account.Id)).Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Departments_get_the_next_code_and_a_hard_or_soft_budget()
    {
        var id = await Accounts(Rep).SaveDepartmentAsync(new(_department.CustomerId, null, 0, "経理部", "１００００２１", "東京都千代田区2-2", null,
            200_000, BudgetKind.Soft, ByPhone));
        var department = (await Accounts(Rep).GetAsync(_department.CustomerId)).Departments.Single(d => d.Id == id);
        Assert.Equal(("002", "100-0021", 200_000, BudgetKind.Soft),
            (department.Code, department.PostalCode, department.MonthlyBudget, department.BudgetKind));

        await Accounts(Rep).SaveDepartmentAsync(new(_department.CustomerId, id, department.Version, "経理部", "100-0021", "東京都千代田区2-2", null,
            150_000, BudgetKind.Hard, ByPhone));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).SaveDepartmentAsync(
            new(_department.CustomerId, id, department.Version, "経理部", "100-0021", "東京都千代田区2-2", null, null, BudgetKind.Hard, ByPhone)));
        Assert.Equal("Accounts.DepartmentChanged", stale.Key);

        var badPostal = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).SaveDepartmentAsync(
            new(_department.CustomerId, null, 0, "人事部", "100-002", "東京都", null, null, BudgetKind.Hard, ByPhone)));
        Assert.Equal("Accounts.PostalCodeFormat", badPostal.Key);
        var zeroBudget = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).SaveDepartmentAsync(
            new(_department.CustomerId, null, 0, "人事部", "100-0021", "東京都", null, 0, BudgetKind.Hard, ByPhone)));
        Assert.Equal("Accounts.BudgetPositive", zeroBudget.Key);
    }

    [Fact]
    public async Task Ship_tos_are_added_edited_and_deactivated()
    {
        var id = await Accounts(Rep).SaveShipToAsync(new(_department.CustomerId, null, 0, "大阪支店", "530-0001", "大阪府大阪市北区1-1", "06-1234-5678",
            ByPhone));
        var shipTo = (await Accounts(Rep).GetAsync(_department.CustomerId)).ShipTos.Single();
        await Accounts(Rep).DeactivateShipToAsync(_department.CustomerId, id, shipTo.Version, ByPhone);
        Assert.False((await Accounts(Rep).GetAsync(_department.CustomerId)).ShipTos.Single().IsActive);
        var badPhone = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).SaveShipToAsync(
            new(_department.CustomerId, null, 0, "名古屋支店", "450-0001", "愛知県", "1234", ByPhone)));
        Assert.Equal("Accounts.PhoneFormat", badPhone.Key);
    }

    [Fact]
    public async Task Web_users_keep_one_administrator_per_department_through_the_shared_rule()
    {
        var added = await Accounts(Rep).SaveWebUserAsync(new(_department.CustomerId, null, 0, _department.Id, "佐藤 次郎", "jiro@example.co.jp",
            false, ByPhone));
        Assert.Equal("u1000002", added.UserId);
        Assert.Matches("^[A-Za-z2-9]{10}$", added.TemporaryPassword!);

        var admin = (await Accounts(Rep).GetAsync(_department.CustomerId)).WebUsers.Single(u => u.UserId == "u1000001");
        var last = await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).SaveWebUserAsync(
            new(_department.CustomerId, admin.Id, admin.Version, _department.Id, admin.Name, null, false, ByPhone)));
        Assert.Equal("Accounts.LastAdministrator", last.Key);
        var remove = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).DeactivateWebUserAsync(_department.CustomerId, admin.Id, admin.Version, ByPhone));
        Assert.Equal("Accounts.LastAdministrator", remove.Key);

        var jiro = (await Accounts(Rep).GetAsync(_department.CustomerId)).WebUsers.Single(u => u.UserId == "u1000002");
        await Accounts(Rep).SaveWebUserAsync(new(_department.CustomerId, jiro.Id, jiro.Version, _department.Id, jiro.Name, jiro.Email, true,
            ByPhone));
        await Accounts(Rep).DeactivateWebUserAsync(_department.CustomerId, admin.Id, admin.Version, ByPhone);
        var users = (await Accounts(Rep).GetAsync(_department.CustomerId)).WebUsers;
        Assert.False(users.Single(u => u.UserId == "u1000001").IsActive);
        Assert.True(users.Single(u => u.UserId == "u1000002").IsAdministrator);
    }

    [Fact]
    public async Task The_first_web_user_of_a_new_department_becomes_its_administrator()
    {
        var id = await Accounts(Rep).SaveDepartmentAsync(new(_department.CustomerId, null, 0, "経理部", "100-0021", "東京都", null, null,
            BudgetKind.Hard, ByPhone));
        await Accounts(Rep).SaveWebUserAsync(new(_department.CustomerId, null, 0, id, "佐藤 次郎", null, false, ByPhone));
        Assert.True((await Accounts(Rep).GetAsync(_department.CustomerId)).WebUsers.Single(u => u.DepartmentId == id).IsAdministrator);
    }

    [Fact]
    public async Task Approval_rules_need_a_threshold_and_approvers_of_the_department()
    {
        var other = await _database.AddWebUserAsync(_otherDealers, "u2000001");
        var version = (await Accounts(Rep).GetAsync(_department.CustomerId)).Departments.Single().Version;
        async Task<string> Refused(ApprovalCondition condition, int? threshold, int? approver1, int? approver2 = null) =>
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Accounts(Rep).SetApprovalAsync(
                new(_department.Id, version, condition, threshold, approver1, approver2, ByPhone)))).Key;

        Assert.Equal("Accounts.ThresholdRequired", await Refused(ApprovalCondition.SlipTotalAtLeast, null, _administrator.Id));
        Assert.Equal("Accounts.ThresholdRequired", await Refused(ApprovalCondition.AnyUnitPriceAtLeast, 0, _administrator.Id));
        Assert.Equal("Accounts.Approver1Required", await Refused(ApprovalCondition.AllOrders, null, null));
        Assert.Equal("Accounts.ApproverNotInDepartment", await Refused(ApprovalCondition.AllOrders, null, other.Id));
        Assert.Equal("Accounts.ApproversSame", await Refused(ApprovalCondition.AllOrders, null, _administrator.Id, _administrator.Id));
        Assert.Equal("Accounts.OverBudgetNeedsBudget", await Refused(ApprovalCondition.OverBudget, null, _administrator.Id));

        await Accounts(Rep).SetApprovalAsync(new(_department.Id, version, ApprovalCondition.SlipTotalAtLeast, 50_000, _administrator.Id,
            null, ByPhone));
        var approval = (await Accounts(Rep).GetAsync(_department.CustomerId)).Departments.Single().Approval;
        Assert.Equal(new ApprovalView(ApprovalCondition.SlipTotalAtLeast, 50_000, _administrator.Id, null), approval);
        // An approver cannot be removed while the rule names them.
        var user = (await Accounts(Rep).GetAsync(_department.CustomerId)).WebUsers.Single();
        var inUse = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Accounts(Rep).DeactivateWebUserAsync(_department.CustomerId, user.Id, user.Version, ByPhone));
        Assert.Equal("Accounts.ApproverInUse", inUse.Key);
    }

    [Fact]
    public async Task A_registration_creates_customer_department_and_administrator_and_records_the_catalogue()
    {
        var form = new CustomerRegistration("株式会社さくら商事", "さくらしょうじ", "１５０－０００１", "東京都渋谷区神宮前1-1", "03-5555-6666", null,
            await RegionIdAsync(), _dealerId, "総務部", "桜井 一郎", "sakurai@example.co.jp", CatalogShipped: true, ByPhone);
        var result = await Registration(Rep).RegisterAsync(form);

        Assert.NotNull(result.CustomerId);
        Assert.Matches("^u\\d{7}$", result.AdministratorUserId!);
        var account = await Accounts(Rep).GetAsync(result.CustomerId!.Value);
        Assert.Equal(("サクラショウジ", "150-0001", _database.BusinessClock.Today),
            (account.NameKana, account.PostalCode, account.CatalogShippedOn));
        Assert.True(Assert.Single(account.WebUsers).IsAdministrator);
        Assert.Equal("Accounts.CustomerRegistered", Assert.Single((await Accounts(Rep).HistoryAsync(account.Id)).Entries).Action);
        Assert.Equal(1, (await Accounts(Rep).FindAsync(new("サクラ", 0, 10))).Total);
    }

    [Fact]
    public async Task A_rep_registers_only_for_their_own_dealer()
    {
        var otherDealer = await _database.DealerIdOfAsync(_otherDealers);
        var form = new CustomerRegistration("株式会社もみじ", "モミジ", "150-0001", "東京都", "03-7777-8888", null,
            await RegionIdAsync(), otherDealer, "総務部", "紅葉 一郎", null, false, ByPhone);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Registration(Rep).RegisterAsync(form));
        Assert.NotNull((await Registration(TestStaff.DeskAgent).RegisterAsync(form)).CustomerId);
    }

    [Fact]
    public async Task A_phone_number_already_registered_is_shown_and_must_be_confirmed()
    {
        var form = new CustomerRegistration("株式会社ひまわり", "ヒマワリ", "150-0001", "東京都", "03(1111)2222", null,
            await RegionIdAsync(), _dealerId, "総務部", "日向 一郎", null, false, ByPhone);
        var held = await Registration(Rep).RegisterAsync(form);
        Assert.Null(held.CustomerId);
        // The rep's own customer by code and name; another dealer's only as "another dealer's customer" (reps see only their own).
        Assert.Equal(["10000013", ""], held.Duplicates.Select(d => d.Code));
        Assert.Equal(DomainText.Format("Accounts.OtherDealersCustomer"), held.Duplicates[1].Name);
        Assert.Equal("10000026", Assert.Single((await Registration(TestStaff.DeskAgent)
            .DuplicatesByPhoneAsync("03-1111-2222", _department.CustomerId)).Select(d => d.Code)));

        var saved = await Registration(Rep).RegisterAsync(form with { DuplicateConfirmed = true });
        Assert.NotNull(saved.CustomerId);
        // The audit keeps both codes for the desk; the rep reads only their own dealer's (CrossDealerLeakTests).
        Assert.Contains("10000013, 10000026", (await Accounts(TestStaff.DeskAgent).HistoryAsync(saved.CustomerId!.Value)).Entries.Single()
            .Note);
        Assert.Contains($"10000013, {DomainText.Format("Accounts.OtherDealersCustomer")}",
            (await Accounts(Rep).HistoryAsync(saved.CustomerId!.Value)).Entries.Single().Note);
    }

    [Theory]
    [InlineData("1500001", "03-5555-6666", null)]
    [InlineData("150-001", "03-5555-6666", "Accounts.PostalCodeFormat")]
    [InlineData("150-0001", "3-5555-6666", "Accounts.PhoneFormat")]
    [InlineData("150-0001", "03-5555-6666-77", "Accounts.PhoneFormat")]
    public async Task The_change_form_checks_postal_code_and_phone(string postalCode, string phone, string? key)
    {
        var account = await Accounts(Rep).GetAsync(_department.CustomerId);
        var change = new RegistrationChange(account.Id, account.Version, "株式会社テスト改", "テストカイ", postalCode, "東京都港区1-1", phone, account.Fax,
            ByPhone);
        if (key is null)
        {
            await Registration(Rep).ChangeAsync(change);
            var entry = (await Accounts(Rep).HistoryAsync(account.Id)).Entries.Single();
            Assert.Equal("Accounts.RegistrationChanged", entry.Action);
            Assert.Contains("株式会社テスト10000013", entry.Before);
            Assert.Contains("株式会社テスト改", entry.After);
            return;
        }
        Assert.Equal(key, (await Assert.ThrowsAsync<BusinessRuleException>(() => Registration(Rep).ChangeAsync(change))).Key);
    }

    private async Task<int> RegionIdAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Regions.Where(r => r.Code == "Honshu").Select(r => r.Id).SingleAsync();
    }
}

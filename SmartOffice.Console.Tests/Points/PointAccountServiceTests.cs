using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Points;

/// <summary>Account view, totals, consolidation, adjustment and FAX balance requests — and each of their refusals.</summary>
public sealed class PointAccountServiceTests : IAsyncLifetime
{
    // 2026-11-25: lots earned in November 2025 lapse at the end of this month.
    private readonly TestDatabase _database = new();
    private Department _department = default!, _sales = default!, _otherCustomer = default!;
    private PointAccount _departmentAccount = default!, _userAccount = default!, _salesAccount = default!, _otherAccount = default!;
    private int _dealerId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "30000001");
        _sales = await _database.AddDepartmentAsync(_department, "02", "営業部");
        _otherCustomer = await _database.AddCustomerAsync("D2", "30000002");
        _departmentAccount = await _database.AddAccountAsync(_department);
        _userAccount = await _database.AddAccountAsync(_department, await _database.AddWebUserAsync(_department, "u3000001"));
        _salesAccount = await _database.AddAccountAsync(_sales);
        _otherAccount = await _database.AddAccountAsync(_otherCustomer);
        await _database.EarnAsync(_departmentAccount, 120, new DateOnly(2025, 11, 10), 1);
        await _database.EarnAsync(_departmentAccount, 300, new DateOnly(2026, 3, 2), 2);
        await _database.EarnAsync(_departmentAccount, 50, new DateOnly(2026, 11, 20), 3);
        await using var db = _database.CreateDbContext();
        _dealerId = await db.Dealers.Where(d => d.Code == "D1").Select(d => d.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> VersionOf(PointAccount account)
    {
        await using var db = _database.CreateDbContext();
        return await db.PointAccounts.Where(a => a.Id == account.Id).Select(a => a.Version).SingleAsync();
    }

    [Fact]
    public async Task The_account_view_shows_balance_this_months_expiry_and_a_12_month_schedule()
    {
        var view = await _database.Accounts(TestStaff.DeskAgent).GetAsync(_departmentAccount.Id);

        Assert.Equal(470, view.Account.Balance);
        Assert.Equal(120, view.Account.ExpiringThisMonth);
        Assert.Equal(12, view.Schedule.Count);
        Assert.Equal(new ExpiryMonth(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 120), view.Schedule[0]);
        Assert.Equal(300, view.Schedule.Single(m => m.Month == new DateOnly(2027, 3, 1)).Points);
        Assert.Equal(0, view.Schedule.Sum(m => m.Points) - 420);   // the November 2027 lot is beyond the 12 months
        var history = await _database.Accounts(TestStaff.DeskAgent).HistoryAsync(_departmentAccount.Id, 0, 2);
        Assert.Equal(3, history.Total);
        Assert.Equal(50, history.Rows[0].Points);
    }

    [Fact]
    public async Task A_balance_can_be_asked_for_a_past_date()
    {
        var service = _database.Accounts(TestStaff.DeskAgent);
        Assert.Equal(120, await service.BalanceAsOfAsync(_departmentAccount.Id, new DateOnly(2026, 1, 1)));
        Assert.Equal(420, await service.BalanceAsOfAsync(_departmentAccount.Id, new DateOnly(2026, 11, 19)));
        // After its valid-through date a lot no longer counts, whether or not the expiry job ran.
        Assert.Equal(350, await service.BalanceAsOfAsync(_departmentAccount.Id, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public async Task Totals_add_up_per_department_and_customer()
    {
        await _database.EarnAsync(_salesAccount, 40, new DateOnly(2026, 10, 1), 4);
        var totals = await _database.Accounts(TestStaff.DeskAgent).TotalsAsync(_department.CustomerId);

        Assert.Equal([470, 40], totals.Departments.Select(d => d.Balance));
        Assert.Equal(510, totals.Balance);
        Assert.Equal(120, totals.ExpiringThisMonth);
    }

    [Fact]
    public async Task A_dealer_rep_reads_own_customers_accounts_only()
    {
        var rep = TestStaff.DealerRep(_dealerId);
        var page = await _database.Accounts(rep).FindAsync(new PointAccountQuery(null, 0, 50));
        Assert.DoesNotContain(page.Rows, r => r.Id == _otherAccount.Id);
        Assert.Contains(page.Rows, r => r.Id == _departmentAccount.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Accounts(rep).GetAsync(_otherAccount.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.Accounts(rep).ConsolidateAsync(
            new(_userAccount.Id, _departmentAccount.Id, 10, 0, null)));
    }

    [Fact]
    public async Task Consolidation_moves_points_within_the_department_keeping_their_expiry()
    {
        var service = _database.Accounts(TestStaff.DeskAgent);
        await service.ConsolidateAsync(new(_departmentAccount.Id, _userAccount.Id, 200, await VersionOf(_departmentAccount), "山田様"));

        Assert.Equal(270, await _database.BalanceAsync(_departmentAccount.Id));
        var view = await service.GetAsync(_userAccount.Id);
        Assert.Equal(200, view.Account.Balance);
        Assert.Equal(120, view.Account.ExpiringThisMonth);   // the oldest lot moved first and still lapses this month
        Assert.Equal(80, view.Schedule.Single(m => m.Month == new DateOnly(2027, 3, 1)).Points);
    }

    [Fact]
    public async Task Consolidation_across_departments_is_refused_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Accounts(TestStaff.DeskAgent)
            .ConsolidateAsync(new(_departmentAccount.Id, _salesAccount.Id, 10, _departmentAccount.Version, null)));

        Assert.Equal("Points.TransferAcrossDepartments", error.Key);
        Assert.Contains("同じ部署", error.Message);
        Assert.Equal(470, await _database.BalanceAsync(_departmentAccount.Id));
        Assert.Equal(0, await _database.BalanceAsync(_salesAccount.Id));
    }

    [Fact]
    public async Task Consolidation_beyond_the_balance_or_from_a_stale_screen_is_refused()
    {
        var service = _database.Accounts(TestStaff.DeskAgent);
        var version = await VersionOf(_departmentAccount);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => service.ConsolidateAsync(new(_departmentAccount.Id,
            _userAccount.Id, 471, version, null)));
        Assert.Equal("Points.InsufficientBalance", error.Key);

        await service.ConsolidateAsync(new(_departmentAccount.Id, _userAccount.Id, 10, version, null));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() => service.ConsolidateAsync(new(_departmentAccount.Id,
            _userAccount.Id, 10, version, null)));
        Assert.Equal("Points.AccountChanged", stale.Key);
        Assert.Equal(460, await _database.BalanceAsync(_departmentAccount.Id));
    }

    [Fact]
    public async Task Only_a_supervisor_adjusts_and_only_with_a_reason()
    {
        var version = await VersionOf(_departmentAccount);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _database.Accounts(TestStaff.DeskAgent).AdjustAsync(new(_departmentAccount.Id, 10, "誤り", version)));
        var noReason = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            _database.Accounts(TestStaff.Supervisor).AdjustAsync(new(_departmentAccount.Id, 10, " ", version)));
        Assert.Equal("Points.ReasonRequired", noReason.Key);
        var tooMuch = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            _database.Accounts(TestStaff.Supervisor).AdjustAsync(new(_departmentAccount.Id, -471, "誤付与の取消", version)));
        Assert.Equal("Points.InsufficientBalance", tooMuch.Key);

        await _database.Accounts(TestStaff.Supervisor).AdjustAsync(new(_departmentAccount.Id, -100, "誤付与の取消", version));

        Assert.Equal(370, await _database.BalanceAsync(_departmentAccount.Id));
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Points.Adjusted");
        Assert.Equal("誤付与の取消", audit.Note);
        Assert.Equal(TestStaff.Supervisor.Name, audit.StaffName);
    }

    [Fact]
    public async Task A_FAX_balance_request_is_registered_answered_with_a_reply_sheet_and_marked_sent_once()
    {
        var requests = _database.Requests(TestStaff.DeskAgent);
        var receivedAt = TestDatabase.JapanTime(2026, 11, 25, 9, 12);
        var missing = await Assert.ThrowsAsync<BusinessRuleException>(() => requests.RegisterAsync(new("３０００００９９", _department.Id,
            receivedAt)));
        Assert.Equal("Points.CustomerNotFound", missing.Key);
        var future = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            requests.RegisterAsync(new("30000001", _department.Id, TestDatabase.JapanTime(2026, 11, 25, 11, 0))));
        Assert.Equal("Points.FaxReceivedInFuture", future.Key);
        var wrongDepartment = await Assert.ThrowsAsync<BusinessRuleException>(() => requests.RegisterAsync(new("30000001",
            _otherCustomer.Id, receivedAt)));
        Assert.Equal("Points.DepartmentRequired", wrongDepartment.Key);

        var id = await requests.RegisterAsync(new("３００００００１", _department.Id, receivedAt));   // full-width digits as typed

        var open = await requests.ListAsync(openOnly: true, 0, 10);
        Assert.Equal(id, Assert.Single(open.Rows).Id);
        var sheet = await requests.ReplySheetAsync(id);
        Assert.Equal(470, sheet.Balance);
        Assert.Equal(120, sheet.ExpiringThisMonth);
        Assert.Equal("03-1111-3333", sheet.CustomerFax);
        Assert.Equal([120, 300], sheet.NextExpiries.Select(m => m.Points));
        Assert.Equal("0120-956-808", sheet.Contact.Fax);

        await requests.MarkSentAsync(id, open.Rows[0].Version);
        Assert.Empty((await requests.ListAsync(openOnly: true, 0, 10)).Rows);
        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => requests.MarkSentAsync(id, open.Rows[0].Version));
        Assert.Equal("Points.RequestChanged", again.Key);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _database.Requests(TestStaff.DealerRep(_dealerId)).RegisterAsync(new("30000001", _department.Id, receivedAt)));
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>The desk's unlock desk: verify the caller, unlock, temporary passwords, forgotten IDs and the last 管理者.</summary>
public sealed class WebUserLockoutServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset LockedAt = TestDatabase.JapanTime(2026, 11, 24, 9, 0);
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private Department _otherDepartment = default!;
    private WebUser _locked = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        await using (var db = _database.CreateDbContext())
        {
            _otherDepartment = new Department { CustomerId = _department.CustomerId, Code = "02", Name = "営業部", PostalCode = "100-0001",
                Address = "東京都千代田区1-1" };
            db.Departments.Add(_otherDepartment);
            await db.SaveChangesAsync();
        }
        _locked = await _database.AddWebUserAsync(_department, "u1000001", failures: 11, lockedAt: LockedAt);
    }

    private readonly ListLogger<WebUserLockoutService> _log = new();

    private WebUserLockoutService For(ICurrentStaff staff) => new(_database, staff, _database.Clock, _log);

    private CallerVerification Verified(string? phone = "03-1111-2222") => new("10000013", phone, _department.Id, "山田様");

    private async Task<WebUser> ReloadAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.WebUsers.AsNoTracking().SingleAsync(u => u.UserId == userId);
    }

    public static TheoryData<string?, string?, bool, string> RefusedChecks => new()
    {
        { null, null, false, "Accounts.VerificationRequired" },
        { "10000013", "03-1111-2222", false, "Accounts.VerificationRequired" },   // no department picked
        { "10000013", "", true, "Accounts.VerificationRequired" },
        { "10000099", "03-1111-2222", true, "Accounts.CustomerCodeMismatch" },
        { "10000013", "03-9999-9999", true, "Accounts.PhoneMismatch" },
    };

    [Theory]
    [MemberData(nameof(RefusedChecks))]
    public async Task An_unlock_without_a_complete_matching_verification_is_refused(string? code, string? phone, bool department,
        string key)
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => For(TestStaff.DeskAgent).UnlockAsync(
            new(_locked.Id, _locked.Version, new(code, phone, department ? _department.Id : null), IssueTemporaryPassword: false)));

        Assert.Equal(key, error.Key);
        Assert.Equal(LockedAt, (await ReloadAsync("u1000001")).LockedAt);
        // An incomplete check is the agent's to finish; one that failed on the records is kept, in the history and the log.
        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.ToListAsync();
        if (key == "Accounts.VerificationRequired")
        {
            Assert.Empty(audit);
            Assert.Empty(_log.Entries);
            return;
        }
        var failed = Assert.Single(audit);
        Assert.Equal(("Accounts.VerificationFailed", "u1000001"), (failed.Action, failed.EntityId));
        Assert.Contains(key, failed.After);
        Assert.Contains(_log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("u1000001")
            && e.Message.Contains(key));
    }

    [Fact]
    public async Task The_department_must_be_the_users_own()
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => For(TestStaff.DeskAgent).UnlockAsync(
            new(_locked.Id, _locked.Version, Verified() with { DepartmentId = _otherDepartment.Id }, false)));
        Assert.Equal("部署が登録と一致しません。お客様に部署を確認してください。", error.Message);
    }

    [Fact]
    public async Task A_verified_unlock_resets_the_count_and_the_history_says_who_and_how()
    {
        // What a FAX form or an IME types: full-width digits and odd dashes; the FAX number counts as registered.
        await For(TestStaff.DeskAgent).UnlockAsync(
            new(_locked.Id, _locked.Version, new("１０００００１３", "０３ー１１１１ー３３３３", _department.Id, "山田様"), false));

        var user = await ReloadAsync("u1000001");
        Assert.Equal((null, 0), (user.LockedAt, user.FailedPasswordCount));
        var history = (await For(TestStaff.Supervisor).GetAsync(_locked.Id)).History;
        var entry = Assert.Single(history);
        Assert.Equal(("Accounts.WebUserUnlocked", "田中 美咲", _database.Clock.GetUtcNow()), (entry.Action, entry.StaffName, entry.At));
        Assert.Equal("本人確認済(お客様番号 10000013・電話/FAX 0311113333・部署 総務部) 山田様", entry.RequestedBy);
    }

    [Fact]
    public async Task A_temporary_password_is_returned_once_stored_hashed_and_must_be_changed()
    {
        var result = await For(TestStaff.Supervisor)
            .UnlockAsync(new(_locked.Id, _locked.Version, Verified(), IssueTemporaryPassword: true));

        var temporary = Assert.IsType<string>(result.TemporaryPassword);
        var user = await ReloadAsync("u1000001");
        Assert.True(user.MustChangePassword);
        Assert.DoesNotContain(temporary, user.PasswordHash);
        Assert.NotEqual(PasswordVerificationResult.Failed,
            new PasswordHasher<WebUser>().VerifyHashedPassword(user, user.PasswordHash, temporary));
        var signIn = new WebUserSignInService(_database, _database.Rules, _database.Clock);
        Assert.Equal(WebSignInResult.MustChangePassword, await signIn.SignInAsync("u1000001", temporary));
        await using var db = _database.CreateDbContext();
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), a => $"{a.Before}{a.After}{a.RequestedBy}{a.Note}".Contains(temporary));
    }

    [Fact]
    public async Task An_open_ID_only_gets_a_temporary_password_and_a_stale_screen_is_refused()
    {
        var open = await _database.AddWebUserAsync(_department, "u1000002", failures: 3);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.DeskAgent).UnlockAsync(new(open.Id, open.Version, Verified(), false)));
        Assert.Equal("Accounts.NotLocked", error.Key);

        await For(TestStaff.DeskAgent).UnlockAsync(new(open.Id, open.Version, Verified(), true));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.DeskAgent).UnlockAsync(new(open.Id, open.Version, Verified(), true)));
        Assert.Equal("Accounts.WebUserChanged", stale.Key);
    }

    [Fact]
    public async Task Dealer_reps_see_lock_status_of_their_own_customers_only_and_never_unlock()
    {
        var other = await _database.AddCustomerAsync("D2", "20000026");
        await _database.AddWebUserAsync(other, "u2000001", failures: 11, lockedAt: LockedAt.AddHours(1));
        await using var db = _database.CreateDbContext();
        var dealer = await db.Dealers.SingleAsync(d => d.Code == "D1");

        var seen = await For(TestStaff.DealerRep(dealer.Id)).FindAsync(new(null, LockedOnly: true, 0, 50));

        Assert.Equal(["u1000001"], seen.Rows.Select(r => r.UserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            For(TestStaff.DealerRep(dealer.Id)).UnlockAsync(new(_locked.Id, _locked.Version, Verified(), false)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(TestStaff.Anonymous).FindAsync(new(null, true, 0, 50)));
    }

    [Fact]
    public async Task The_queue_is_newest_lock_first_and_search_finds_any_user()
    {
        await _database.AddWebUserAsync(_department, "u1000002", failures: 11, lockedAt: LockedAt.AddHours(2));
        await _database.AddWebUserAsync(_department, "u1000003", failures: 2);

        var queue = await For(TestStaff.DeskAgent).FindAsync(new(null, LockedOnly: true, 0, 50));
        Assert.Equal(["u1000002", "u1000001"], queue.Rows.Select(r => r.UserId));

        foreach (var text in new[] { "u1000003", "１０００００１３", "(株)テスト", "山田太郎" })
        {
            var found = await For(TestStaff.DeskAgent).FindAsync(new(text, LockedOnly: false, 0, 50));
            Assert.Contains("u1000003", found.Rows.Select(r => r.UserId));
        }
        var page = await For(TestStaff.DeskAgent).FindAsync(new("山田", LockedOnly: false, Skip: 1, Take: 1));
        Assert.Equal((3, 1), (page.Total, page.Rows.Count));
    }

    [Fact]
    public async Task A_verified_caller_is_told_the_user_IDs_of_their_department()
    {
        await _database.AddWebUserAsync(_otherDepartment, "u1000009");

        var ids = await For(TestStaff.DeskAgent).ForgottenUserIdsAsync(Verified());

        Assert.Equal(["u1000001"], ids.Select(i => i.UserId));
        await Assert.ThrowsAsync<BusinessRuleException>(() => For(TestStaff.DeskAgent).ForgottenUserIdsAsync(Verified("0120-000-000")));
        await using var db = _database.CreateDbContext();
        // The disclosure, and the failed check that disclosed nothing (kept on the customer).
        Assert.Equal(["Accounts.UserIdsDisclosed", "Accounts.VerificationFailed"],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal("10000013", (await db.AuditEntries.SingleAsync(a => a.Action == "Accounts.VerificationFailed")).EntityId);
    }

    [Fact]
    public async Task The_last_administrator_of_a_department_keeps_the_flag_and_cannot_be_removed()
    {
        var clear = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.Supervisor).SetAdministratorAsync(new(_locked.Id, _locked.Version, false, "山田様")));
        var remove = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.Supervisor).RemoveAsync(_locked.Id, _locked.Version, "山田様"));

        Assert.Equal("総務部 の管理者はこの利用者だけです。先に別の利用者を管理者にしてください。", clear.Message);
        Assert.Equal("Accounts.LastAdministrator", remove.Key);
        Assert.True((await ReloadAsync("u1000001")).IsAdministrator);
    }

    [Fact]
    public async Task With_a_second_administrator_the_first_may_step_down_but_not_both()
    {
        var second = await _database.AddWebUserAsync(_department, "u1000002");

        await For(TestStaff.Supervisor).SetAdministratorAsync(new(_locked.Id, _locked.Version, false, "山田様"));
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            For(TestStaff.Supervisor).RemoveAsync(second.Id, second.Version, "山田様"));

        Assert.Equal("Accounts.LastAdministrator", error.Key);
        Assert.False((await ReloadAsync("u1000001")).IsAdministrator);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            For(TestStaff.DeskAgent).SetAdministratorAsync(new(second.Id, second.Version, false, "山田様")));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}

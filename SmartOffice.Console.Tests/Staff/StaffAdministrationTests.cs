using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// システム管理者 running the console's staff through <see cref="StaffAdministrationService"/> on a real SQLite file: create with a
/// temporary password, role and dealer, disable and enable, unlock, reset — each audited, sessions ended where rights change —
/// and the rule that the last active administrator is never disabled or demoted.
/// </summary>
public sealed class StaffAdministrationTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private StaffUser _admin = default!;
    private StaffUser _desk = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _admin = await _db.AddStaffMemberAsync(TestStaff.Administrator.Id, "admin", StaffRoles.Administrator);
        _desk = await _db.AddStaffMemberAsync(TestStaff.DeskAgent.Id, "desk", StaffRoles.DeskAgent);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private T Service<T>(ICurrentStaff? caller = null) where T : notnull =>
        MatrixDatabase.Services(_db, caller ?? TestStaff.Administrator).GetRequiredService<T>();

    private StaffAdministrationService Admin(ICurrentStaff? caller = null) => Service<StaffAdministrationService>(caller);

    [Fact]
    public async Task A_new_desk_agent_gets_a_temporary_password_that_must_be_changed_and_the_creation_is_audited()
    {
        var issued = await Admin().CreateAsync(new NewStaffMember("ｈａｎａｋｏ", "新人 花子", StaffRoles.DeskAgent, null));

        Assert.Equal("hanako", issued.UserName);
        Assert.Equal(12, issued.TemporaryPassword.Length);
        var user = await _db.StaffAsync(issued.StaffId);
        Assert.True(user.Verifies(issued.TemporaryPassword));
        Assert.True(user.MustChangePassword);
        Assert.True(user.IsActive);
        Assert.False(user.IsDemo);
        Assert.Equal(StaffRoles.DeskAgent, await _db.RoleOfAsync(user.Id));
        var row = Assert.Single(await Admin().ListAsync(), r => r.UserName == "hanako");
        Assert.Equal(("新人 花子", StaffRoles.DeskAgent, (int?)null, true), (row.DisplayName, row.Role, row.DealerId, row.MustChangePassword));
        var detail = await Admin().GetAsync(user.Id);
        var created = Assert.Single(detail.History);
        Assert.Equal(("Staff.Created", TestStaff.Administrator.Name), (created.Action, created.StaffName));
        // The audit never holds the password.
        Assert.DoesNotContain(issued.TemporaryPassword, created.After);
    }

    [Theory]
    [InlineData("", "新人", StaffRoles.DeskAgent, "Staff.UserNameRequired")]
    [InlineData("ab", "新人", StaffRoles.DeskAgent, "Staff.UserNameInvalid")]
    [InlineData("yamada taro", "新人", StaffRoles.DeskAgent, "Staff.UserNameInvalid")]
    [InlineData("山田", "新人", StaffRoles.DeskAgent, "Staff.UserNameInvalid")]
    [InlineData("DESK", "新人", StaffRoles.DeskAgent, "Staff.UserNameTaken")]
    [InlineData("hanako", "  ", StaffRoles.DeskAgent, "Staff.DisplayNameRequired")]
    [InlineData("hanako", "新人\n花子", StaffRoles.DeskAgent, "Staff.DisplayNameInvalid")]
    [InlineData("hanako", "新人", null, "Staff.RoleRequired")]
    [InlineData("hanako", "新人", "Owner", "Staff.RoleUnknown")]
    [InlineData("hanako", "新人", StaffRoles.DealerRep, "Staff.DealerRequired")]
    public async Task A_wrong_new_staff_member_is_refused_with_its_reason_and_nothing_is_written(string userName, string displayName,
        string? role, string key)
    {
        var before = await DatabaseSnapshot.TakeAsync(_db);

        var refusal = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Admin().CreateAsync(new NewStaffMember(userName, displayName, role, null)));

        Assert.Equal(key, refusal.Key);
        Assert.Empty((await DatabaseSnapshot.TakeAsync(_db)).ChangedSince(before));
    }

    [Fact]
    public async Task A_dealer_rep_is_bound_to_an_existing_dealer_and_no_other_role_keeps_one()
    {
        var dealer = await _db.AddDealerAsync("D7");
        Assert.Equal("Staff.DealerUnknown", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Admin().CreateAsync(new NewStaffMember("rep7", "販売 太郎", StaffRoles.DealerRep, dealer + 100)))).Key);

        var rep = await Admin().CreateAsync(new NewStaffMember("rep7", "販売 太郎", StaffRoles.DealerRep, dealer));
        Assert.Equal(dealer, (await _db.StaffAsync(rep.StaffId)).DealerId);

        var row = (await Admin().GetAsync(rep.StaffId)).Staff;
        await Admin().ChangeAccessAsync(new StaffAccessChange(rep.StaffId, row.Version, StaffRoles.Supervisor, dealer));
        Assert.Null((await _db.StaffAsync(rep.StaffId)).DealerId);
        Assert.Equal(StaffRoles.Supervisor, await _db.RoleOfAsync(rep.StaffId));
    }

    [Fact]
    public async Task A_new_role_ends_the_persons_open_sessions_and_renews_their_stamp()
    {
        var session = await Service<StaffSessionStore>().StartAsync(_desk, "127.0.0.1");
        var stamp = (await _db.StaffAsync(_desk.Id)).SecurityStamp;

        await Admin().ChangeAccessAsync(new StaffAccessChange(_desk.Id, _desk.ConcurrencyStamp!, StaffRoles.Supervisor, null));

        Assert.Equal(StaffSessionEnd.AccessChanged, (await _db.SessionAsync(session.Id)).EndReason);
        Assert.NotEqual(stamp, (await _db.StaffAsync(_desk.Id)).SecurityStamp);
        Assert.Equal(["Staff.SignedIn", "Staff.AccessChanged"], await _db.AuditActionsAsync(_desk.Id));
    }

    [Fact]
    public async Task A_disabled_person_cannot_sign_in_loses_their_sessions_and_is_enabled_again()
    {
        var session = await Service<StaffSessionStore>().StartAsync(_desk, "127.0.0.1");

        await Admin().DisableAsync(_desk.Id, _desk.ConcurrencyStamp!);

        var disabled = await _db.StaffAsync(_desk.Id);
        Assert.False(disabled.IsActive);
        Assert.Equal(StaffSessionEnd.Disabled, (await _db.SessionAsync(session.Id)).EndReason);
        await Admin().EnableAsync(_desk.Id, disabled.ConcurrencyStamp!);
        Assert.True((await _db.StaffAsync(_desk.Id)).IsActive);
        Assert.Equal(["Staff.SignedIn", "Staff.Disabled", "Staff.Enabled"], await _db.AuditActionsAsync(_desk.Id));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        await _db.AddStaffMemberAsync("admin2", "admin2", StaffRoles.Administrator);
        var refusal = await Assert.ThrowsAsync<BusinessRuleException>(() => Admin().DisableAsync(_admin.Id, _admin.ConcurrencyStamp!));
        Assert.Equal("Staff.CannotDisableSelf", refusal.Key);
    }

    [Fact]
    public async Task The_last_active_administrator_is_neither_disabled_nor_demoted()
    {
        // The caller is another administrator's account that is disabled: it does not count.
        var caller = new TestStaff("admin-gone", "退職 管理者", null, StaffRoles.Administrator);
        await _db.AddStaffMemberAsync(caller.Id, "admingone", StaffRoles.Administrator, isActive: false);
        var before = await DatabaseSnapshot.TakeAsync(_db);

        Assert.Equal("Staff.LastAdministrator", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Admin(caller).DisableAsync(_admin.Id, _admin.ConcurrencyStamp!))).Key);
        Assert.Equal("Staff.LastAdministrator", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Admin(caller).ChangeAccessAsync(new StaffAccessChange(_admin.Id, _admin.ConcurrencyStamp!, StaffRoles.Supervisor, null)))).Key);
        Assert.Empty((await DatabaseSnapshot.TakeAsync(_db)).ChangedSince(before));

        // With a second active administrator, either may go.
        var second = await Admin().CreateAsync(new NewStaffMember("admin2", "二人目 管理者", StaffRoles.Administrator, null));
        await Admin(caller).ChangeAccessAsync(
            new StaffAccessChange(_admin.Id, (await _db.StaffAsync(_admin.Id)).ConcurrencyStamp!, StaffRoles.Supervisor, null));
        Assert.Equal(StaffRoles.Supervisor, await _db.RoleOfAsync(_admin.Id));
        // Now the second is the last one.
        var secondVersion = (await Admin(caller).GetAsync(second.StaffId)).Staff.Version;
        Assert.Equal("Staff.LastAdministrator", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Admin(caller).DisableAsync(second.StaffId, secondVersion))).Key);
    }

    [Fact]
    public async Task Two_administrators_removing_each_other_at_once_leave_one_active_administrator()
    {
        var other = await _db.AddStaffMemberAsync("admin2", "admin2", StaffRoles.Administrator);
        var otherCaller = new TestStaff(other.Id, "admin2 氏", null, StaffRoles.Administrator);

        var results = await Task.WhenAll(
            Attempt(() => Admin().DisableAsync(other.Id, other.ConcurrencyStamp!)),
            Attempt(() => Admin(otherCaller).DisableAsync(_admin.Id, _admin.ConcurrencyStamp!)));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is "Staff.Changed" or "Staff.LastAdministrator");
        var active = new[] { await _db.StaffAsync(_admin.Id), await _db.StaffAsync(other.Id) }.Count(u => u.IsActive);
        Assert.Equal(1, active);
    }

    private static async Task<string?> Attempt(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (BusinessRuleException e)
        {
            return e.Key;
        }
    }

    [Fact]
    public async Task A_locked_account_is_unlocked_and_a_forgotten_password_reset_to_a_new_temporary_one()
    {
        await using (var db = _db.CreateDbContext())
        {
            var user = await db.Users.FindAsync(_desk.Id);
            user!.RecordWrongPassword(_db.Clock.GetUtcNow(), maxFailures: 1, TimeSpan.FromMinutes(15));
            await db.SaveChangesAsync();
        }
        var locked = Assert.Single(await Admin().ListAsync(), r => r.Id == _desk.Id);
        Assert.True(locked.IsLocked);

        await Admin().UnlockAsync(_desk.Id, locked.Version);
        var unlocked = (await Admin().GetAsync(_desk.Id)).Staff;
        Assert.False(unlocked.IsLocked);
        Assert.Equal("Staff.NotLocked",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Admin().UnlockAsync(_desk.Id, unlocked.Version))).Key);

        var session = await Service<StaffSessionStore>().StartAsync(_desk, "127.0.0.1");
        var reset = await Admin().ResetPasswordAsync(_desk.Id, unlocked.Version);
        var user2 = await _db.StaffAsync(_desk.Id);
        Assert.True(user2.Verifies(reset.TemporaryPassword));
        Assert.False(user2.Verifies(StaffTestData.Password));
        Assert.True(user2.MustChangePassword);
        Assert.Equal(StaffSessionEnd.PasswordReset, (await _db.SessionAsync(session.Id)).EndReason);
        var history = (await Admin().GetAsync(_desk.Id)).History;
        Assert.Equal(["Staff.PasswordReset", "Staff.SignedIn", "Staff.Unlocked"], history.Select(h => h.Action));
        Assert.DoesNotContain(history, h => (h.After ?? "").Contains(reset.TemporaryPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_on_a_stale_screen_is_refused_with_reload()
    {
        await Admin().DisableAsync(_desk.Id, _desk.ConcurrencyStamp!);
        var refusal = await Assert.ThrowsAsync<BusinessRuleException>(() => Admin().EnableAsync(_desk.Id, _desk.ConcurrencyStamp!));
        Assert.Equal("Staff.Changed", refusal.Key);
    }

    [Fact]
    public async Task Sign_ins_failures_and_session_ends_are_in_the_persons_history()
    {
        var sessions = Service<StaffSessionStore>();
        await sessions.RecordFailedSignInAsync(_desk, lockedOut: false, "192.0.2.7");
        var session = await sessions.StartAsync(_desk, "192.0.2.7");
        await sessions.EndAsync(session.Id, StaffSessionEnd.Idle);
        await sessions.EndAsync(session.Id, StaffSessionEnd.SignedOut);

        var history = (await Admin().GetAsync(_desk.Id)).History;
        Assert.Equal(["Staff.SessionEnded", "Staff.SignedIn", "Staff.SignInFailed"], history.Select(h => h.Action));
        Assert.Equal("192.0.2.7", history[1].Note);
        Assert.Equal(StaffSessionEnd.Idle, (await _db.SessionAsync(session.Id)).EndReason);
    }
}

using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// A staff password by OWASP ASVS 5.0 §6.2 (<see cref="StaffPasswordRules"/>), and changing one's own
/// (<see cref="StaffPasswordService"/>): the current password first, the other sessions end, a wrong current password counts
/// towards the lockout.
/// </summary>
public sealed class StaffPasswordTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private StaffUser _desk = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _desk = await _db.AddStaffMemberAsync(TestStaff.DeskAgent.Id, "tanaka", StaffRoles.DeskAgent);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    // Length: 8 at least (6.2.1), 64 and far more allowed (6.2.9), counted in characters, not bytes.
    [InlineData("", "Staff.PasswordRequired")]
    [InlineData("kq7#vd2", "Staff.PasswordTooShort")]
    [InlineData("kq7#vd2m", null)]
    [InlineData("机の上の青い鉛筆は", null)]
    [InlineData("月曜の朝はコーヒー", null)]
    // No composition rules (6.2.5): all lower case, no digit, no symbol, a phrase with spaces.
    [InlineData("paper lantern over the river", null)]
    [InlineData("aaaaaaaa", "Staff.PasswordCommon")]
    // Common passwords and their usual variants (6.2.4): zxcvbn's list, l33t, reversed, a digit added, keyboard runs, sequences.
    [InlineData("password", "Staff.PasswordCommon")]
    [InlineData("P@ssw0rd", "Staff.PasswordCommon")]
    [InlineData("Password1", "Staff.PasswordCommon")]
    [InlineData("drowssap", "Staff.PasswordCommon")]
    [InlineData("12345678", "Staff.PasswordCommon")]
    [InlineData("iloveyou1", "Staff.PasswordCommon")]
    [InlineData("qwertyuiop", "Staff.PasswordCommon")]
    [InlineData("abcdefgh", "Staff.PasswordCommon")]
    [InlineData("sunshine", "Staff.PasswordCommon")]
    // Context words (6.2.11): the person's user name and name, the company's.
    [InlineData("tanaka12", "Staff.PasswordCommon")]
    [InlineData("smartoffice", "Staff.PasswordCommon")]
    [InlineData("yamadahanako", "Staff.PasswordCommon")]
    public void A_password_follows_ASVS_6_2(string password, string? refusedWith) =>
        Assert.Equal(refusedWith, StaffPasswordRules.Check(password, "tanaka", "山田 花子 yamada hanako")?.Key);

    [Fact]
    public void Sixty_four_characters_and_up_to_128_are_allowed_but_not_more()
    {
        var phrase = string.Concat(Enumerable.Repeat("紙の提灯と川の音 ", 20));
        Assert.Null(StaffPasswordRules.Check(phrase[..64], "tanaka", "田中"));
        Assert.Null(StaffPasswordRules.Check(phrase[..StaffPasswordRules.MaximumLength], "tanaka", "田中"));
        Assert.Equal("Staff.PasswordTooLong",
            StaffPasswordRules.Check(phrase[..(StaffPasswordRules.MaximumLength + 1)], "tanaka", "田中")?.Key);
    }

    private StaffPasswordService Passwords(ICurrentStaff? caller = null) =>
        MatrixDatabase.Services(_db, caller ?? TestStaff.DeskAgent).GetRequiredService<StaffPasswordService>();

    [Fact]
    public async Task A_new_password_needs_the_current_one_and_ends_every_other_session()
    {
        var store = MatrixDatabase.Services(_db, TestStaff.Anonymous).GetRequiredService<StaffSessionStore>();
        var here = await store.StartAsync(_desk, "127.0.0.1");
        var elsewhere = await store.StartAsync(_desk, "192.0.2.8");
        var stamp = _desk.SecurityStamp;

        await Passwords().ChangeOwnAsync(
            new OwnPasswordChange(StaffTestData.Password, "paper lantern over the river", "paper lantern over the river", here.Id));

        var user = await _db.StaffAsync(_desk.Id);
        Assert.True(user.Verifies("paper lantern over the river"));
        Assert.False(user.MustChangePassword);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Null((await _db.SessionAsync(here.Id)).EndReason);
        Assert.Equal(StaffSessionEnd.PasswordChanged, (await _db.SessionAsync(elsewhere.Id)).EndReason);
        Assert.Equal("Staff.PasswordChanged", (await _db.AuditActionsAsync(_desk.Id))[^1]);
    }

    [Theory]
    [InlineData(null, "paper lantern over the river", "paper lantern over the river", "Staff.CurrentPasswordRequired")]
    [InlineData(StaffTestData.Password, "paper lantern over the river", "paper lantern over the rivers",
        "Staff.PasswordConfirmationMismatch")]
    [InlineData(StaffTestData.Password, StaffTestData.Password, StaffTestData.Password, "Staff.PasswordUnchanged")]
    [InlineData(StaffTestData.Password, "password1", "password1", "Staff.PasswordCommon")]
    [InlineData(StaffTestData.Password, "short", "short", "Staff.PasswordTooShort")]
    public async Task A_wrong_change_is_refused_and_leaves_the_password_as_it_was(string? current, string next, string confirmation,
        string key)
    {
        var before = await DatabaseSnapshot.TakeAsync(_db);
        var refusal = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Passwords().ChangeOwnAsync(new OwnPasswordChange(current, next, confirmation, null)));
        Assert.Equal(key, refusal.Key);
        Assert.Empty((await DatabaseSnapshot.TakeAsync(_db)).ChangedSince(before));
    }

    [Fact]
    public async Task A_wrong_current_password_counts_as_a_failed_sign_in_and_locks_the_account_at_the_limit()
    {
        var session = await MatrixDatabase.Services(_db, TestStaff.Anonymous).GetRequiredService<StaffSessionStore>()
            .StartAsync(_desk, "127.0.0.1");
        var change = new OwnPasswordChange("not-my-password", "paper lantern over the river", "paper lantern over the river", session.Id);
        for (var attempt = 1; attempt < new StaffOptions().MaxFailedSignIns; attempt++)
            Assert.Equal("Staff.CurrentPasswordWrong",
                (await Assert.ThrowsAsync<BusinessRuleException>(() => Passwords().ChangeOwnAsync(change))).Key);

        Assert.Equal("Staff.LockedByPasswordChange",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Passwords().ChangeOwnAsync(change))).Key);

        var user = await _db.StaffAsync(_desk.Id);
        Assert.True(user.IsLockedOutAt(_db.Clock.GetUtcNow()));
        Assert.True(user.Verifies(StaffTestData.Password));
        Assert.Equal(StaffSessionEnd.Disabled, (await _db.SessionAsync(session.Id)).EndReason);
        Assert.Equal("Staff.LockedOut", (await _db.AuditActionsAsync(_desk.Id))[^1]);
    }

    [Fact]
    public async Task Nobody_signed_in_changes_no_password()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Passwords(TestStaff.Anonymous).ChangeOwnAsync(new OwnPasswordChange(StaffTestData.Password, "x", "x", null)));
    }
}

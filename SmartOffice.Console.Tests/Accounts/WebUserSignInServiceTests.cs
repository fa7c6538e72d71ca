using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>「パスワード誤入力回数が10回を超えたので、現在この利用者IDは失効しています。」 — the storefront's sign-in rule.</summary>
public sealed class WebUserSignInServiceTests : IAsyncLifetime
{
    private const string Wrong = "wrong-password";
    private readonly TestDatabase _database = new();
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    private WebUserSignInService Service(RulesOptions? rules = null) =>
        new(_database, rules is null ? _database.Rules : Options.Create(rules), _database.Clock);

    private async Task<WebUser> ReloadAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.WebUsers.AsNoTracking().SingleAsync(u => u.UserId == userId);
    }

    [Theory]
    [InlineData(1, WebSignInResult.Failed, false)]
    [InlineData(10, WebSignInResult.Failed, false)]    // 10 wrong passwords: still open
    [InlineData(11, WebSignInResult.LockedOut, true)]  // the 11th locks (ID失効)
    [InlineData(12, WebSignInResult.LockedOut, true)]  // refused, no longer counted
    public async Task Wrong_passwords_lock_the_ID_on_the_failure_past_the_threshold(int attempts, WebSignInResult last, bool locked)
    {
        await _database.AddWebUserAsync(_department, "u1", withPassword: true);
        var result = WebSignInResult.Succeeded;
        for (var i = 0; i < attempts; i++)
            result = await Service().SignInAsync("u1", Wrong);

        var user = await ReloadAsync("u1");
        Assert.Equal(last, result);
        Assert.Equal(locked, user.LockedAt is not null);
        Assert.Equal(Math.Min(attempts, _database.Rules.Value.LockoutThreshold + 1), user.FailedPasswordCount);
        Assert.Equal(_database.Clock.GetUtcNow(), user.LastFailedAt);
    }

    [Fact]
    public async Task The_right_password_on_a_locked_ID_is_still_refused_and_nothing_changes()
    {
        var lockedAt = TestDatabase.JapanTime(2026, 11, 24, 9, 0);
        await _database.AddWebUserAsync(_department, "u1", failures: 11, lockedAt: lockedAt, withPassword: true);

        Assert.Equal(WebSignInResult.LockedOut, await Service().SignInAsync("u1", TestData.WebUserPassword));
        Assert.Equal(WebSignInResult.LockedOut, await Service().SignInAsync("u1", Wrong));

        var user = await ReloadAsync("u1");
        Assert.Equal((11, lockedAt), (user.FailedPasswordCount, user.LockedAt));
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_count()
    {
        await _database.AddWebUserAsync(_department, "u1", failures: 10, withPassword: true);

        Assert.Equal(WebSignInResult.Succeeded, await Service().SignInAsync(" u1 ", TestData.WebUserPassword));

        var user = await ReloadAsync("u1");
        Assert.Equal(0, user.FailedPasswordCount);
        Assert.Equal(_database.Clock.GetUtcNow(), user.LastSignInAt);
    }

    [Fact]
    public async Task A_temporary_password_signs_in_but_asks_for_a_change()
    {
        await _database.AddWebUserAsync(_department, "u1", withPassword: true);
        await using (var db = _database.CreateDbContext())
            await db.WebUsers.ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true));

        Assert.Equal(WebSignInResult.MustChangePassword, await Service().SignInAsync("u1", TestData.WebUserPassword));
    }

    [Fact]
    public async Task After_a_temporary_password_the_user_chooses_a_new_one_and_signs_in_normally()
    {
        await _database.AddWebUserAsync(_department, "u1", failures: 4, withPassword: true);
        await using (var db = _database.CreateDbContext())
            await db.WebUsers.ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true));

        var tooShort = await Assert.ThrowsAsync<BusinessRuleException>(() => Service()
            .ChangePasswordAsync("u1", TestData.WebUserPassword, "short"));
        Assert.Equal("パスワードは8文字以上で入力してください。", tooShort.Message);
        Assert.Equal(WebSignInResult.Failed, await Service().ChangePasswordAsync("u1", Wrong, "new-password-1"));
        Assert.Equal(WebSignInResult.Succeeded, await Service().ChangePasswordAsync("u1", TestData.WebUserPassword, "new-password-1"));

        Assert.Equal(WebSignInResult.Succeeded, await Service().SignInAsync("u1", "new-password-1"));
        Assert.Equal(WebSignInResult.Failed, await Service().SignInAsync("u1", TestData.WebUserPassword));
        Assert.False((await ReloadAsync("u1")).MustChangePassword);
    }

    [Fact]
    public async Task An_unknown_ID_fails_like_a_wrong_password()
    {
        Assert.Equal(WebSignInResult.Failed, await Service().SignInAsync("nobody", Wrong));
    }

    [Fact]
    public async Task Concurrent_failures_are_all_counted()
    {
        const int attempts = 25;
        await _database.AddWebUserAsync(_department, "u1", withPassword: true);
        var service = Service(new RulesOptions { LockoutThreshold = 1000 });

        await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => Task.Run(() => service.SignInAsync("u1", Wrong))));

        Assert.Equal(attempts, (await ReloadAsync("u1")).FailedPasswordCount);
    }

    [Fact]
    public async Task Concurrent_failures_lock_at_exactly_the_threshold()
    {
        await _database.AddWebUserAsync(_department, "u1", withPassword: true);
        var service = Service();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => service.SignInAsync("u1", Wrong))));

        var user = await ReloadAsync("u1");
        Assert.Equal(_database.Rules.Value.LockoutThreshold + 1, user.FailedPasswordCount);
        Assert.NotNull(user.LockedAt);
        Assert.Equal(_database.Rules.Value.LockoutThreshold, results.Count(r => r == WebSignInResult.Failed));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}

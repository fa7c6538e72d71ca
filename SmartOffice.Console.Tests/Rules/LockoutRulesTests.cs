using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>「パスワード誤入力回数が10回を超えたので、現在この利用者IDは失効しています。」.</summary>
public class LockoutRulesTests
{
    private static readonly SmartOfficeRules Rules = SmartOfficeRules.CreateDefault();

    [Theory]
    [InlineData(0, false)]
    [InlineData(10, false)]   // 10 wrong passwords: still usable
    [InlineData(11, true)]    // more than 10: locked
    [InlineData(25, true)]
    public void A_web_user_is_locked_after_more_than_10_wrong_passwords(int failedAttempts, bool locked)
    {
        Assert.Equal(locked, Rules.IsLockedOut(failedAttempts));
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.IsLockedOut(-1));
    }

    [Fact]
    public void The_threshold_is_a_setting()
    {
        var lockout = new LockoutRules(new RulesOptions { LockoutThreshold = 5 });

        Assert.False(lockout.IsLockedOut(5));
        Assert.True(lockout.IsLockedOut(6));
    }
}

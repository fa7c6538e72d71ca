namespace SmartOffice.Domain.Rules;

/// <summary>ID失効: a web user ID locks when wrong passwords exceed the threshold (the 11th failure by default).</summary>
public sealed class LockoutRules(RulesOptions options)
{
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public bool IsLockedOut(int failedPasswordAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failedPasswordAttempts);
        return failedPasswordAttempts > options.LockoutThreshold;
    }
}

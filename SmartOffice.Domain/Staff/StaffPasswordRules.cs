namespace SmartOffice.Domain.Staff;

/// <summary>
/// A staff password as OWASP ASVS 5.0 §6.2 asks: at least 8 characters, long ones welcome (up to 128), no composition rules,
/// and not one that is guessed at once — zxcvbn's estimate of fewer than about a million guesses (score 0), which takes in its
/// list of 30,000 common passwords with their l33t and reversed forms, repeats, sequences, keyboard runs, and the person's own
/// names and the company's (context words, §6.2.11). See docs/staff-and-production.md.
/// </summary>
public static class StaffPasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    /// <summary>Words a password must not be made of besides the common ones.</summary>
    private static readonly string[] CompanyWords = ["smartoffice", "smart office", "スマートオフィス", "console"];

    /// <summary>The refusal, or null when <paramref name="password"/> may be used by the person named.</summary>
    public static BusinessRuleException? Check(string? password, string? userName, string? displayName)
    {
        if (string.IsNullOrEmpty(password))
            return new BusinessRuleException("Staff.PasswordRequired");
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
            return new BusinessRuleException("Staff.PasswordTooShort", MinimumLength);
        if (length > MaximumLength)
            return new BusinessRuleException("Staff.PasswordTooLong", MaximumLength);
        var personal = (displayName ?? "").Split(' ', '　', StringSplitOptions.RemoveEmptyEntries)
            .Append(userName ?? "").Append(displayName ?? "").Concat(CompanyWords)
            .Where(w => w.Length > 0);
        return Zxcvbn.Zxcvbn.MatchPassword(password, personal).Score == 0 ? new BusinessRuleException("Staff.PasswordCommon") : null;
    }

    /// <exception cref="BusinessRuleException">The password breaks a rule (the message names it and the fix).</exception>
    public static void Demand(string? password, string? userName, string? displayName)
    {
        if (Check(password, userName, displayName) is { } refusal)
            throw refusal;
    }
}

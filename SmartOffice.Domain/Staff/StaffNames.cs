using System.Text.RegularExpressions;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Staff;

/// <summary>How a staff member's user name and name are written: the rules of the create form and of <c>create-admin</c>.</summary>
public static partial class StaffNames
{
    public const int UserNameMinLength = 3, UserNameMaxLength = 32, DisplayNameMaxLength = 60;

    /// <summary>The user name as stored: half-width, trimmed; letters, digits and <c>. _ - @</c> only.</summary>
    public static string UserName(string? input)
    {
        var name = JapaneseInput.Normalize(input);
        if (name.Length == 0)
            throw new BusinessRuleException("Staff.UserNameRequired");
        if (name.Length < UserNameMinLength || name.Length > UserNameMaxLength || !UserNamePattern().IsMatch(name))
            throw new BusinessRuleException("Staff.UserNameInvalid", UserNameMinLength, UserNameMaxLength);
        return name;
    }

    /// <summary>The name shown on the console and in the audit trail (氏名), one line.</summary>
    public static string DisplayName(string? input)
    {
        var name = (input ?? "").Trim();
        if (name.Length == 0)
            throw new BusinessRuleException("Staff.DisplayNameRequired");
        if (JapaneseInput.HasControlCharacters(name) || name.Length > DisplayNameMaxLength)
            throw new BusinessRuleException("Staff.DisplayNameInvalid", DisplayNameMaxLength);
        return name;
    }

    /// <summary>As Identity looks user names up (its upper-invariant normaliser).</summary>
    public static string Normalize(string userName) => userName.Normalize().ToUpperInvariant();

    [GeneratedRegex(@"^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();
}

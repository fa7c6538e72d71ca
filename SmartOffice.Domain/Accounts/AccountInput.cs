using System.Text.RegularExpressions;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Accounts;

/// <summary>
/// What account forms accept, normalised as an IME or a FAX form types it (全角 digits, odd dashes); each refusal names the
/// field and the fix.
/// </summary>
internal static partial class AccountInput
{
    /// <summary>Required text, NFKC-normalised, at most <paramref name="max"/> characters, no control characters.</summary>
    public static string Required(string? value, string field, int max)
    {
        var text = JapaneseInput.Normalize(value);
        if (text.Length == 0)
            throw new BusinessRuleException("Accounts.FieldRequired", FieldName(field));
        return MaxLength(text, field, max);
    }

    /// <summary>Optional text: null when blank.</summary>
    public static string? Optional(string? value, string field, int max)
    {
        var text = (value ?? "").Trim();
        return text.Length == 0 ? null : MaxLength(text, field, max);
    }

    /// <summary>〒 123-4567: seven digits, with or without the dash.</summary>
    public static string PostalCode(string? value)
    {
        var text = JapaneseInput.NormalizeCode(value).Replace("〒", "").Trim();
        if (!PostalPattern().IsMatch(text))
            throw new BusinessRuleException("Accounts.PostalCodeFormat");
        var digits = JapaneseInput.Digits(text);
        return $"{digits[..3]}-{digits[3..]}";
    }

    /// <summary>A Japanese phone or FAX number: 10 or 11 digits starting with 0, kept as typed (normalised) with its digits.</summary>
    public static (string Text, string Digits) Phone(string? value, string field)
    {
        var text = JapaneseInput.NormalizeCode(value);
        var digits = JapaneseInput.Digits(text);
        if (digits.Length is < 10 or > 11 || digits[0] != '0' || !PhonePattern().IsMatch(text))
            throw new BusinessRuleException("Accounts.PhoneFormat", FieldName(field));
        return (text, digits);
    }

    public static (string? Text, string? Digits) OptionalPhone(string? value, string field) =>
        JapaneseInput.Normalize(value).Length == 0 ? (null, null) : Phone(value, field);

    /// <summary>An optional e-mail address: one @ and no spaces is all a console can check.</summary>
    public static string? Email(string? value)
    {
        var email = Optional(JapaneseInput.Normalize(value), "Email", 254);
        return email is null || (email.Count(c => c == '@') == 1
            && !email.Contains(' ')) ? email : throw new BusinessRuleException("Accounts.EmailFormat");
    }

    /// <summary>A place orders ship to (a department or a ship-to): its name, 〒, address and an optional phone.</summary>
    public static (string Name, string PostalCode, string Address, string? Phone) Place(string? name, string nameField, string? postalCode,
        string? address, string? phone) =>
        (Required(name, nameField, 100), PostalCode(postalCode), Required(address, "Address", 200), OptionalPhone(phone, "Phone").Text);

    /// <summary>フリガナ: katakana (hiragana and half-width kana are converted), long vowel mark and spaces.</summary>
    public static string Kana(string? value)
    {
        var text = Required(value, "NameKana", 200);
        var kana = new string(text.Select(c => c is >= 'ぁ' and <= 'ゖ' ? (char)(c + ('ァ' - 'ぁ')) : c).ToArray()).Replace('-', 'ー');
        if (!KanaPattern().IsMatch(kana))
            throw new BusinessRuleException("Accounts.KanaFormat");
        return kana;
    }

    /// <summary>Every free-text field passes here: its length, and no control characters.</summary>
    private static string MaxLength(string text, string field, int max) =>
        text.Length > max ? throw new BusinessRuleException("Accounts.FieldTooLong", FieldName(field), max)
        : JapaneseInput.HasControlCharacters(text) ? throw new BusinessRuleException("Accounts.FieldControlCharacters", FieldName(field))
        : text;

    private static string FieldName(string field) => DomainText.Format("Accounts.Field." + field);

    [GeneratedRegex(@"^\d{3}-?\d{4}$")]
    private static partial Regex PostalPattern();

    [GeneratedRegex(@"^[0-9\-() ]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[\u30A1-\u30FC ・]+$")]
    private static partial Regex KanaPattern();
}

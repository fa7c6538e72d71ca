using System.Globalization;

namespace SmartOffice.Domain.Text;

/// <summary>A date as staff key it: yyyy/MM/dd and the warehouse files' other forms, 全角 digits allowed.</summary>
public static class KeyedDate
{
    public static readonly string[] Formats = ["yyyy/MM/dd", "yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d"];

    /// <exception cref="BusinessRuleException"><paramref name="missingKey"/> when blank, <paramref name="invalidKey"/>
    /// (with the input) when not a date.</exception>
    public static DateOnly Parse(string? input, string missingKey, string invalidKey)
    {
        var text = JapaneseInput.NormalizeCode(input);
        if (text.Length == 0)
            throw new BusinessRuleException(missingKey);
        return DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new BusinessRuleException(invalidKey, input);
    }
}

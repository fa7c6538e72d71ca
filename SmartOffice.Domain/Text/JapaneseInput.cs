using System.Globalization;
using System.Text;

namespace SmartOffice.Domain.Text;

/// <summary>
/// What a Japanese IME or a FAX form types, made comparable: NFKC folds 全角 digits and letters and
/// 半角カナ; the many dashes become '-'.
/// </summary>
public static class JapaneseInput
{
    private static readonly char[] Dashes = ['ー', '−', '‐', '–', '—', '―', '－', 'ｰ'];

    public static string Normalize(string? input)
    {
        var text = (input ?? "").Normalize(NormalizationForm.FormKC).Trim();
        return Dashes.Aggregate(text, (s, dash) => s.Replace(dash, '-'));
    }

    /// <summary>
    /// Control characters (NUL, BEL, escape sequences, tabs and line breaks) have no place in a one-line field: they would
    /// reach delivery slips, FAX sheets and exports. Text fields refuse them with a message rather than store them.
    /// </summary>
    public static bool HasControlCharacters(string? input) => input is not null && input.Any(char.IsControl);

    /// <summary>Digits only: phone and FAX numbers match however they were typed.</summary>
    public static string Digits(string? input) => new(Normalize(input).Where(char.IsAsciiDigit).ToArray());

    /// <summary>A wall-clock time typed as 17:00, 1700, 17時, or in 全角; whole minutes only.</summary>
    public static bool TryParseTime(string? input, out TimeOnly time)
    {
        var text = Normalize(input).Replace("時", ":").Replace("分", "").Replace('：', ':').TrimEnd(':');
        if (text.Length is 3 or 4 && text.All(char.IsAsciiDigit))
            text = text.PadLeft(4, '0').Insert(2, ":");
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "%H", "HH"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static readonly string[] CompanyTypeWords = ["株式会社", "有限会社", "(株)", "(有)"];

    /// <summary>
    /// The customer search key: name and reading folded as a search query is (see <see cref="FoldForSearch"/>),
    /// so 「(株)さくら」 finds 株式会社サクラ.
    /// </summary>
    public static string SearchKey(string name, string kana) => FoldForSearch(name) + FoldForSearch(kana);

    /// <summary>NFKC, hiragana to katakana, 株式会社/有限会社/(株)/(有) and all spaces removed, latin lower-cased.</summary>
    public static string FoldForSearch(string? text)
    {
        // NFKC turns （株）, ㈱ and half-width kana into (株) and full-width kana first.
        var folded = (text ?? "").Normalize(NormalizationForm.FormKC);
        foreach (var word in CompanyTypeWords)
            folded = folded.Replace(word, "", StringComparison.Ordinal);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
                continue;
            builder.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + ('ァ' - 'ぁ')) : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace SmartOffice.Domain.Text;

/// <summary>
/// What a Japanese IME or a FAX form types, made comparable: NFKC folds 全角 digits and letters and 半角カナ. Text keeps
/// its long-vowel mark ー (「センター」); only codes and numbers fold every dash to '-' (docs/text-and-order-rules.md).
/// </summary>
public static class JapaneseInput
{
    /// <summary>ー and the dashes an IME or a FAX form may put where a code or a number has '-' (half-width ｰ is ー after NFKC).</summary>
    private static readonly char[] Dashes = ['ー', '−', '‐', '‑', '‒', '–', '—', '―', '－', 'ｰ', '-'];

    /// <summary>Middle dots between words of a name (・, half-width ･, ·): a search ignores them as it ignores spaces.</summary>
    private static readonly char[] MiddleDots = ['・', '･', '·'];

    /// <summary>Names, addresses and free text: NFKC and trimmed; ー and every other dash stay as typed.</summary>
    public static string Normalize(string? input) => (input ?? "").Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>
    /// Codes, phone, FAX and postal numbers, quantities, dates and times: <see cref="Normalize"/>, and every dash — ー too,
    /// which an IME in kana mode types for '-' (０３ー１２３４) — becomes '-'.
    /// </summary>
    public static string NormalizeCode(string? input)
    {
        var text = Normalize(input);
        return text.IndexOfAny(Dashes) < 0 ? text : string.Concat(text.Select(c => Dashes.Contains(c) ? '-' : c));
    }

    /// <summary>
    /// Control characters (NUL, BEL, escape sequences, tabs and line breaks) have no place in a one-line field: they would
    /// reach delivery slips, FAX sheets and exports. Text fields refuse them with a message rather than store them.
    /// </summary>
    public static bool HasControlCharacters(string? input) => input is not null && input.Any(char.IsControl);

    /// <summary>Digits only: phone and FAX numbers match however they were typed.</summary>
    public static string Digits(string? input) => new(NormalizeCode(input).Where(char.IsAsciiDigit).ToArray());

    /// <summary>A wall-clock time typed as 17:00, 1700, 17時, or in 全角; whole minutes only.</summary>
    public static bool TryParseTime(string? input, out TimeOnly time)
    {
        var text = NormalizeCode(input).Replace("時", ":").Replace("分", "").Replace('：', ':').TrimEnd(':');
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

    /// <summary>
    /// A query and a stored search key alike: NFKC, hiragana to katakana, 株式会社/有限会社/(株)/(有), spaces and middle dots
    /// (・) removed, every dash and ー as ー (so 「グリーン」, 「ｸﾞﾘｰﾝ」, 「ぐりーん」 and 「グリ-ン」 meet), latin lower-cased.
    /// </summary>
    public static string FoldForSearch(string? text)
    {
        // NFKC turns （株）, ㈱ and half-width kana into (株) and full-width kana first.
        var folded = (text ?? "").Normalize(NormalizationForm.FormKC);
        foreach (var word in CompanyTypeWords)
            folded = folded.Replace(word, "", StringComparison.Ordinal);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || MiddleDots.Contains(c))
                continue;
            builder.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + ('ァ' - 'ぁ'))
                : Dashes.Contains(c) ? LongVowelMark
                : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>長音符 ー (U+30FC).</summary>
    public const char LongVowelMark = 'ー';
}

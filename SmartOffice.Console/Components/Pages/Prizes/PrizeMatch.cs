using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Components.Pages.Prizes;

/// <summary>
/// Which prizes a typed text means, as the order grid reads a product code: the code (全角 too) exact first, then codes that
/// start with it, then any part of the code or of the name (folded as every search is: かな/カナ, dashes, spaces).
/// </summary>
public static class PrizeMatch
{
    public static IReadOnlyList<PrizeRow> Find(IEnumerable<PrizeRow> prizes, string? text)
    {
        var all = prizes.ToList();
        if (string.IsNullOrWhiteSpace(text))
            return all;
        var code = JapaneseInput.NormalizeCode(text).ToUpperInvariant();
        var folded = JapaneseInput.FoldForSearch(text);
        return all
            .Select(p => (Prize: p, Rank: Rank(p, code, folded)))
            .Where(m => m.Rank < 4)
            .OrderBy(m => m.Rank).ThenBy(m => m.Prize.Code, StringComparer.Ordinal)
            .Select(m => m.Prize).ToList();
    }

    private static int Rank(PrizeRow prize, string code, string folded)
    {
        var prizeCode = prize.Code.ToUpperInvariant();
        return prizeCode == code ? 0
            : prizeCode.StartsWith(code, StringComparison.Ordinal) ? 1
            : prizeCode.Contains(code, StringComparison.Ordinal) ? 2
            : JapaneseInput.FoldForSearch(prize.Name).Contains(folded, StringComparison.Ordinal) ? 3
            : 4;
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// Issue 23's hand-written SQL (docs/product-enquiry-and-quotes.md): the products that exist before the migration get their
/// 在庫納期照会 search key, folded in SQL as <c>JapaneseInput.FoldForSearch</c> folds it — spaces and middle dots left out,
/// every dash as ー, ひらがな as カタカナ, company-type words left out, latin lower-cased — code, name and maker one per line, as
/// <c>Product.SearchKey</c> computes it. Only NFKC (全角 latin, 半角カナ in a stored name) is not redone: the console stores
/// names as typed, and a product saved again gets the exact key. Called from the Issue23Quotes migration of each provider.
/// </summary>
public static class Issue23Sql
{
    private const char LongVowelMark = 'ー';
    private static readonly string[] Dashes = ["-", "－", "ｰ", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"];
    private static readonly string[] Dropped = [" ", "　", "・", "･", "·", "株式会社", "有限会社", "(株)", "(有)", "（株）", "（有）", "㈱", "㈲"];
    private static readonly char[] Hiragana = [.. Enumerable.Range('ぁ', 'ゖ' - 'ぁ' + 1).Select(c => (char)c)];

    public static void UpSqlite(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            UPDATE "Products" SET "SearchKey" = substr({Folded("\"Code\"", Literal)} || char(10) || {Folded("\"Name\"", Literal)}
                || char(10) || {Folded("\"Maker\"", Literal)}, 1, 300);
            """);

    /// <summary>Binary collation: SQL Server's usual kana- and width-insensitive collation would match ひらがな for カタカナ in REPLACE.</summary>
    public static void UpSqlServer(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""
            UPDATE [Products] SET [SearchKey] = LEFT({Folded("[Code] COLLATE Latin1_General_BIN2", NLiteral)} + NCHAR(10)
                + {Folded("[Name] COLLATE Latin1_General_BIN2", NLiteral)} + NCHAR(10) + {Folded("[Maker] COLLATE Latin1_General_BIN2", NLiteral)}, 300);
            """);

    /// <summary>One column folded by nested REPLACE (SQLite allows 1,000 levels; this is about 110) and LOWER.</summary>
    private static string Folded(string column, Func<string, string> literal)
    {
        var sql = Dropped.Aggregate(column, (s, word) => $"REPLACE({s}, {literal(word)}, {literal("")})");
        sql = Dashes.Aggregate(sql, (s, dash) => $"REPLACE({s}, {literal(dash)}, {literal(LongVowelMark.ToString())})");
        sql = Hiragana.Aggregate(sql, (s, kana) => $"REPLACE({s}, {literal(kana.ToString())}, {literal(((char)(kana + ('ァ' - 'ぁ'))).ToString())})");
        return $"LOWER({sql})";
    }

    private static string Literal(string text) => $"'{text}'";

    private static string NLiteral(string text) => $"N'{text}'";
}

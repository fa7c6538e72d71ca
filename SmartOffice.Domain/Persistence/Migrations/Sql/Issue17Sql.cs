using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// Issue 17's hand-written SQL (docs/text-and-order-rules.md, "The long-vowel mark"): input normalisation used to turn ー
/// into '-' in names and addresses (「センター」 saved as 「センタ-」). The repair gives back ー wherever a '-' follows a kana
/// character, and rebuilds the customers' search keys folded as <c>JapaneseInput.FoldForSearch</c> now folds them. Called
/// from the Issue17 migration of each provider, one line each.
/// </summary>
public static class Issue17Sql
{
    /// <summary>The text columns that went through the old normalisation: names, readings, addresses.</summary>
    private static readonly (string Table, string Column)[] NameColumns =
    [
        ("Customers", "Name"), ("Customers", "NameKana"), ("Customers", "Address"),
        ("Departments", "Name"), ("Departments", "Address"),
        ("ShipTos", "Name"), ("ShipTos", "Address"),
        ("WebUsers", "Name"),
        ("Prizes", "Name"),
    ];

    private const char LongVowelMark = 'ー';

    /// <summary>Hiragana ぁ…ゖ and katakana ァ…ヺ, then ー itself twice (a run 「--」 after kana was 「ーー」).</summary>
    private static readonly char[] Kana =
    [
        .. Enumerable.Range('ぁ', 'ゖ' - 'ぁ' + 1).Select(c => (char)c),
        .. Enumerable.Range('ァ', 'ヺ' - 'ァ' + 1).Select(c => (char)c),
        LongVowelMark, LongVowelMark,
    ];

    /// <summary>What the search key folds to ー (dashes NFKC leaves as they are) and what it drops (middle dots).</summary>
    private static readonly string[] KeyDashes = ["-", "\u2010", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"];
    private static readonly string[] KeyDots = ["・", "·"];

    public static void UpSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, column) in NameColumns)
            migrationBuilder.Sql($"""UPDATE "{table}" SET "{column}" = {Repaired($"\"{column}\"", Literal)} WHERE instr("{column}", '-') > 0;""");
        migrationBuilder.Sql($"""UPDATE "Customers" SET "SearchKey" = {FoldedKey("\"SearchKey\"", Literal)};""");
    }

    /// <summary>
    /// The same on SQL Server. Binary collation: the database's usual kana- and width-insensitive collation would also match
    /// ひらがな for カタカナ and '－' for '-'. EXEC keeps the variables in a batch of their own in the idempotent script.
    /// </summary>
    public static void UpSqlServer(MigrationBuilder migrationBuilder)
    {
        var script = new StringBuilder();
        script.AppendLine("DECLARE @from nvarchar(2), @to nvarchar(2), @i int = 1;");
        script.AppendLine($"DECLARE @kana nvarchar({Kana.Length}) = N'{new string(Kana)}';");
        script.AppendLine("WHILE @i <= LEN(@kana)");
        script.AppendLine("BEGIN");
        script.AppendLine($"    SELECT @from = SUBSTRING(@kana, @i, 1) + N'-', @to = SUBSTRING(@kana, @i, 1) + N'{LongVowelMark}';");
        foreach (var (table, column) in NameColumns)
        {
            script.AppendLine($"    UPDATE [{table}] SET [{column}] = REPLACE([{column}] COLLATE Latin1_General_BIN2, @from, @to)");
            script.AppendLine($"        WHERE CHARINDEX(@from, [{column}] COLLATE Latin1_General_BIN2) > 0;");
        }
        script.AppendLine("    SET @i += 1;");
        script.AppendLine("END;");
        script.AppendLine($"UPDATE [Customers] SET [SearchKey] = {FoldedKey("[SearchKey] COLLATE Latin1_General_BIN2", NLiteral)};");
        migrationBuilder.Sql($"EXEC(N'{script.ToString().Replace("'", "''")}');");
    }

    /// <summary>Every kana + '-' of <paramref name="column"/> as kana + ー, by nested REPLACE (SQLite allows 1,000 levels).</summary>
    private static string Repaired(string column, Func<string, string> literal) =>
        Kana.Aggregate(column, (sql, kana) => $"REPLACE({sql}, {literal($"{kana}-")}, {literal($"{kana}{LongVowelMark}")})");

    /// <summary>A search key of the old folding as the new one folds it: every dash as ー, middle dots left out.</summary>
    private static string FoldedKey(string column, Func<string, string> literal)
    {
        var sql = KeyDashes.Aggregate(column, (s, dash) => $"REPLACE({s}, {literal(dash)}, {literal(LongVowelMark.ToString())})");
        return KeyDots.Aggregate(sql, (s, dot) => $"REPLACE({s}, {literal(dot)}, {literal("")})");
    }

    private static string Literal(string text) => $"'{text}'";

    private static string NLiteral(string text) => $"N'{text}'";
}

using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Tests.Rules;

public sealed class JapaneseInputTests
{
    [Theory]
    [InlineData("ＡＢ１２３", "AB123")]
    [InlineData("ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ")]
    [InlineData(" 株式会社グリーンセンター ", "株式会社グリーンセンター")]
    [InlineData("ｸﾞﾘｰﾝｾﾝﾀｰ", "グリーンセンター")]
    [InlineData("東京都千代田区1－1 センタービル", "東京都千代田区1-1 センタービル")]
    public void Text_folds_full_width_and_half_width_kana_and_keeps_the_long_vowel_mark(string typed, string expected) =>
        Assert.Equal(expected, JapaneseInput.Normalize(typed));

    [Theory]
    [InlineData(" 03ー1234−5678 ", "03-1234-5678")]
    [InlineData("１００ー０００１", "100-0001")]
    [InlineData("ａ０００‐１", "a000-1")]
    [InlineData("03ｰ1234―5678", "03-1234-5678")]
    public void Codes_and_numbers_fold_every_dash_an_IME_or_a_FAX_form_types(string typed, string expected) =>
        Assert.Equal(expected, JapaneseInput.NormalizeCode(typed));

    [Theory]
    [InlineData("０３－１２３４－５６７８", "0312345678")]
    [InlineData("(03) 1234 5678", "0312345678")]
    public void Phone_numbers_match_by_digits(string typed, string expected) => Assert.Equal(expected, JapaneseInput.Digits(typed));

    [Theory]
    [InlineData("17:00", 17, 0)]
    [InlineData("１７：００", 17, 0)]
    [InlineData("1700", 17, 0)]
    [InlineData("930", 9, 30)]
    [InlineData("17時", 17, 0)]
    [InlineData("16時30分", 16, 30)]
    public void Times_are_read_however_they_were_typed(string typed, int hour, int minute)
    {
        Assert.True(JapaneseInput.TryParseTime(typed, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("25:00")]
    [InlineData("17:60")]
    [InlineData("abc")]
    public void Impossible_times_are_refused(string typed) => Assert.False(JapaneseInput.TryParseTime(typed, out _));

    [Theory]
    [InlineData("株式会社 さくら商事", "サクラ商事")]
    [InlineData("（株）サクラ商事", "サクラ商事")]
    [InlineData("ｻｸﾗ商事 有限会社", "サクラ商事")]
    [InlineData("ABC Office", "abcoffice")]
    [InlineData("グリーン・オフィス", "グリーンオフィス")]
    [InlineData("ｸﾞﾘｰﾝ･ｵﾌｨｽ", "グリーンオフィス")]
    [InlineData("ぐりーん　おふぃす", "グリーンオフィス")]
    [InlineData("グリ-ン オフィス", "グリーンオフィス")]
    [InlineData("グリ－ン·オフィス", "グリーンオフィス")]
    public void Company_names_fold_for_search(string typed, string expected) =>
        Assert.Equal(expected, JapaneseInput.FoldForSearch(typed));
}

using System.Globalization;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Rules;

public class JapaneseHolidaysTests
{
    /// <summary>
    /// A copy of the project's shared reference list (holiday-jp's public dataset, MIT licence, after the Cabinet
    /// Office's published list), kept in the repository so a clone anywhere runs these tests.
    /// </summary>
    private const string ReferencePath = "Rules/jp-holidays-2000-2050.csv";

    /// <summary>The published list (holiday-jp, after the Cabinet Office), date → name.</summary>
    private static readonly Lazy<IReadOnlyDictionary<DateOnly, string>> Published = new(LoadPublished);

    public static TheoryData<int> PublishedYears => new(Enumerable.Range(2000, 51));

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Computed_holiday_dates_equal_the_published_list(int year)
    {
        var published = Published.Value.Keys.Where(d => d.Year == year).Order();

        Assert.Equal(published, JapaneseHolidays.For(year).Keys.Order());
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Computed_names_equal_the_published_names_in_the_consoles_wording(int year)
    {
        // The reference names substitutes "<holiday> 振替休日" and citizens' holidays "休日";
        // 2019's 休日（祝日扱い） days have their own names, checked below.
        var expected = Published.Value
            .Where(h => h.Key.Year == year && h.Value != "休日（祝日扱い）")
            .Select(h => (h.Key, Name: h.Value switch
            {
                "休日" => "国民の休日",
                "体育の日（スポーツの日）" => "体育の日",
                var name when name.EndsWith(" 振替休日", StringComparison.Ordinal) => "振替休日",
                var name => name,
            }));

        Assert.All(expected, h => Assert.Equal(h.Name, JapaneseHolidays.NameOf(h.Key)));
    }

    [Theory]
    [InlineData("2026-09-22", "国民の休日")]     // between 敬老の日 (Mon) and 秋分の日 (Wed)
    [InlineData("2009-09-22", "国民の休日")]
    [InlineData("2006-05-04", "国民の休日")]     // before みどりの日 moved to 5/4
    [InlineData("2019-04-30", "国民の休日")]     // between 昭和の日 and 即位の日
    [InlineData("2019-05-01", "即位の日")]
    [InlineData("2019-05-02", "国民の休日")]     // between 即位の日 and 憲法記念日
    [InlineData("2019-10-22", "即位礼正殿の儀")]
    [InlineData("2019-10-14", "体育の日")]       // renamed スポーツの日 from 2020
    [InlineData("2020-07-23", "海の日")]         // Olympics: moved from the 3rd Monday of July
    [InlineData("2020-07-24", "スポーツの日")]
    [InlineData("2020-08-10", "山の日")]
    [InlineData("2021-07-22", "海の日")]
    [InlineData("2021-07-23", "スポーツの日")]
    [InlineData("2021-08-08", "山の日")]
    [InlineData("2021-08-09", "振替休日")]       // 山の日 2021 fell on a Sunday
    [InlineData("2020-05-06", "振替休日")]       // 憲法記念日 on Sunday, 5/4 and 5/5 holidays: cascades to Wednesday
    [InlineData("2026-05-06", "振替休日")]
    [InlineData("2006-04-29", "みどりの日")]
    [InlineData("2007-04-29", "昭和の日")]
    [InlineData("2007-05-04", "みどりの日")]
    [InlineData("2018-12-23", "天皇誕生日")]
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("2020-02-24", "振替休日")]
    [InlineData("2002-07-20", "海の日")]         // fixed date before Happy Monday (2003)
    [InlineData("2002-09-15", "敬老の日")]
    [InlineData("2003-09-15", "敬老の日")]       // 3rd Monday from 2003
    [InlineData("2016-08-11", "山の日")]
    [InlineData("2026-01-12", "成人の日")]       // 2nd Monday of January
    [InlineData("2026-03-20", "春分の日")]
    [InlineData("2026-09-23", "秋分の日")]
    [InlineData("2026-10-12", "スポーツの日")]
    public void Holidays_are_named_as_the_law_names_them_that_year(string date, string name)
    {
        var day = Day(date);

        Assert.Equal(name, JapaneseHolidays.NameOf(day));
        Assert.True(JapaneseHolidays.IsHoliday(day));
    }

    [Theory]
    [InlineData("2019-12-23")]   // no 天皇誕生日 in 2019
    [InlineData("2019-02-23")]
    [InlineData("2015-08-11")]   // 山の日 from 2016
    [InlineData("2020-07-20")]   // 2020's 海の日 moved to 7/23
    [InlineData("2020-10-12")]   // 2020's スポーツの日 moved to 7/24
    [InlineData("2021-08-11")]
    [InlineData("2026-12-29")]   // closure days are not national holidays
    public void Ordinary_days_are_not_holidays(string date)
    {
        var day = Day(date);

        Assert.False(JapaneseHolidays.IsHoliday(day));
        Assert.Null(JapaneseHolidays.NameOf(day));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Years_outside_2000_to_2099_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.For(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(year, 1, 1)));
    }

    [Fact]
    public void From_2020_to_2099_every_year_has_its_sixteen_named_holidays_in_date_order()
    {
        Assert.All(Enumerable.Range(2020, JapaneseHolidays.MaxYear - 2020 + 1), year =>
        {
            var holidays = JapaneseHolidays.For(year);
            Assert.Equal(holidays.Keys.Order(), holidays.Keys);
            Assert.Equal(16, holidays.Values.Count(name => name is not ("振替休日" or "国民の休日")));
        });
    }

    [Fact]
    public void A_year_is_computed_once()
    {
        Assert.Same(JapaneseHolidays.For(2026), JapaneseHolidays.For(2026));
    }

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<DateOnly, string> LoadPublished() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, ReferencePath))
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(fields => Day(fields[0]), fields => fields[1]);
}

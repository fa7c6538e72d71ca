using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace SmartOffice.Domain.Rules;

/// <summary>
/// 国民の祝日 computed by the 国民の祝日に関する法律 for 2000–2099, with each day named as the law
/// named it that year, plus 振替休日 (substitute holiday) and 国民の休日 (citizens' holiday).
/// Pure and cached per year; the business calendar table is seeded from it.
/// </summary>
public static class JapaneseHolidays
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    private const string SubstituteHoliday = "振替休日";
    private const string CitizensHoliday = "国民の休日";

    /// <summary>The 東京オリンピック特措法 moved 海の日, スポーツの日 and 山の日 in 2020 and 2021.</summary>
    private static readonly Dictionary<int, (DateOnly Marine, DateOnly Sports, DateOnly Mountain)> OlympicYears = new()
    {
        [2020] = (new(2020, 7, 23), new(2020, 7, 24), new(2020, 8, 10)),
        [2021] = (new(2021, 7, 22), new(2021, 7, 23), new(2021, 8, 8)),
    };

    /// <summary>One-off holidays of the 2019 accession (天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律).</summary>
    private static readonly (DateOnly Date, string Name)[] OneOffHolidays =
    [
        (new(2019, 5, 1), "即位の日"),
        (new(2019, 10, 22), "即位礼正殿の儀"),
    ];

    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = new();

    /// <summary>All holidays of <paramref name="year"/>, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2099.</exception>
    public static IReadOnlyDictionary<DateOnly, string> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return Cache.GetOrAdd(year, Compute);
    }

    public static bool IsHoliday(DateOnly date) => For(date.Year).ContainsKey(date);

    /// <summary>The holiday's name, or null on an ordinary day.</summary>
    public static string? NameOf(DateOnly date) => For(date.Year).GetValueOrDefault(date);

    private static ReadOnlyDictionary<DateOnly, string> Compute(int year)
    {
        var named = NamedHolidays(year).ToDictionary(h => h.Date, h => h.Name);
        var holidays = new SortedDictionary<DateOnly, string>(named);

        foreach (var sunday in named.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            if (SubstituteFor(sunday, named) is { } substitute)
                holidays[substitute] = SubstituteHoliday;
        }

        // 国民の休日: a day that is neither a holiday nor a Sunday, between two named holidays.
        foreach (var day in named.Keys)
        {
            var between = day.AddDays(1);
            if (named.ContainsKey(day.AddDays(2)) && !holidays.ContainsKey(between) && between.DayOfWeek != DayOfWeek.Sunday)
                holidays[between] = CitizensHoliday;
        }

        return new ReadOnlyDictionary<DateOnly, string>(holidays);
    }

    /// <summary>
    /// 振替休日 for a named holiday on a Sunday: until 2006 the Monday unless it is itself a holiday;
    /// from 2007 the first following day that is not a named holiday (cascades through Golden Week).
    /// </summary>
    private static DateOnly? SubstituteFor(DateOnly sunday, Dictionary<DateOnly, string> named)
    {
        var next = sunday.AddDays(1);
        if (sunday.Year < 2007)
            return named.ContainsKey(next) ? null : next;
        while (named.ContainsKey(next))
            next = next.AddDays(1);
        return next;
    }

    /// <summary>The 国民の祝日 proper (and 2019's one-off days), before substitutes and citizens' holidays.</summary>
    private static IEnumerable<(DateOnly Date, string Name)> NamedHolidays(int year)
    {
        yield return (new(year, 1, 1), "元日");
        yield return (NthMonday(year, 1, 2), "成人の日");
        yield return (new(year, 2, 11), "建国記念の日");
        if (year >= 2020)
            yield return (new(year, 2, 23), "天皇誕生日");
        yield return (VernalEquinox(year), "春分の日");
        yield return (new(year, 4, 29), year >= 2007 ? "昭和の日" : "みどりの日");
        yield return (new(year, 5, 3), "憲法記念日");
        if (year >= 2007)
            yield return (new(year, 5, 4), "みどりの日");
        yield return (new(year, 5, 5), "こどもの日");

        if (OlympicYears.TryGetValue(year, out var moved))
        {
            yield return (moved.Marine, "海の日");
            yield return (moved.Sports, "スポーツの日");
            yield return (moved.Mountain, "山の日");
        }
        else
        {
            yield return (year >= 2003 ? NthMonday(year, 7, 3) : new(year, 7, 20), "海の日");
            if (year >= 2016)
                yield return (new(year, 8, 11), "山の日");
            yield return (NthMonday(year, 10, 2), year >= 2020 ? "スポーツの日" : "体育の日");
        }

        yield return (year >= 2003 ? NthMonday(year, 9, 3) : new(year, 9, 15), "敬老の日");
        yield return (AutumnalEquinox(year), "秋分の日");
        yield return (new(year, 11, 3), "文化の日");
        yield return (new(year, 11, 23), "勤労感謝の日");
        if (year <= 2018)
            yield return (new(year, 12, 23), "天皇誕生日");

        foreach (var oneOff in OneOffHolidays.Where(h => h.Date.Year == year))
            yield return oneOff;
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toMonday + 7 * (n - 1));
    }

    // The usual approximation of the equinox days, valid 1980–2099 (officially fixed each February).
    private static DateOnly VernalEquinox(int year) => new(year, 3, EquinoxDay(20.8431m, year));

    private static DateOnly AutumnalEquinox(int year) => new(year, 9, EquinoxDay(23.2488m, year));

    private static int EquinoxDay(decimal baseDay, int year)
    {
        var sinceBase = year - 1980;
        return (int)decimal.Floor(baseDay + 0.242194m * sinceBase) - sinceBase / 4;
    }
}

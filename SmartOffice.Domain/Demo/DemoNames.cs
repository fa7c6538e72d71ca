using System.Text;
using static SmartOffice.Domain.Demo.DemoVocabulary;

namespace SmartOffice.Domain.Demo;

/// <summary>A company name with its reading (without 株式会社/有限会社, as フリガナ is kept) and a mail domain.</summary>
internal sealed record CompanyName(string Name, string Kana, string MailDomain);

/// <summary>A Japanese person: "姓 名" and a mail local part.</summary>
internal sealed record PersonName(string Name, Word Surname, string MailLocalPart);

/// <summary>Where someone is: postal code, address and telephone/FAX numbers of one city.</summary>
internal sealed record Location(City City, string PostalCode, string Address, string Phone, string Fax);

/// <summary>Builds names, addresses and numbers from <see cref="DemoVocabulary"/>.</summary>
internal static class DemoNames
{
    // Mail domains under example.jp, which JPRS reserves, so no demo address reaches a real company.
    private const string MailDomainSuffix = ".example.jp";

    public static CompanyName Company(Random rng, RegionPlaces region)
    {
        var katakana = rng.Chance(0.12);
        var head = katakana ? rng.Pick(KatakanaBrands) : rng.Chance(0.25) ? rng.Pick(region.LocalWords) : rng.Pick(CompanyPrefixes);
        var tail = katakana ? rng.Pick(KatakanaSuffixes) : rng.Pick(BusinessWords);
        var core = head.Kanji + tail.Kanji;
        var name = rng.Next(10) switch
        {
            < 5 => "株式会社" + core,
            < 8 => core + "株式会社",
            _ => "有限会社" + core,
        };
        return new CompanyName(name, head.Kana + tail.Kana, $"{head.Romaji}-{tail.Romaji}{MailDomainSuffix}");
    }

    /// <summary>A dealer name such as 株式会社青葉事務機.</summary>
    public static CompanyName Dealer(Random rng)
    {
        var head = rng.Pick(CompanyPrefixes);
        return new CompanyName(string.Format(rng.Pick(DealerNamePatterns), head.Kanji), head.Kana,
            $"{head.Romaji}-office{MailDomainSuffix}");
    }

    public static PersonName Person(Random rng)
    {
        var surname = rng.Pick(Surnames);
        var given = rng.Pick(GivenNames);
        return new PersonName($"{surname.Kanji} {given.Kanji}", surname, $"{given.Romaji}.{surname.Romaji}");
    }

    public static Location Locate(Random rng, City city)
    {
        var postal = city.PostalPrefix + rng.Digits(7 - city.PostalPrefix.Length);
        var address = $"{city.Prefecture}{city.Name}{rng.Pick(Towns)}{rng.Between(1, 5)}丁目{rng.Between(1, 30)}-{rng.Between(1, 20)}"
                      + (rng.Chance(0.5) ? $" {rng.Pick(CompanyPrefixes).Kanji}ビル{rng.Between(1, 9)}F" : "");
        var exchange = rng.Between(1, 9) + rng.Digits(5 - city.AreaCode.Length);
        return new Location(city, $"{postal[..3]}-{postal[3..]}", address,
            $"{city.AreaCode}-{exchange}-{rng.Digits(4)}", $"{city.AreaCode}-{exchange}-{rng.Digits(4)}");
    }

    public static string DigitsOf(string text) => string.Concat(text.Where(char.IsAsciiDigit));}

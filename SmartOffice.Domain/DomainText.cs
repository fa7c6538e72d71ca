using System.Globalization;
using System.Resources;

namespace SmartOffice.Domain;

/// <summary>
/// Messages the domain gives users, from <c>Resources/DomainText.resx</c> (Japanese) and
/// <c>DomainText.en.resx</c>, in the current UI culture.
/// </summary>
public static class DomainText
{
    private static readonly ResourceManager Resources =
        new("SmartOffice.Domain.Resources.DomainText", typeof(DomainText).Assembly);

    /// <summary>The business's own language, for names stored as data (e.g. seeded closure days), whatever the server's locale.</summary>
    public static readonly CultureInfo DataCulture = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>The text in <see cref="DataCulture"/>.</summary>
    public static string ForData(string key) => Resources.GetString(key, DataCulture) ?? key;

    public static string Format(string key, params object?[] args)
    {
        var template = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}

/// <summary>
/// A business rule refused the use case. <see cref="Exception.Message"/> is for the user: it names
/// the field and the fix, in the user's language. Nothing was saved.
/// </summary>
public class BusinessRuleException(string key, params object?[] args) : Exception(DomainText.Format(key, args))
{
    /// <summary>The resource key, stable across languages (tests assert on it).</summary>
    public string Key { get; } = key;
}

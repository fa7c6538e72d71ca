using System.Globalization;

namespace SmartOffice.Console.Hosting;

/// <summary>The console speaks Japanese by default; English is the second language.</summary>
public static class UiCulture
{
    public const string Japanese = "ja-JP";
    public const string English = "en-US";
    public static readonly string[] Supported = [Japanese, English];

    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
}

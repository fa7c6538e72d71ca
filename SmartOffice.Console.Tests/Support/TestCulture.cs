using System.Globalization;
using System.Runtime.CompilerServices;

namespace SmartOffice.Console.Tests.Support;

internal static class TestCulture
{
    /// <summary>Tests run in the console's default language, whatever the machine's locale.</summary>
    [ModuleInitializer]
    internal static void UseJapanese()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("ja-JP");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
    }
}

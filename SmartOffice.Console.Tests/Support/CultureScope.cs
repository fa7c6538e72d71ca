using System.Globalization;

namespace SmartOffice.Console.Tests.Support;

/// <summary>The UI language of one test (the circuit's culture in the app), put back when disposed.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _ui = CultureInfo.CurrentUICulture;

    public CultureScope(string name) : this(CultureInfo.GetCultureInfo(name)) { }

    public CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _ui);
}

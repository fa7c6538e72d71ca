namespace SmartOffice.Console;

/// <summary>
/// Marker for the texts of the sheets faxed back to customers (point balance reply, return notice, stock-out notice, the
/// printed header) in Resources/SheetText.resx. Japanese only, by design: there is no .en.resx, so an English-speaking
/// agent still prints the customer's Japanese sheet; the buttons around a sheet follow the UI language.
/// </summary>
public sealed class SheetText;

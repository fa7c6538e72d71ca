namespace SmartOffice.Console;

/// <summary>Marker for the quotes' screen texts in Resources/QuotesText.resx (Japanese) and QuotesText.en.resx; the
/// printed quote itself is Japanese only (SheetText's Quote.*).</summary>
public sealed class QuotesText;

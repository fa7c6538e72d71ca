namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Prizes pages' texts in
/// Resources/PrizesText.resx (Japanese) and PrizesText.en.resx.</summary>
public sealed class PrizesText;

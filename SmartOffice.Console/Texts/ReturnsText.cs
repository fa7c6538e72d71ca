namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Returns pages' texts in
/// Resources/ReturnsText.resx (Japanese) and ReturnsText.en.resx.</summary>
public sealed class ReturnsText;

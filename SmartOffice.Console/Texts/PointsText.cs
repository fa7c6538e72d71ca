namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Points pages' texts in
/// Resources/PointsText.resx (Japanese) and PointsText.en.resx.</summary>
public sealed class PointsText;

namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the report pages' texts in
/// Resources/ReportingText.resx (Japanese) and ReportingText.en.resx.</summary>
public sealed class ReportingText;

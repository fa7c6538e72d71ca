namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Jobs page's texts in
/// Resources/JobsText.resx (Japanese) and JobsText.en.resx.</summary>
public sealed class JobsText;

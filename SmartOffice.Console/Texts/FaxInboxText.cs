namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the FAX inbox pages' texts in
/// Resources/FaxInboxText.resx (Japanese) and FaxInboxText.en.resx.</summary>
public sealed class FaxInboxText;

namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the staff pages' texts in
/// Resources/StaffText.resx (Japanese) and StaffText.en.resx.</summary>
public sealed class StaffText;

namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Calendar pages' texts in
/// Resources/CalendarText.resx (Japanese) and CalendarText.en.resx.</summary>
public sealed class CalendarText;

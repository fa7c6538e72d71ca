namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Ordering pages' texts in
/// Resources/OrderingText.resx (Japanese) and OrderingText.en.resx. Printed stock-out notices are Japanese only: their
/// StockOut.* sheet texts exist only in the neutral file.</summary>
public sealed class OrderingText;

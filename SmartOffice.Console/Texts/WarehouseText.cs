namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the warehouse page's texts in
/// Resources/WarehouseText.resx (Japanese) and WarehouseText.en.resx.</summary>
public sealed class WarehouseText;

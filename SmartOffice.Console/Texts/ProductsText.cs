namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for 在庫納期照会's texts in
/// Resources/ProductsText.resx (Japanese) and ProductsText.en.resx.</summary>
public sealed class ProductsText;

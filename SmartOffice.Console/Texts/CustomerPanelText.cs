namespace SmartOffice.Console;

/// <summary>Marker for the customer panel's texts in Resources/CustomerPanelText.resx (Japanese) and CustomerPanelText.en.resx.</summary>
public sealed class CustomerPanelText;

namespace SmartOffice.Console;

/// <summary>Marker for the shell's texts in Resources/UiText.resx (Japanese) and UiText.en.resx.</summary>
public sealed class UiText;

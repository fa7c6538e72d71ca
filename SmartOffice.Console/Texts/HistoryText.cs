namespace SmartOffice.Console;

/// <summary>Marker for the words of every history (field labels, values, actions the capabilities' texts lack) in
/// Resources/HistoryText.resx and HistoryText.en.resx.</summary>
public sealed class HistoryText;

namespace SmartOffice.Console;

/// <summary>Marker (kept out of Resources/, where it would rename the resource) for the Accounts pages' texts in
/// Resources/AccountsText.resx (Japanese) and AccountsText.en.resx.</summary>
public sealed class AccountsText;

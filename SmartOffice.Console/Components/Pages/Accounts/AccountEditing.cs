using Microsoft.AspNetCore.Components.Web;
using SmartOffice.Domain.Accounts;

namespace SmartOffice.Console.Components.Pages.Accounts;

/// <summary>依頼者 as keyed on the account page: who at the customer asked, and how. Every save sends it.</summary>
public sealed class RequesterInput
{
    public string? Name { get; set; }
    public RequestChannel? Channel { get; set; }
    public ChangeRequester ToRequester() => new(Name, Channel);
}

/// <summary>What the account page gives its tabs: the requester, and one way to run a change (message, snackbar, reload).</summary>
public sealed record AccountEditing(RequesterInput Requester, Func<Func<Task>, string, Task<bool>> RunAsync)
{
    /// <summary>Ctrl+Enter = 確定 (docs/keying-screens.md) inside a form.</summary>
    public static bool IsSave(KeyboardEventArgs e) => e.Key == "Enter" && e.CtrlKey;
}

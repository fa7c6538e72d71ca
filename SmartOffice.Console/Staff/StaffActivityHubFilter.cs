using Microsoft.AspNetCore.SignalR;

namespace SmartOffice.Console.Staff;

/// <summary>
/// Every message of a Blazor circuit passes here. A person's input — a browser event (click, key, change) or a navigation —
/// keeps their session alive; render acknowledgements and interop replies, which an unattended page sends too, do not. A
/// circuit whose session this instance knows is over is closed at its next message.
/// </summary>
internal sealed class StaffActivityHubFilter(StaffSessionTracker sessions) : IHubFilter
{
    /// <summary>The circuit hub's methods that only a person's action sends.</summary>
    private static readonly HashSet<string> InputMethods = ["OnLocationChanged", "OnLocationChanging"];

    /// <summary>
    /// Browser events (click, key, change) reach the renderer as a JS-to-.NET call of this method; other such calls (a
    /// component library's resize or scroll listeners) are no input.
    /// </summary>
    private const string BrowserEventCall = "DispatchEventAsync";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = invocation.Context.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            var session = StaffClaims.SessionOf(user);
            if (sessions.IsKnownEnded(session))
            {
                invocation.Context.Abort();
                return ValueTask.FromResult<object?>(null);
            }
            if (InputMethods.Contains(invocation.HubMethodName) || IsBrowserEvent(invocation))
                sessions.RecordInput(session);
        }
        return next(invocation);
    }

    /// <summary>BeginInvokeDotNetFromJS(callId, assemblyName, methodIdentifier, dotNetObjectId, argsJson).</summary>
    private static bool IsBrowserEvent(HubInvocationContext invocation) =>
        invocation.HubMethodName == "BeginInvokeDotNetFromJS"
        && invocation.HubMethodArguments.Count > 2 && invocation.HubMethodArguments[2] as string == BrowserEventCall;
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// One desk agent without a browser: its own cookie (the real sign-in form), the prerendered page fetched over HTTP, then the
/// circuit as blazor.web.js runs it — the <c>_blazor</c> hub over WebSockets with the blazorpack protocol, <c>StartCircuit</c>,
/// <c>UpdateRootComponents</c> with the page's component markers once the server attached its renderer, every render batch
/// applied to a <see cref="LogicalDom"/> and acknowledged (<c>OnRenderCompleted</c>), every JS interop call answered
/// (<c>EndInvokeJSFromDotNet</c>: as a browser with nothing to report would, <c>null</c>), browser events dispatched through the
/// renderer's interop object (<c>DispatchEventAsync</c>) with the field's new value, as the browser sends them.
/// </summary>
/// <remarks>What it relies on in the page is in <see cref="OrderEntryMarkup"/>.</remarks>
internal sealed partial class BlazorAgent : IAsyncDisposable
{
    /// <summary>How long a wait for the page lasts before the agent gives up (a change counts as taking at least this long).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Uri _baseAddress;
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;
    private readonly LogicalDom _dom = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _objectsByInterop = new(StringComparer.Ordinal);
    private HubConnection? _hub;
    private string? _circuitId;
    private int _nextCallId;
    private (Func<LogicalDom, bool> Done, TaskCompletionSource Signal)? _waiter;
    private string? _failure;

    public BlazorAgent(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) {
            BaseAddress = baseAddress };
    }

    /// <summary>JS interop calls answered, by identifier (what the page asked of the browser).</summary>
    public Dictionary<string, int> InteropCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the circuit failed (an error from the server, a batch that could not be applied, the connection
    /// lost), or null.</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
                return _failure;
        }
    }

    /// <summary>Posts the sign-in form with its antiforgery token; the answer must be the redirect home.</summary>
    public async Task SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var form = await _http.GetStringAsync("signin", cancellationToken);
        using var answer = await _http.PostAsync("account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }), cancellationToken);
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"{userName} did not sign in: {(int)answer.StatusCode} {answer.Headers.Location}");
    }

    /// <summary>Opens the page as the browser does: prerendered over HTTP, then a circuit that takes over its components.</summary>
    /// <param name="ready">What shows the page is there (after its first renders).</param>
    /// <param name="handedObjects">The JS functions the page must have handed a .NET object to (see <see cref="InvokeAsync"/>).</param>
    public async Task OpenAsync(string path, Func<LogicalDom, bool> ready, IReadOnlyList<string> handedObjects,
        CancellationToken cancellationToken)
    {
        var address = new Uri(_baseAddress, path);
        using (var response = await _http.GetAsync(address, cancellationToken))
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            var page = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (page.ServerMarkers.Count == 0)
                throw new InvalidOperationException($"GET {path} has no interactive server component markers.");

            _hub = Connect();
            await _hub.StartAsync(cancellationToken);
            var rendererAttached = WaitAsync(_ => _objectsByInterop.ContainsKey(OrderEntryMarkup.AttachRenderer), cancellationToken);
            _circuitId = await _hub.InvokeAsync<string?>("StartCircuit", _baseAddress.ToString(), address.ToString(), "[]",
                page.ApplicationState, cancellationToken)
                         ?? throw new InvalidOperationException("The server refused to start a circuit.");
            await rendererAttached;
            var shown = WaitAsync(dom => ready(dom) && handedObjects.All(_objectsByInterop.ContainsKey), cancellationToken);
            await _hub.SendAsync("UpdateRootComponents", page.AddOperations(), page.ApplicationState, cancellationToken);
            await shown;
        }
    }

    /// <summary>Calls a <c>[JSInvokable]</c> method on an object the page handed to a JS function, as
    /// <c>invokeMethodAsync</c> does.</summary>
    public Task InvokeAsync(string interopIdentifier, string method, string argsJson, CancellationToken cancellationToken)
    {
        long target;
        lock (_gate)
            target = _objectsByInterop.TryGetValue(interopIdentifier, out var id) ? id
                : throw new InvalidOperationException($"The page never called {interopIdentifier}.");
        return _hub!.SendAsync("BeginInvokeDotNetFromJS", NextCallId(), null, method, target, argsJson, cancellationToken);
    }

    /// <summary>
    /// The browser's <c>change</c> event on an input: its value set, the event dispatched to the handler the renderer gave it,
    /// with the field info that lets the server keep its copy of the value.
    /// </summary>
    public Task ChangeAsync(LogicalDom.Element input, string value, CancellationToken cancellationToken)
    {
        long renderer;
        LogicalDom.EventHandler handler;
        lock (_gate)
        {
            if (!input.Handlers.TryGetValue("change", out handler))
                throw new InvalidOperationException($"The <{input.Tag}> has no change handler.");
            input.Attributes["value"] = value;
            renderer = _objectsByInterop[OrderEntryMarkup.AttachRenderer];
        }
        var args = JsonSerializer.Serialize(new object[]
        {
            new { eventHandlerId = handler.Id, eventName = "change",
                eventFieldInfo = new { componentId = handler.ComponentId, fieldValue = value } },
            new { value },
        });
        return _hub!.SendAsync("BeginInvokeDotNetFromJS", NextCallId(), null, "DispatchEventAsync", renderer, args, cancellationToken);
    }

    /// <summary>Reads the page under the lock the batches are applied under.</summary>
    public T Read<T>(Func<LogicalDom, T> read)
    {
        lock (_gate)
            return read(_dom);
    }

    /// <summary>
    /// Completes once <paramref name="done"/> holds after a render batch or an interop call (or at once); one wait at a time. The
    /// wait is in place when this returns its task, so an action started after it cannot be missed.
    /// </summary>
    public async Task WaitAsync(Func<LogicalDom, bool> done, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_failure is { } failure)
                throw new InvalidOperationException(failure);
            if (done(_dom))
                return;
            _waiter = (done, signal);
        }
        try
        {
            await signal.Task.WaitAsync(Patience, cancellationToken);
        }
        finally
        {
            lock (_gate)
                _waiter = null;
        }
    }

    private HubConnection Connect()
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_baseAddress, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = _cookies);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = builder.Build();
        hub.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (_gate)
                _dom.AttachRoot(componentId);
        });
        hub.On<long, byte[]>("JS.RenderBatch", RenderBatchAsync);
        hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", BeginInvokeJSAsync);
        hub.On<string, bool, string>("JS.EndInvokeDotNet", (callId, succeeded, result) =>
        {
            if (!succeeded)
                Fail($".NET call {callId} failed: {result}");
        });
        hub.On<string>("JS.Error", error => Fail("The circuit failed: " + error));
        hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        hub.Closed += error =>
        {
            Fail("The connection closed: " + (error?.Message ?? "by the server"));
            return Task.CompletedTask;
        };
        return hub;
    }

    private async Task RenderBatchAsync(long batchId, byte[] data)
    {
        string? error = null;
        try
        {
            var batch = RenderBatch.Read(data);
            lock (_gate)
            {
                _dom.Apply(batch);
                Check();
            }
        }
        catch (Exception e)
        {
            error = e.Message;
            Fail($"Render batch {batchId} could not be applied: {e.Message}");
        }
        await _hub!.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task BeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId,
        int callType)
    {
        lock (_gate)
        {
            InteropCalls[identifier] = InteropCalls.GetValueOrDefault(identifier) + 1;
            if (DotNetObject().Match(argsJson) is { Success: true } reference)
                _objectsByInterop[identifier] = long.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture);
            Check();
        }
        if (asyncHandle != 0)
            await _hub!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
                string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{OrderEntryMarkup.BrowserAnswer(identifier)}]"));
    }

    private void Check()
    {
        if (_waiter is { } waiter && waiter.Done(_dom))
            waiter.Signal.TrySetResult();
    }

    private void Fail(string failure)
    {
        lock (_gate)
        {
            _failure ??= failure;
            _waiter?.Signal.TrySetException(new InvalidOperationException(failure));
        }
    }

    private string NextCallId() => Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
            await _hub.DisposeAsync();
        // As the browser's pagehide beacon: the server disposes the circuit now instead of keeping it for a reconnection.
        if (_circuitId is not null)
        {
            try
            {
                using var _ = await _http.PostAsync("_blazor/disconnect",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = _circuitId }));
            }
            catch (HttpRequestException)
            {
            }
        }
        _http.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("\"__dotNetObject\"\\s*:\\s*(\\d+)")]
    private static partial Regex DotNetObject();
}

using System.Globalization;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// Everything the load client relies on in the order entry page (<c>/orders/new</c>), in one place so that a change to the page
/// is a change here. These are the hooks the browser tests and <c>wwwroot/js/console.js</c> already use, not the page's
/// layout: which component renders what may change freely.
/// <list type="bullet">
/// <item>the line grid: rows <c>[data-line="N"]</c> holding an input <c>[data-field=qty]</c> bound on <c>change</c>;</item>
/// <item>the summary <c>[data-testid=summary]</c> (its text changes when a new quote arrives) and the customer card
/// <c>[data-testid=customer-card]</c> (shown once <c>?sameAs=</c> has loaded the customer);</item>
/// <item>console.js's paste: the page calls <c>smartOffice.attachLineGrid(element, dotNetObject)</c> and the browser pastes an
/// Excel block by calling <c>PasteLines(lineIndex, text)</c> on that object.</item>
/// </list>
/// </summary>
internal static class OrderEntryMarkup
{
    /// <summary>The server hands the browser its renderer's interop object (events go through <c>DispatchEventAsync</c> on it).</summary>
    public const string AttachRenderer = "Blazor._internal.attachWebRendererInterop";

    public const string AttachLineGrid = "smartOffice.attachLineGrid";
    public const string PasteLines = "PasteLines";

    public static LogicalDom.Element? Summary(LogicalDom dom) => dom.Find(e => e["data-testid"] == "summary");

    public static LogicalDom.Element? CustomerCard(LogicalDom dom) => dom.Find(e => e["data-testid"] == "customer-card");

    public static LogicalDom.Element? Quantity(LogicalDom dom, int line)
    {
        var index = line.ToString(CultureInfo.InvariantCulture);
        return dom.Find(e => e["data-line"] == index) is { } row ? dom.Find(e => e["data-field"] == "qty", row) : null;
    }

    public static string SummaryText(LogicalDom dom) => Summary(dom) is { } summary ? LogicalDom.TextOf(summary) : "";

    /// <summary>
    /// What a browser at 1366×768 with the page's scripts loaded answers a JS interop call with, as JSON: the values MudBlazor
    /// asks for (is a script there, how many popover providers, the window's and an element's size); nothing (<c>null</c>) for
    /// the rest (attach, focus, listeners, the page title), which is what those functions return.
    /// </summary>
    public static string BrowserAnswer(string identifier) => identifier switch
    {
        "window.hasOwnProperty" => "true",
        "mudpopoverHelper.countProviders" => "1",
        "mudResizeListener.getBrowserWindowSize" => """{"width":1366,"height":768}""",
        "mudElementRef.getBoundingClientRect" =>
            """{"x":0,"y":0,"width":1366,"height":40,"top":0,"left":0,"right":1366,"bottom":40,"scrollX":0,"scrollY":0,"windowWidth":""" +
                """1366,"windowHeight":768}""",
        _ => "null",
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the interactive-server component markers
/// (<c>&lt;!--Blazor:{"type":"server",…}--&gt;</c>, in sequence order — here the head outlet and the routes) and the
/// protected component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>).
/// </summary>
internal sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())
            .Where(m => m["type"]?.GetValue<string>() == "server")
            .OrderBy(m => m["sequence"]!.GetValue<int>())
            .ToList();
        var state = State().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first <c>UpdateRootComponents</c> batch: every marker added as a root component, numbered from 1 in document order
    /// (the browser's ssrComponentId; the server attaches each to the number it names), each marker with the browser's
    /// unique descriptor id.
    /// </summary>
    public string AddOperations()
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = ServerMarkers[i].DeepClone().AsObject();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)\s*-->")]
    private static partial Regex State();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartOffice.Bench;

/// <summary>
/// One line of <c>bench/results/latest.json</c>: <see cref="Ratio"/> is baseline ÷ value (how many times better than the
/// baseline measured in the same run); <see cref="Met"/> says whether <see cref="Value"/> is within <see cref="Target"/>.
/// </summary>
internal sealed record BenchResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baseline")] double Baseline,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("target")] double Target,
    [property: JsonPropertyName("met")] bool Met)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Replaces this run's names in the results file and keeps the others' (benchmarks run one at a time).</summary>
    public static async Task MergeIntoAsync(string path, IReadOnlyList<BenchResult> results)
    {
        var existing = File.Exists(path)
            ? JsonSerializer.Deserialize<List<BenchResult>>(await File.ReadAllTextAsync(path), Json) ?? []
            : [];
        var names = results.Select(r => r.Name).ToHashSet();
        var merged = existing.Where(r => !names.Contains(r.Name)).Concat(results).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(merged, Json) + Environment.NewLine);
    }
}

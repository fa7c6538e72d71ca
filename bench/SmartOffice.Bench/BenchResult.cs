using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartOffice.Bench;

/// <summary>
/// One line of <c>bench/results/latest.json</c>: <see cref="Ratio"/> is baseline ÷ value (how many times better than the
/// baseline measured in the same run); <see cref="Met"/> says whether <see cref="Value"/> is within <see cref="Target"/>
/// (and, where the benchmark says so, the ratio too). A figure with no honest baseline has none (null), one with no target
/// is reported for information (target and met null). <see cref="BaselineName"/> only goes to the printed table.
/// </summary>
internal sealed record BenchResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("target")] double? Target,
    [property: JsonPropertyName("met")] bool? Met)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [JsonIgnore] public string? BaselineName { get; init; }

    /// <summary>A condition beyond the value's target, e.g. "≥ 10×" the baseline.</summary>
    [JsonIgnore] public string? TargetNote { get; init; }

    /// <summary>The target is a floor (met at or above it), e.g. the most circuits served or a share right.</summary>
    [JsonIgnore] public bool TargetIsFloor { get; init; }

    /// <summary>The value may equal its ceiling (≤ rather than &lt;).</summary>
    [JsonIgnore] public bool AtMost { get; init; }

    /// <summary>A figure against a same-run baseline (lower is better) and an upper target.</summary>
    public static BenchResult Against(string name, double value, string unit, double baseline, string baselineName, double? target,
        bool? met = null) =>
        new(name, Round(value), unit, Round(baseline), Math.Round(baseline / value, 2), target, met ?? (target is { } t ? value < t : null))
        {
            BaselineName = baselineName,
        };

    /// <summary>A figure with no honest baseline: reported absolute, with the machine.</summary>
    public static BenchResult Absolute(string name, double value, string unit, double? target) =>
        new(name, Round(value), unit, null, null, target, target is { } t ? value < t : null);

    /// <summary>A figure with no honest baseline where more is better (the most circuits served, a share right): met at
    /// or above the target.</summary>
    public static BenchResult AtLeast(string name, double value, string unit, double? target) =>
        new(name, Round(value), unit, null, null, target, target is { } t ? value >= t : null) { TargetIsFloor = true };

    /// <summary>A figure that must not pass its ceiling (a share wrong): met when the value is at most the target.</summary>
    public static BenchResult Ceiling(string name, double value, string unit, double? target) =>
        new(name, Math.Round(value, 3), unit, null, null, target, target is { } t ? value <= t : null) { AtMost = true };

    private static double Round(double value) => Math.Round(value, value < 10 ? 3 : 1);

    /// <summary>Replaces this run's names in the results file and keeps the others' (benchmarks may run one at a time).</summary>
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

    /// <summary>The run's table as Markdown (it reads in a terminal and pastes into the README as it is).</summary>
    public static string Table(IEnumerable<BenchResult> results)
    {
        var lines = new List<string>
        {
            "| figure | value | baseline (same run) | ratio | target | met |",
            "| --- | ---: | --- | ---: | ---: | --- |",
        };
        lines.AddRange(results.Select(Row));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Row(BenchResult r)
    {
        var baseline = r.Baseline is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"{b:0.###} {r.Unit} ({r.BaselineName})")
            : "— (absolute)";
        var ratio = r.Ratio is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:0.0}×") : "—";
        var target = r.Target is { } t
            ? string.Create(CultureInfo.InvariantCulture,
                $"{(r.TargetIsFloor ? "≥" : r.AtMost ? "≤" : "<")} {t:0.###} {r.Unit}{(r.TargetNote is { } n ? " and " + n : "")}")
            : "—";
        var met = r.Met switch { true => "met", false => "**missed**", null => "—" };
        return string.Create(CultureInfo.InvariantCulture,
            $"| {r.Name} | {r.Value:0.###} {r.Unit} | {baseline} | {ratio} | {target} | {met} |");
    }
}

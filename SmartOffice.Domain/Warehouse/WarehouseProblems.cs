using System.Globalization;
using System.Text.Json;

namespace SmartOffice.Domain.Warehouse;

/// <summary>A file's problems as its record keeps them (row, key, arguments as text), rendered in the reader's language
/// when read.</summary>
internal static class WarehouseProblems
{
    /// <summary>More problems than this are counted, not listed: the alert stays readable.</summary>
    private const int ProblemsKept = 500;

    /// <summary>The problems as the file record keeps them: row, key and arguments as text, rendered in the reader's language.</summary>
    public static string Stored(List<WarehouseRowProblem> problems)
    {
        var kept = problems.Take(ProblemsKept).ToList();
        if (problems.Count > ProblemsKept)
            kept.Add(new WarehouseRowProblem(0, "Warehouse.File.MoreProblems", problems.Count - ProblemsKept));
        return JsonSerializer.Serialize(kept.Select(p => new StoredProblem(p.Row, p.Key,
            p.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).ToArray())));
    }

    internal static IReadOnlyList<WarehouseRowProblem> Problems(string? stored) =>
        stored is null ? [] : JsonSerializer.Deserialize<List<StoredProblem>>(stored)!.Select(p =>
            new WarehouseRowProblem(p.Row, p.Key, p.Args)).ToList();

    private sealed record StoredProblem(int Row, string Key, string?[] Args);
}

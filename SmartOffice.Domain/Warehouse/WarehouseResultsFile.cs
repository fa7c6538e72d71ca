namespace SmartOffice.Domain.Warehouse;

/// <summary>What became of a results file: applied whole, or quarantined whole with every bad row named.</summary>
public enum WarehouseFileOutcome
{
    Applied,
    Quarantined,
}

/// <summary>Which of the warehouse's files it was (docs/warehouse-files.md).</summary>
public enum WarehouseFileKind
{
    /// <summary>出荷実績.</summary>
    Results,
    /// <summary>入荷実績: stock received.</summary>
    StockReceipts,
}

/// <summary>
/// 出荷実績ファイル (or 入荷実績ファイル, <see cref="Kind"/>) — one results file the warehouse dropped, as imported. Name and content
/// hash are its idempotency key:
/// the same file seen again (a restart mid-import, a second console instance) is never applied twice.
/// </summary>
public class WarehouseResultsFile
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the bytes, hex.</summary>
    public required string ContentHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public WarehouseFileOutcome Outcome { get; set; }
    public WarehouseFileKind Kind { get; set; }
    /// <summary>Data rows in the file (the header not counted).</summary>
    public int RowCount { get; set; }
    /// <summary>Every bad row and its problem, one a line, in the language of the import (the alert shows it as stored).</summary>
    public string? Problems { get; set; }
}

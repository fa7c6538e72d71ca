namespace SmartOffice.Domain.Jobs;

/// <summary>Which cutoff a batch closes: furniture (13:00, every channel and region) or a region's FAX or Web cutoff.</summary>
public enum CutoffKind { Furniture, Fax, Web }

/// <summary>
/// 締めバッチ — the shipments of one cutoff and acceptance day, handed to the warehouse as one shipping instruction (出荷指示).
/// Unique by (<see cref="BatchKey"/>, <see cref="AcceptanceDay"/>): a second run for the same batch cannot close it again.
/// </summary>
public class CutoffBatch
{
    public int Id { get; set; }
    /// <summary>The cutoff job's name, e.g. <c>cutoff-fax-Honshu</c>.</summary>
    public required string BatchKey { get; set; }
    public CutoffKind Kind { get; set; }
    public int? RegionId { get; set; }
    public DateOnly AcceptanceDay { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
    public int ShipmentCount { get; set; }
    public int LineCount { get; set; }
    /// <summary>The instruction file's name in the outbox; null until it is written (a run killed in between resumes here).</summary>
    public string? InstructionFile { get; set; }
    public DateTimeOffset? InstructionWrittenAt { get; set; }
}

using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Prizes;

/// <summary>賞品 — what points are exchanged for.</summary>
public class Prize : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int PointCost { get; set; }
    public int Stock { get; set; }
    public DateOnly ActiveFrom { get; set; }
    public DateOnly? ActiveTo { get; set; }
    public string? ImagePath { get; set; }
    /// <summary>The uploaded picture, kept in the database so every console instance serves the same one.</summary>
    public byte[]? ImageData { get; set; }
    public string? ImageContentType { get; set; }
    public int Version { get; set; }
}

namespace SmartOffice.Domain.Auditing;

/// <summary>Who changed what, when, and how it looked before and after (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string StaffId { get; set; }
    public required string StaffName { get; set; }
    /// <summary>A stable action key such as <c>Calendar.ClosureAdded</c>.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>Who at the customer asked for the change, or how a caller was verified.</summary>
    public string? RequestedBy { get; set; }
    public string? Note { get; set; }
}

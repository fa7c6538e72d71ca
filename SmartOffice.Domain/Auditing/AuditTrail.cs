using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Auditing;

/// <summary>Builds audit entries in the same transaction as the change they record.</summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Keep Japanese readable in the audit table.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static AuditEntry Entry(ICurrentStaff staff, TimeProvider time, string action, string entityType, object entityId,
        object? before, object? after, string? requestedBy = null, string? note = null) => new()
    {
        At = time.GetUtcNow(),
        StaffId = staff.Id,
        StaffName = staff.Name,
        Action = action,
        EntityType = entityType,
        EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Before = before is null ? null : JsonSerializer.Serialize(before, Json),
        After = after is null ? null : JsonSerializer.Serialize(after, Json),
        RequestedBy = requestedBy,
        Note = note,
    };
}

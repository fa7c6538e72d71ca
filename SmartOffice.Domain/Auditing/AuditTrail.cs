using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Auditing;

/// <summary>Builds audit entries in the same transaction as the change they record.</summary>
public static class AuditTrail
{
    /// <summary>A record's values as an entry keeps them (readable Japanese, enums by name).</summary>
    public static string Json(object values) => JsonSerializer.Serialize(values, Options);

    private static readonly JsonSerializerOptions Options = new()
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
        Before = before is null ? null : Json(before),
        After = after is null ? null : Json(after),
        RequestedBy = requestedBy,
        Note = note,
    };
}

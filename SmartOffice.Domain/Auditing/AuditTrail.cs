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
        object? before, object? after, string? requestedBy = null, string? note = null) =>
        Entry(staff.Id, staff.Name, time.GetUtcNow(), action, entityType, entityId, before, after, requestedBy, note);

    /// <summary>What a staff member did to their own account without a caller of the services (sign-in, sign-out, session end).</summary>
    public static AuditEntry BySelf(StaffUser user, TimeProvider time, string action, object? after = null, string? note = null) =>
        Entry(user.Id, user.DisplayName, time.GetUtcNow(), action, nameof(StaffUser), user.Id, null, after, null, note);

    /// <summary>What the console changed by itself (<paramref name="who"/>: e.g. start-up), not a member of staff.</summary>
    public static AuditEntry BySystem(string who, DateTimeOffset at, string action, string entityType, object entityId, object? before,
        object? after) =>
        Entry(who, who, at, action, entityType, entityId, before, after, null, null);

    private static AuditEntry Entry(string staffId, string staffName, DateTimeOffset at, string action, string entityType, object entityId,
        object? before, object? after, string? requestedBy, string? note) => new()
    {
        At = at,
        StaffId = staffId,
        StaffName = staffName,
        Action = action,
        EntityType = entityType,
        EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Before = before is null ? null : Json(before),
        After = after is null ? null : Json(after),
        RequestedBy = requestedBy,
        Note = note,
    };
}

namespace SmartOffice.Domain.Auditing;

/// <summary>Code tried to change or remove an audit entry; the audit trail only grows.</summary>
public sealed class AuditTrailAppendOnlyException()
    : InvalidOperationException("Audit entries are append-only: they are never updated or deleted.");

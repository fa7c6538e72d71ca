namespace SmartOffice.Domain.Staff;

/// <summary>The caller's role does not allow the use case (or the customer belongs to another dealer).</summary>
public sealed class AccessDeniedException(Capability capability)
    : Exception(DomainText.Format("AccessDenied"))
{
    public Capability Capability { get; } = capability;
}

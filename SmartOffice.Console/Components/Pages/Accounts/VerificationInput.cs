using SmartOffice.Domain.Accounts;

namespace SmartOffice.Console.Components.Pages.Accounts;

/// <summary>The caller check as the agent types it; the domain compares it with the records.</summary>
public sealed class VerificationInput
{
    public string? CustomerCode { get; set; }
    public string? PhoneOrFax { get; set; }
    public int? DepartmentId { get; set; }
    public string? CallerName { get; set; }

    public CallerVerification ToVerification() => new(CustomerCode, PhoneOrFax, DepartmentId, CallerName);
}

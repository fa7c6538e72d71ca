using Microsoft.AspNetCore.Identity;

namespace SmartOffice.Domain.Staff;

/// <summary>A console user (desk agent, dealer rep, supervisor, administrator).</summary>
public class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>Dealer reps are bound to exactly one dealer and see only its customers.</summary>
    public int? DealerId { get; set; }
    /// <summary>A disabled account cannot sign in and loses its open sessions.</summary>
    public bool IsActive { get; set; } = true;
}

namespace SmartOffice.Domain.Staff;

/// <summary>
/// The <c>Staff</c> section: the console's own sign-in and session rules (ASVS 6.1.1 brute force, 7.3.1 idle timeout,
/// 7.3.2 absolute lifetime). See docs/staff-and-production.md.
/// </summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>A staff session ends after this many minutes without input, checked on the server.</summary>
    public double IdleTimeoutMinutes { get; set; } = 60;
    /// <summary>A staff session ends this long after its sign-in, whatever the activity.</summary>
    public double SessionLifetimeHours { get; set; } = 12;
    /// <summary>Failed sign-ins (or wrong current passwords) before the staff account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>How often an open circuit and a sign-in cookie are checked against the account (disabled, roles changed).</summary>
    public double RevalidationMinutes { get; set; } = 1;
    /// <summary>Failed sign-ins from one address (any user names) within <see cref="AddressFailureWindowMinutes"/>
    /// before it is slowed down.</summary>
    public int AddressFailuresBeforeSlowdown { get; set; } = 10;
    public double AddressFailureWindowMinutes { get; set; } = 15;
    /// <summary>The longest wait an address is given between attempts once slowed down (the wait doubles per failure up to it).</summary>
    public int AddressSlowdownMaxSeconds { get; set; } = 60;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
    public TimeSpan SessionLifetime => TimeSpan.FromHours(SessionLifetimeHours);
    public TimeSpan RevalidationInterval => TimeSpan.FromMinutes(RevalidationMinutes);
}

namespace SmartOffice.Console.Staff;

/// <summary>The <c>Staff</c> section: the console's own sign-in rules (ASVS 6.1.1 brute force, 7.3.1 idle timeout).</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>A staff session ends after this many minutes without input.</summary>
    public double IdleTimeoutMinutes { get; set; } = 60;
    /// <summary>Failed sign-ins before the staff account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>How often an open circuit and a sign-in cookie are checked against the account (disabled, roles changed).</summary>
    public double RevalidationMinutes { get; set; } = 1;
}

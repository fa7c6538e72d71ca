using Microsoft.Extensions.Options;

namespace SmartOffice.Domain.Staff;

/// <summary>The <c>Staff</c> section at start: timeouts, lockout and slow-down in range and consistent with each other.</summary>
internal sealed class StaffSettingsCheck : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions o)
    {
        var check = new SettingsCheck(StaffOptions.Section);
        check.Range(o.IdleTimeoutMinutes, 0.05, 24 * 60, nameof(o.IdleTimeoutMinutes), "minutes");
        check.Range(o.SessionLifetimeHours, 0.01, 24 * 30, nameof(o.SessionLifetimeHours), "hours");
        check.Require(o.SessionLifetime >= o.IdleTimeout, nameof(o.SessionLifetimeHours), o.SessionLifetimeHours,
            $"is shorter than Staff:IdleTimeoutMinutes ({o.IdleTimeoutMinutes}): make the lifetime at least the idle timeout (e.g. 12 " +
                $"hours).");
        check.Range(o.RevalidationMinutes, 0.01, 60, nameof(o.RevalidationMinutes), "minutes");
        check.Require(o.RevalidationMinutes <= o.IdleTimeoutMinutes, nameof(o.RevalidationMinutes), o.RevalidationMinutes,
            $"is longer than Staff:IdleTimeoutMinutes ({o.IdleTimeoutMinutes}): check sessions at least as often as they may time out " +
                $"(e.g. 1).");
        check.Range(o.MaxFailedSignIns, 1, 100, nameof(o.MaxFailedSignIns), "failed sign-ins");
        check.Range(o.LockoutMinutes, 1, 24 * 60, nameof(o.LockoutMinutes), "minutes");
        check.Range(o.AddressFailuresBeforeSlowdown, 1, 1_000_000, nameof(o.AddressFailuresBeforeSlowdown), "failed sign-ins");
        check.Range(o.AddressFailureWindowMinutes, 0.1, 24 * 60, nameof(o.AddressFailureWindowMinutes), "minutes");
        check.Range(o.AddressSlowdownMaxSeconds, 1, 3600, nameof(o.AddressSlowdownMaxSeconds), "seconds");
        return check.Result;
    }
}

namespace SmartOffice.Domain.Calendar;

/// <summary>
/// Raised after a supervisor changes the business calendar or a region's cutoffs, so the job scheduler follows at once
/// (the jobs check the calendar again when they run, so a missed notice only delays the trigger times shown).
/// </summary>
public sealed class SchedulingChanges
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
